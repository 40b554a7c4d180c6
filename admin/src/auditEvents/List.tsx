import { DateField, DateTimeInput, TextField, TextInput } from 'react-admin';
import { EntityTypeField, EnumField, EnumInput } from '../common/fields';
import { ResourceList } from '../common/views';

export const AuditEventList = () => (
  <ResourceList
    filters={[
      <EnumInput key="a" source="action" enumName="AuditAction" multiple alwaysOn />,
      <TextInput key="t" source="entityType" />,
      <TextInput key="e" source="entityId" />,
      <TextInput key="n" source="actorName_contains" label="resources.auditEvents.fields.actorName" />,
      <DateTimeInput key="f" source="at_gte" label="luoshi.filters.date_from" />,
      <DateTimeInput key="to" source="at_lte" label="luoshi.filters.date_to" />,
    ]}
    simple={{ primaryText: (r) => `${r.entityType} ${r.entityId ?? ''}`, secondaryText: 'actorName', tertiaryText: (r) => <EnumField record={r} source="action" enumName="AuditAction" /> }}
    sort={{ field: 'at', order: 'DESC' }}
  >
    <DateField source="at" showTime />
    <EnumField source="action" enumName="AuditAction" sortable={false} />
    <EntityTypeField source="entityType" />
    <TextField source="entityId" sortable={false} />
    <TextField source="actorName" />
  </ResourceList>
);
