import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import { Button, NumberField, ReferenceField, TextField, TextInput } from 'react-admin';
import { Link } from 'react-router-dom';
import { countyFilter, EnumField, EnumInput, RefInput } from '../common/fields';
import { useUser } from '../common/hooks';
import { ResourceList } from '../common/views';

export const AssessmentList = () => {
  const user = useUser();
  return (
    <ResourceList
      filters={[
        <TextInput key="p" source="period_startsWith" label="resources.assessments.fields.period" alwaysOn />,
        <EnumInput key="t" source="tier" enumName="AssessmentTier" multiple alwaysOn />,
        <EnumInput key="s" source="status" enumName="AssessmentStatus" />,
        ...countyFilter(user?.role),
        <RefInput key="d" source="departmentId" reference="departments" />,
      ]}
      simple={{ primaryText: (r) => <ReferenceField record={r} source="cadreId" reference="cadres" link={false} />, secondaryText: (r) => `${r.period} · ${r.total}`, tertiaryText: (r) => <EnumField record={r} source="tier" enumName="AssessmentTier" /> }}
      sort={{ field: 'total', order: 'DESC' }}
      extraActions={
        <Button label="luoshi.assessment.ranking" component={Link} to="/assessment-ranking">
          <LeaderboardIcon />
        </Button>
      }
    >
      <ReferenceField source="cadreId" reference="cadres" link="show" sortable={false} />
      <ReferenceField source="departmentId" reference="departments" link={false} sortable={false} />
      <TextField source="period" />
      <NumberField source="total" options={{ maximumFractionDigits: 1 }} />
      <EnumField source="tier" enumName="AssessmentTier" />
      <EnumField source="status" enumName="AssessmentStatus" />
    </ResourceList>
  );
};
