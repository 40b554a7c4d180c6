import { DateField, DateInput, NumberField, ReferenceField, TextField, TextInput } from 'react-admin';
import { countyFilter, EnumField, EnumInput, RefInput } from '../common/fields';
import { useUser } from '../common/hooks';
import { ResourceList } from '../common/views';

export const ProgressReportList = () => {
  const user = useUser();
  return (
    <ResourceList
      filters={[
        <EnumInput key="s" source="status" enumName="ReviewStatus" alwaysOn />,
        <RefInput key="t" source="targetId" reference="targets" optionText="title" />,
        ...countyFilter(user?.role),
        <TextInput key="p" source="period_startsWith" label="resources.progressReports.fields.period" />,
        <DateInput key="f" source="reportedOn_gte" label="luoshi.filters.date_from" />,
        <DateInput key="to" source="reportedOn_lte" label="luoshi.filters.date_to" />,
      ]}
      simple={{
        primaryText: (r) => <ReferenceField record={r} source="targetId" reference="targets" link={false} />,
        secondaryText: (r) => `${r.period} · ${r.reportedOn}`,
        tertiaryText: (r) => <EnumField record={r} source="status" enumName="ReviewStatus" />,
      }}
      sort={{ field: 'reportedOn', order: 'DESC' }}
    >
      <ReferenceField source="targetId" reference="targets" link="show" sortable={false} />
      <ReferenceField source="countyId" reference="counties" link={false} sortable={false} />
      <TextField source="period" />
      <DateField source="reportedOn" />
      <NumberField source="actualValue" sortable={false} />
      <NumberField source="percentComplete" sortable={false} />
      <EnumField source="status" enumName="ReviewStatus" />
    </ResourceList>
  );
};
