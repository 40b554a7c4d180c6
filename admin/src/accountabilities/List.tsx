import { DateField, DateInput, ReferenceField, SearchInput, TextField } from 'react-admin';
import { countyFilter, EnumField, EnumInput, RefInput } from '../common/fields';
import { useUser } from '../common/hooks';
import { ResourceList } from '../common/views';

export const AccountabilityList = () => {
  const user = useUser();
  return (
    <ResourceList
      filters={[
        <SearchInput key="q" source="q" alwaysOn />,
        <EnumInput key="m" source="measure" enumName="AccountabilityMeasure" alwaysOn />,
        ...countyFilter(user?.role),
        <RefInput key="c" source="cadreId" reference="cadres" />,
        <DateInput key="f" source="decidedOn_gte" label="luoshi.filters.date_from" />,
        <DateInput key="t" source="decidedOn_lte" label="luoshi.filters.date_to" />,
      ]}
      simple={{ primaryText: (r) => <ReferenceField record={r} source="cadreId" reference="cadres" link={false} />, secondaryText: 'reason', tertiaryText: (r) => <EnumField record={r} source="measure" enumName="AccountabilityMeasure" /> }}
      sort={{ field: 'decidedOn', order: 'DESC' }}
    >
      <DateField source="decidedOn" />
      <ReferenceField source="cadreId" reference="cadres" link="show" sortable={false} />
      <EnumField source="measure" enumName="AccountabilityMeasure" sortable={false} />
      <TextField source="decidingBody" sortable={false} />
      <TextField source="reason" sortable={false} />
    </ResourceList>
  );
};
