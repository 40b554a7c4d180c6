import { DateField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { EntityTypeField, EnumField } from '../common/fields';
import { ChangesField } from '../common/views';

export const AuditEventShow = () => (
  <Show>
    <SimpleShowLayout>
      <DateField source="at" showTime />
      <EnumField source="action" enumName="AuditAction" />
      <EntityTypeField source="entityType" />
      <TextField source="entityId" emptyText="—" />
      <TextField source="actorName" />
      <TextField source="requestId" emptyText="—" />
      <ChangesField source="changes" />
    </SimpleShowLayout>
  </Show>
);
