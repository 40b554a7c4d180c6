import { DateField, DateInput, ReferenceField, SearchInput, TextField } from 'react-admin';
import { countyFilter } from '../common/fields';
import { useUser } from '../common/hooks';
import { ResourceList } from '../common/views';

export const FieldResearchList = () => {
  const user = useUser();
  return (
    <ResourceList
      filters={[
        <SearchInput key="q" source="q" alwaysOn />,
        ...countyFilter(user?.role),
        <DateInput key="f" source="visitedOn_gte" label="luoshi.filters.date_from" />,
        <DateInput key="t" source="visitedOn_lte" label="luoshi.filters.date_to" />,
      ]}
      simple={{ primaryText: 'topic', secondaryText: 'visitedOn', tertiaryText: (r) => <ReferenceField record={r} source="countyId" reference="counties" link={false} /> }}
      sort={{ field: 'visitedOn', order: 'DESC' }}
    >
      <TextField source="topic" />
      <ReferenceField source="countyId" reference="counties" link={false} sortable={false} />
      <DateField source="visitedOn" />
      <TextField source="participants" sortable={false} />
    </ResourceList>
  );
};
