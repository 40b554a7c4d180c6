import { DateField, NumberField, ReferenceField, TextField } from 'react-admin';
import { EnumField } from '../common/fields';
import { ResourceShow } from '../common/views';

export const ProgressReportShow = () => (
  <ResourceShow typeName="ProgressReport">
    <ReferenceField source="targetId" reference="targets" />
    <ReferenceField source="countyId" reference="counties" emptyText="—" />
    <TextField source="period" />
    <DateField source="reportedOn" />
    <NumberField source="actualValue" emptyText="—" />
    <NumberField source="percentComplete" emptyText="—" />
    <TextField source="narrative" />
    <TextField source="evidence" emptyText="—" />
    <EnumField source="status" enumName="ReviewStatus" />
    <ReferenceField source="reporterId" reference="users" emptyText="—" link={false} />
    <ReferenceField source="reviewerId" reference="users" emptyText="—" link={false} />
    <DateField source="reviewedAt" showTime emptyText="—" />
    <TextField source="reviewNote" emptyText="—" />
    <NumberField source="version" />
  </ResourceShow>
);
