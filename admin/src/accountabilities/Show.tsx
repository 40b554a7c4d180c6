import { DateField, NumberField, ReferenceField, TextField } from 'react-admin';
import { EnumField } from '../common/fields';
import { ResourceShow } from '../common/views';

export const AccountabilityShow = () => (
  <ResourceShow typeName="Accountability">
    <ReferenceField source="cadreId" reference="cadres" />
    <ReferenceField source="departmentId" reference="departments" />
    <EnumField source="measure" enumName="AccountabilityMeasure" />
    <DateField source="decidedOn" />
    <TextField source="decidingBody" />
    <TextField source="reason" />
    <TextField source="evidence" emptyText="—" />
    <ReferenceField source="targetId" reference="targets" emptyText="—" />
    <NumberField source="version" />
  </ResourceShow>
);
