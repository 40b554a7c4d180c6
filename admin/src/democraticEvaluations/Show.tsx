import { DateField, NumberField, ReferenceField, TextField } from 'react-admin';
import { ResourceShow } from '../common/views';

export const DemocraticEvaluationShow = () => (
  <ResourceShow typeName="DemocraticEvaluation">
    <ReferenceField source="cadreId" reference="cadres" />
    <ReferenceField source="departmentId" reference="departments" />
    <TextField source="period" />
    <DateField source="meetingDate" emptyText="—" />
    <NumberField source="excellent" />
    <NumberField source="competent" />
    <NumberField source="basicallyCompetent" />
    <NumberField source="incompetent" />
    <NumberField source="score" />
    <TextField source="note" emptyText="—" />
    <NumberField source="version" />
  </ResourceShow>
);
