import { BooleanField, DateField, NumberField, ReferenceField, TextField } from 'react-admin';
import { EnumField } from '../common/fields';
import { ResourceShow } from '../common/views';

export const SupervisionNoticeShow = () => (
  <ResourceShow typeName="SupervisionNotice">
    <EnumField source="level" enumName="NoticeLevel" />
    <ReferenceField source="targetId" reference="targets" />
    <ReferenceField source="countyId" reference="counties" emptyText="—" />
    <TextField source="content" />
    <DateField source="issuedOn" />
    <DateField source="dueOn" />
    <BooleanField source="overdue" />
    <TextField source="response" emptyText="—" />
    <DateField source="respondedOn" emptyText="—" />
    <NumberField source="version" />
  </ResourceShow>
);
