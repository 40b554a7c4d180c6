import { BooleanField, DateField, NumberField, ReferenceField, TextField } from 'react-admin';
import { EnumField } from '../common/fields';
import { ResourceShow } from '../common/views';

export const InspectionShow = () => (
  <ResourceShow typeName="Inspection">
    <DateField source="inspectedOn" />
    <EnumField source="kind" enumName="InspectionKind" />
    <ReferenceField source="targetId" reference="targets" emptyText="—" />
    <ReferenceField source="countyId" reference="counties" emptyText="—" />
    <ReferenceField source="departmentId" reference="departments" emptyText="—" />
    <TextField source="inspectors" />
    <NumberField source="rating" />
    <TextField source="findings" />
    <BooleanField source="rectificationRequired" />
    <DateField source="rectificationDeadline" emptyText="—" />
    <EnumField source="rectificationStatus" enumName="RectificationStatus" />
    <BooleanField source="rectificationOverdue" />
    <TextField source="rectificationNote" emptyText="—" />
    <DateField source="closedOn" emptyText="—" />
    <NumberField source="version" />
  </ResourceShow>
);
