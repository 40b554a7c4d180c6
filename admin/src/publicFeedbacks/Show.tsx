import { DateField, NumberField, ReferenceField, TextField } from 'react-admin';
import { EnumField } from '../common/fields';
import { ResourceShow } from '../common/views';

export const PublicFeedbackShow = () => (
  <ResourceShow typeName="PublicFeedback">
    <DateField source="receivedOn" />
    <EnumField source="channel" enumName="FeedbackChannel" />
    <ReferenceField source="countyId" reference="counties" />
    <TextField source="content" />
    <EnumField source="status" enumName="FeedbackStatus" />
    <TextField source="response" emptyText="—" />
    <ReferenceField source="targetId" reference="targets" emptyText="—" />
    <NumberField source="version" />
  </ResourceShow>
);
