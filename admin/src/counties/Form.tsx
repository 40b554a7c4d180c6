import { SimpleForm, TextInput, required } from 'react-admin';
import { RefInput } from '../common/fields';
import { useUser } from '../common/hooks';
import { EditToolbar, ResourceCreate, ResourceEdit } from '../common/views';

export const CountyEdit = () => (
  <ResourceEdit>
    <SimpleForm toolbar={<EditToolbar />}>
      <TextInput source="code" validate={required()} />
      <TextInput source="name" validate={required()} />
      <TextInput source="nameTibetan" />
    </SimpleForm>
  </ResourceEdit>
);
export const CountyCreate = () => {
  const user = useUser();
  return (
    <ResourceCreate>
      <SimpleForm defaultValues={{ regionId: user?.regionId }}>
        <RefInput source="regionId" reference="regions" validate={required()} />
        <TextInput source="code" validate={required()} />
        <TextInput source="name" validate={required()} />
        <TextInput source="nameTibetan" />
      </SimpleForm>
    </ResourceCreate>
  );
};
