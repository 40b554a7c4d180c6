import { DateInput, SimpleForm, TextInput, required } from 'react-admin';
import { EnumInput } from '../common/fields';
import { EditToolbar, ResourceCreate, ResourceEdit, Row } from '../common/views';

const Fields = () => (
  <>
    <TextInput source="title" validate={required()} fullWidth />
    <Row>
      <TextInput source="documentNumber" />
      <TextInput source="issuer" validate={required()} />
      <EnumInput source="issuerLevel" enumName="IssuerLevel" validate={required()} />
      <DateInput source="issuedOn" validate={required()} />
    </Row>
    <TextInput source="summary" multiline fullWidth minRows={3} />
  </>
);
export const DirectiveEdit = () => (
  <ResourceEdit>
    <SimpleForm toolbar={<EditToolbar />}>
      <Fields />
    </SimpleForm>
  </ResourceEdit>
);
export const DirectiveCreate = () => (
  <ResourceCreate>
    <SimpleForm>
      <Fields />
    </SimpleForm>
  </ResourceCreate>
);
