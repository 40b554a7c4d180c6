import { BooleanInput, DateField, DateInput, ReferenceField, SearchInput, TextField } from 'react-admin';
import { countyFilter, EnumField, EnumInput, ProgressField, RefInput, WarningField } from '../common/fields';
import { useUser } from '../common/hooks';
import { ResourceList } from '../common/views';

export const targetFilters = (role?: string) => [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput key="w" source="warning" enumName="WarningLevel" multiple alwaysOn />,
  ...countyFilter(role, 'countyId'),
  <RefInput key="dir" source="directiveId" reference="directives" optionText="title" />,
  <RefInput key="dep" source="responsibleDepartmentId" reference="departments" />,
  <EnumInput key="c" source="category" enumName="TargetCategory" />,
  <EnumInput key="k" source="kind" enumName="TargetKind" />,
  <EnumInput key="s" source="status" enumName="TargetStatus" multiple />,
  <DateInput key="df" source="deadline_gte" label="luoshi.filters.deadline_from" />,
  <DateInput key="dt" source="deadline_lte" label="luoshi.filters.deadline_to" />,
  <BooleanInput key="leaf" source="isLeaf" />,
];

export const TargetList = () => {
  const user = useUser();
  return (
    <ResourceList
      filters={targetFilters(user?.role)}
      simple={{
        primaryText: 'title',
        secondaryText: (r) => <ProgressField record={r} />,
        tertiaryText: (r) => <WarningField record={r} />,
      }}
      sort={{ field: 'deadline', order: 'ASC' }}
    >
      <TextField source="title" />
      <EnumField source="category" enumName="TargetCategory" />
      <ReferenceField source="countyId" reference="counties" link={false} sortable={false} emptyText="luoshi.region_level" />
      <ReferenceField source="responsibleDepartmentId" reference="departments" link={false} sortable={false} />
      <DateField source="deadline" />
      <ProgressField source="progress" />
      <EnumField source="status" enumName="TargetStatus" />
      <WarningField source="warning" />
    </ResourceList>
  );
};
