import { DateInput, SimpleForm, TextInput, required } from 'react-admin';
import { EnumInput, RefInput } from '../common/fields';
import { EditToolbar, ResourceCreate, ResourceEdit, Row } from '../common/views';

const Fields = () => (
  <>
    <Row>
      <EnumInput source="measure" enumName="AccountabilityMeasure" validate={required()} />
      <DateInput source="decidedOn" validate={required()} />
      <TextInput source="decidingBody" validate={required()} />
    </Row>
    <TextInput source="reason" multiline fullWidth validate={required()} />
    <TextInput source="evidence" multiline fullWidth />
    <RefInput source="targetId" reference="targets" optionText="title" fullWidth />
  </>
);
export const AccountabilityEdit = () => (
  <ResourceEdit>
    <SimpleForm toolbar={<EditToolbar />}>
      <Fields />
    </SimpleForm>
  </ResourceEdit>
);
export const AccountabilityCreate = () => (
  <ResourceCreate>
    <SimpleForm>
      <RefInput source="cadreId" reference="cadres" validate={required()} fullWidth />
      <Fields />
    </SimpleForm>
  </ResourceCreate>
);
