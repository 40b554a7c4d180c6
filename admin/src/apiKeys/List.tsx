import { DateField, SearchInput, TextField } from 'react-admin';
import { EnumField } from '../common/fields';
import { ResourceList } from '../common/views';
import { RevokeButton } from './RevokeButton';

export const ApiKeyList = () => (
  <ResourceList filters={[<SearchInput key="q" source="q" alwaysOn />]} simple={{ primaryText: 'name', secondaryText: 'keyPrefix', tertiaryText: 'revokedAt' }}>
    <TextField source="name" />
    <TextField source="keyPrefix" sortable={false} />
    <EnumField source="scope" enumName="ApiKeyScope" sortable={false} />
    <DateField source="createdAt" showTime />
    <DateField source="revokedAt" showTime emptyText="—" sortable={false} />
    <RevokeButton />
  </ResourceList>
);
