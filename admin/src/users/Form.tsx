import { BooleanInput, FormDataConsumer, PasswordInput, SimpleForm, TextInput, minLength, required } from 'react-admin';
import { EnumInput, RefInput } from '../common/fields';
import { useUser } from '../common/hooks';
import { EditToolbar, ResourceCreate, ResourceEdit, Row } from '../common/views';

const Placement = () => (
  <FormDataConsumer>
    {({ formData }) => (
      <Row>
        {formData.role !== 'ADMIN' && formData.role !== 'COUNTY' && <RefInput source="regionId" reference="regions" />}
        {formData.role === 'COUNTY' && <RefInput source="countyId" reference="counties" validate={required()} />}
      </Row>
    )}
  </FormDataConsumer>
);

export const UserEdit = () => (
  <ResourceEdit>
    <SimpleForm toolbar={<EditToolbar />}>
      <TextInput source="displayName" />
      <EnumInput source="role" enumName="Role" />
      <Placement />
      <BooleanInput source="active" />
      <PasswordInput source="password" validate={minLength(8)} />
    </SimpleForm>
  </ResourceEdit>
);
export const UserCreate = () => {
  const user = useUser();
  return (
    <ResourceCreate>
      <SimpleForm defaultValues={{ active: true, role: 'REGIONAL', regionId: user?.regionId }}>
        <Row>
          <TextInput source="username" validate={required()} />
          <TextInput source="displayName" />
        </Row>
        <PasswordInput source="password" validate={[required(), minLength(8)]} />
        <EnumInput source="role" enumName="Role" validate={required()} />
        <Placement />
        <BooleanInput source="active" />
      </SimpleForm>
    </ResourceCreate>
  );
};
