import { NumberField, ReferenceField, TextField, TextInput } from 'react-admin';
import { countyFilter, RefInput } from '../common/fields';
import { useUser } from '../common/hooks';
import { ResourceList } from '../common/views';

export const DemocraticEvaluationList = () => {
  const user = useUser();
  return (
    <ResourceList
      filters={[
        <TextInput key="p" source="period_startsWith" label="resources.democraticEvaluations.fields.period" alwaysOn />,
        ...countyFilter(user?.role),
        <RefInput key="d" source="departmentId" reference="departments" />,
        <RefInput key="c" source="cadreId" reference="cadres" />,
      ]}
      simple={{ primaryText: (r) => <ReferenceField record={r} source="cadreId" reference="cadres" link={false} />, secondaryText: 'period', tertiaryText: 'score' }}
    >
      <ReferenceField source="cadreId" reference="cadres" link="show" sortable={false} />
      <ReferenceField source="departmentId" reference="departments" link={false} sortable={false} />
      <TextField source="period" />
      <NumberField source="excellent" sortable={false} />
      <NumberField source="competent" sortable={false} />
      <NumberField source="basicallyCompetent" sortable={false} />
      <NumberField source="incompetent" sortable={false} />
      <NumberField source="score" />
    </ResourceList>
  );
};
