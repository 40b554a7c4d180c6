import { ReferenceField, SearchInput, TextField } from 'react-admin';
import { ResourceList } from '../common/views';

export const CountyList = () => (
  <ResourceList filters={[<SearchInput key="q" source="q" alwaysOn />]} simple={{ primaryText: 'name', secondaryText: 'code', tertiaryText: 'nameTibetan' }} sort={{ field: 'code', order: 'ASC' }}>
    <TextField source="code" />
    <TextField source="name" />
    <TextField source="nameTibetan" />
    <ReferenceField source="regionId" reference="regions" link={false} />
  </ResourceList>
);
