import { DateInput, NumberInput, SimpleForm, TextInput, required } from 'react-admin';
import { RefInput } from '../common/fields';
import { EditToolbar, ResourceCreate, ResourceEdit, Row } from '../common/views';

const Values = () => (
  <>
    <Row>
      <DateInput source="reportedOn" helperText="luoshi.report.reported_on_hint" />
      <TextInput source="period" helperText="2026-09 / 2026-Q3" />
    </Row>
    <Row>
      <NumberInput source="actualValue" />
      <NumberInput source="percentComplete" min={0} max={100} />
    </Row>
    <TextInput source="narrative" multiline minRows={3} fullWidth validate={required()} />
    <TextInput source="evidence" multiline fullWidth />
  </>
);
export const ProgressReportEdit = () => (
  <ResourceEdit>
    <SimpleForm toolbar={<EditToolbar />}>
      <Values />
    </SimpleForm>
  </ResourceEdit>
);
/** 报送进展: on a phone too (a county's staff often report from the field). */
export const ProgressReportCreate = () => (
  <ResourceCreate>
    <SimpleForm>
      <RefInput source="targetId" reference="targets" optionText="title" filter={{ isLeaf: true }} validate={required()} fullWidth />
      <Values />
    </SimpleForm>
  </ResourceCreate>
);
