import { SimpleForm, TextInput, required } from 'react-admin';
import { CountyInput, EnumInput } from '../common/fields';
import { useUser } from '../common/hooks';
import { EditToolbar, ResourceCreate, ResourceEdit } from '../common/views';

export const DepartmentEdit = () => (
  <ResourceEdit>
    <SimpleForm toolbar={<EditToolbar />}>
      <TextInput source="name" validate={required()} />
      <EnumInput source="kind" enumName="DepartmentKind" validate={required()} />
      <CountyInput />
    </SimpleForm>
  </ResourceEdit>
);
export const DepartmentCreate = () => {
  const user = useUser();
  // A unit without a county is directly under the region (地直): the API then wants the region.
  const transform = (data: any) => (data.countyId ? data : { ...data, regionId: user?.regionId });
  return (
    <ResourceCreate transform={transform}>
      <SimpleForm defaultValues={{ countyId: user?.countyId ?? undefined }}>
        <TextInput source="name" validate={required()} />
        <EnumInput source="kind" enumName="DepartmentKind" validate={required()} />
        <CountyInput />
      </SimpleForm>
    </ResourceCreate>
  );
};
