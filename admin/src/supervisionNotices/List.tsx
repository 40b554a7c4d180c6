import { BooleanField, BooleanInput, DateField, DateInput, ReferenceField } from 'react-admin';
import { countyFilter, EnumField, EnumInput } from '../common/fields';
import { useUser } from '../common/hooks';
import { ResourceList } from '../common/views';

export const SupervisionNoticeList = () => {
  const user = useUser();
  return (
    <ResourceList
      filters={[
        <EnumInput key="l" source="level" enumName="NoticeLevel" multiple alwaysOn />,
        ...countyFilter(user?.role),
        <BooleanInput key="o" source="overdue" />,
        <DateInput key="f" source="dueOn_gte" label="luoshi.filters.date_from" />,
        <DateInput key="t" source="dueOn_lte" label="luoshi.filters.date_to" />,
      ]}
      simple={{
        primaryText: (r) => <ReferenceField record={r} source="targetId" reference="targets" link={false} />,
        secondaryText: (r) => <EnumField record={r} source="level" enumName="NoticeLevel" />,
        tertiaryText: (r) => r.dueOn,
      }}
      sort={{ field: 'issuedOn', order: 'DESC' }}
    >
      <DateField source="issuedOn" />
      <EnumField source="level" enumName="NoticeLevel" />
      <ReferenceField source="targetId" reference="targets" link="show" sortable={false} />
      <ReferenceField source="countyId" reference="counties" link={false} sortable={false} />
      <DateField source="dueOn" />
      <DateField source="respondedOn" emptyText="—" sortable={false} />
      <BooleanField source="overdue" sortable={false} />
    </ResourceList>
  );
};
