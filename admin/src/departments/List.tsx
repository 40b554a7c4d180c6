import { ReferenceField, SearchInput, TextField } from 'react-admin';
import { countyFilter, EnumField, EnumInput } from '../common/fields';
import { useUser } from '../common/hooks';
import { ResourceList } from '../common/views';

export const DepartmentList = () => {
  const user = useUser();
  return (
    <ResourceList
      filters={[<SearchInput key="q" source="q" alwaysOn />, ...countyFilter(user?.role), <EnumInput key="kind" source="kind" enumName="DepartmentKind" />]}
      simple={{ primaryText: 'name', secondaryText: (r) => <ReferenceField record={r} source="countyId" reference="counties" link={false} /> }}
    >
      <TextField source="name" />
      <EnumField source="kind" enumName="DepartmentKind" />
      <ReferenceField source="countyId" reference="counties" link={false} emptyText="luoshi.region_level" sortable={false} />
    </ResourceList>
  );
};
