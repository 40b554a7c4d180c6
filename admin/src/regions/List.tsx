import { SearchInput, TextField } from 'react-admin';
import { ResourceList } from '../common/views';

export const RegionList = () => (
  <ResourceList filters={[<SearchInput key="q" source="q" alwaysOn />]} simple={{ primaryText: 'name', secondaryText: 'code' }} sort={{ field: 'code', order: 'ASC' }}>
    <TextField source="code" />
    <TextField source="name" />
    <TextField source="nameTibetan" />
  </ResourceList>
);
