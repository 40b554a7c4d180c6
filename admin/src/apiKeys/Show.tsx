import { DateField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { EnumField } from '../common/fields';
import { RevokeButton } from './RevokeButton';

export const ApiKeyShow = () => (
  <Show actions={<TopToolbar><RevokeButton /></TopToolbar>}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="keyPrefix" />
      <EnumField source="scope" enumName="ApiKeyScope" />
      <DateField source="createdAt" showTime />
      <DateField source="revokedAt" showTime emptyText="—" />
    </SimpleShowLayout>
  </Show>
);
