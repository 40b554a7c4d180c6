import { SimpleForm, TextInput, required } from 'react-admin';
import { EditToolbar, ResourceCreate, ResourceEdit } from '../common/views';

const Fields = () => (
  <>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} />
    <TextInput source="nameTibetan" />
  </>
);
export const RegionEdit = () => (
  <ResourceEdit>
    <SimpleForm toolbar={<EditToolbar />}>
      <Fields />
    </SimpleForm>
  </ResourceEdit>
);
export const RegionCreate = () => (
  <ResourceCreate>
    <SimpleForm>
      <Fields />
    </SimpleForm>
  </ResourceCreate>
);
