import { DateField, DateInput, ReferenceField, SearchInput, TextField } from 'react-admin';
import { countyFilter, EnumField, EnumInput } from '../common/fields';
import { useUser } from '../common/hooks';
import { ResourceList } from '../common/views';

export const PublicFeedbackList = () => {
  const user = useUser();
  return (
    <ResourceList
      filters={[
        <SearchInput key="q" source="q" alwaysOn />,
        <EnumInput key="s" source="status" enumName="FeedbackStatus" alwaysOn />,
        ...countyFilter(user?.role),
        <EnumInput key="c" source="channel" enumName="FeedbackChannel" />,
        <DateInput key="f" source="receivedOn_gte" label="luoshi.filters.date_from" />,
        <DateInput key="t" source="receivedOn_lte" label="luoshi.filters.date_to" />,
      ]}
      simple={{ primaryText: 'content', secondaryText: 'receivedOn', tertiaryText: (r) => <EnumField record={r} source="status" enumName="FeedbackStatus" /> }}
      sort={{ field: 'receivedOn', order: 'DESC' }}
    >
      <DateField source="receivedOn" />
      <EnumField source="channel" enumName="FeedbackChannel" sortable={false} />
      <ReferenceField source="countyId" reference="counties" link={false} sortable={false} />
      <TextField source="content" sortable={false} />
      <EnumField source="status" enumName="FeedbackStatus" />
    </ResourceList>
  );
};
