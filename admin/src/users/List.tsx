import { BooleanField, BooleanInput, ReferenceField, SearchInput, TextField } from 'react-admin';
import { EnumField, EnumInput, RefInput } from '../common/fields';
import { ResourceList } from '../common/views';

export const UserList = () => (
  <ResourceList
    filters={[
      <SearchInput key="q" source="q" alwaysOn />,
      <EnumInput key="r" source="role" enumName="Role" alwaysOn />,
      <RefInput key="c" source="countyId" reference="counties" />,
      <BooleanInput key="a" source="active" />,
    ]}
    simple={{ primaryText: 'username', secondaryText: 'displayName', tertiaryText: (r) => <EnumField record={r} source="role" enumName="Role" /> }}
    sort={{ field: 'username', order: 'ASC' }}
  >
    <TextField source="username" />
    <TextField source="displayName" sortable={false} />
    <EnumField source="role" enumName="Role" />
    <ReferenceField source="countyId" reference="counties" link={false} sortable={false} emptyText="—" />
    <BooleanField source="active" sortable={false} />
  </ResourceList>
);
