import { DateInput, NumberInput, SimpleForm, TextInput, required } from 'react-admin';
import { RefInput } from '../common/fields';
import { EditToolbar, ResourceCreate, ResourceEdit, Row } from '../common/views';

const Votes = () => (
  <>
    <Row>
      <TextInput source="period" validate={required()} helperText="2026 / 2026-Q3 / 2026-09" />
      <DateInput source="meetingDate" />
    </Row>
    <Row>
      <NumberInput source="excellent" min={0} validate={required()} />
      <NumberInput source="competent" min={0} validate={required()} />
      <NumberInput source="basicallyCompetent" min={0} validate={required()} />
      <NumberInput source="incompetent" min={0} validate={required()} />
    </Row>
    <TextInput source="note" multiline fullWidth />
  </>
);
export const DemocraticEvaluationEdit = () => (
  <ResourceEdit>
    <SimpleForm toolbar={<EditToolbar />}>
      <Votes />
    </SimpleForm>
  </ResourceEdit>
);
export const DemocraticEvaluationCreate = () => (
  <ResourceCreate>
    <SimpleForm defaultValues={{ excellent: 0, competent: 0, basicallyCompetent: 0, incompetent: 0 }}>
      <RefInput source="cadreId" reference="cadres" validate={required()} fullWidth />
      <Votes />
    </SimpleForm>
  </ResourceCreate>
);
