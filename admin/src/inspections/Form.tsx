import { BooleanInput, DateInput, NumberInput, SimpleForm, TextInput, required } from 'react-admin';
import { CountyInput, EnumInput, RefInput } from '../common/fields';
import { EditToolbar, ResourceCreate, ResourceEdit, Row } from '../common/views';

const Fields = () => (
  <>
    <Row>
      <EnumInput source="kind" enumName="InspectionKind" validate={required()} />
      <DateInput source="inspectedOn" validate={required()} />
      <NumberInput source="rating" min={0} max={100} validate={required()} />
    </Row>
    <TextInput source="inspectors" validate={required()} fullWidth />
    <TextInput source="findings" multiline minRows={3} validate={required()} fullWidth />
    <Row>
      <BooleanInput source="rectificationRequired" />
      <DateInput source="rectificationDeadline" />
    </Row>
  </>
);
export const InspectionEdit = () => (
  <ResourceEdit>
    <SimpleForm toolbar={<EditToolbar />}>
      <Fields />
    </SimpleForm>
  </ResourceEdit>
);
export const InspectionCreate = () => (
  <ResourceCreate>
    <SimpleForm defaultValues={{ rectificationRequired: false, kind: 'ROUTINE' }}>
      <RefInput source="targetId" reference="targets" optionText="title" fullWidth />
      <Row>
        <CountyInput />
        <RefInput source="departmentId" reference="departments" />
      </Row>
      <Fields />
    </SimpleForm>
  </ResourceCreate>
);
