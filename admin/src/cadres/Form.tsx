import { DateInput, SimpleForm, TextInput, required } from 'react-admin';
import { EnumInput, RefInput } from '../common/fields';
import { EditToolbar, ResourceCreate, ResourceEdit, Row } from '../common/views';

const Fields = () => (
  <>
    <Row>
      <TextInput source="name" validate={required()} />
      <TextInput source="nameTibetan" />
    </Row>
    <Row>
      <EnumInput source="gender" enumName="Gender" validate={required()} />
      <TextInput source="ethnicity" validate={required()} />
      <DateInput source="birthDate" />
    </Row>
    <RefInput source="departmentId" reference="departments" validate={required()} fullWidth />
    <Row>
      <TextInput source="position" validate={required()} />
      <TextInput source="rank" validate={required()} />
      <EnumInput source="status" enumName="CadreStatus" />
    </Row>
    <TextInput source="phone" />
  </>
);
export const CadreEdit = () => (
  <ResourceEdit>
    <SimpleForm toolbar={<EditToolbar />}>
      <Fields />
    </SimpleForm>
  </ResourceEdit>
);
export const CadreCreate = () => (
  <ResourceCreate>
    <SimpleForm defaultValues={{ status: 'ACTIVE', ethnicity: '藏族' }}>
      <Fields />
    </SimpleForm>
  </ResourceCreate>
);
