import { BooleanInput, DateField, DateInput, NumberField, ReferenceField } from 'react-admin';
import { countyFilter, EnumField, EnumInput } from '../common/fields';
import { useUser } from '../common/hooks';
import { ResourceList } from '../common/views';

export const InspectionList = () => {
  const user = useUser();
  return (
    <ResourceList
      filters={[
        <EnumInput key="rs" source="rectificationStatus" enumName="RectificationStatus" alwaysOn />,
        ...countyFilter(user?.role),
        <EnumInput key="k" source="kind" enumName="InspectionKind" />,
        <BooleanInput key="o" source="rectificationOverdue" />,
        <DateInput key="f" source="inspectedOn_gte" label="luoshi.filters.date_from" />,
        <DateInput key="t" source="inspectedOn_lte" label="luoshi.filters.date_to" />,
        <DateInput key="rd" source="rectificationDeadline_lte" label="resources.inspections.fields.rectificationDeadline" />,
      ]}
      simple={{
        primaryText: (r) => <ReferenceField record={r} source="countyId" reference="counties" link={false} />,
        secondaryText: (r) => `${r.inspectedOn} · ${r.rating}`,
        tertiaryText: (r) => <EnumField record={r} source="rectificationStatus" enumName="RectificationStatus" />,
      }}
      sort={{ field: 'inspectedOn', order: 'DESC' }}
    >
      <DateField source="inspectedOn" />
      <EnumField source="kind" enumName="InspectionKind" sortable={false} />
      <ReferenceField source="countyId" reference="counties" link={false} sortable={false} />
      <ReferenceField source="targetId" reference="targets" link="show" sortable={false} emptyText="—" />
      <NumberField source="rating" />
      <EnumField source="rectificationStatus" enumName="RectificationStatus" sortable={false} />
      <DateField source="rectificationDeadline" emptyText="—" />
    </ResourceList>
  );
};
