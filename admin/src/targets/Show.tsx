import {
  BooleanField, Datagrid, DateField, NumberField, Pagination, ReferenceField, ReferenceManyField, TabbedShowLayout, TextField, useTranslate,
} from 'react-admin';
import CallSplitIcon from '@mui/icons-material/CallSplit';
import { Button, EditButton, TopToolbar, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { EnumField, PercentField, ProgressField, WarningField } from '../common/fields';
import { useCan } from '../common/hooks';
import { ResourceShow } from '../common/views';

const Actions = () => {
  const record = useRecordContext();
  const canCreate = useCan('create', 'targets');
  const canEdit = useCan('edit', 'targets');
  return (
    <TopToolbar>
      {record && canCreate && (
        <Button label="luoshi.decompose.title" component={Link} to={`/targets/${record.id}/decompose`}>
          <CallSplitIcon />
        </Button>
      )}
      {canEdit && <EditButton />}
    </TopToolbar>
  );
};

export const TargetShow = () => {
  const translate = useTranslate();
  const tab = (key: string, resource: string, target: string, children: React.ReactNode) => (
    <TabbedShowLayout.Tab key={key} label={translate(`resources.${resource}.name`, { smart_count: 2 })} path={key}>
      <ReferenceManyField reference={resource} target={target} pagination={<Pagination />}>
        <Datagrid rowClick="show" bulkActionButtons={false}>{children}</Datagrid>
      </ReferenceManyField>
    </TabbedShowLayout.Tab>
  );
  return (
    <ResourceShow
      typeName="Target"
      actions={<Actions />}
      extraTabs={[
        tab('children', 'targets', 'parentId', [
          <TextField key="t" source="title" />,
          <ReferenceField key="c" source="responsibleCountyId" reference="counties" link={false} />,
          <NumberField key="v" source="targetValue" />,
          <ProgressField key="p" source="progress" />,
          <WarningField key="w" source="warning" />,
        ]),
        tab('reports', 'progressReports', 'targetId', [
          <TextField key="p" source="period" />,
          <DateField key="d" source="reportedOn" />,
          <NumberField key="a" source="actualValue" />,
          <NumberField key="pc" source="percentComplete" />,
          <EnumField key="s" source="status" enumName="ReviewStatus" />,
        ]),
        tab('inspections', 'inspections', 'targetId', [
          <DateField key="d" source="inspectedOn" />,
          <EnumField key="k" source="kind" enumName="InspectionKind" />,
          <NumberField key="r" source="rating" />,
          <EnumField key="s" source="rectificationStatus" enumName="RectificationStatus" />,
        ]),
        tab('notices', 'supervisionNotices', 'targetId', [
          <DateField key="i" source="issuedOn" />,
          <EnumField key="l" source="level" enumName="NoticeLevel" />,
          <DateField key="d" source="dueOn" />,
          <DateField key="r" source="respondedOn" />,
        ]),
      ]}
    >
      <TextField source="title" />
      <ReferenceField source="directiveId" reference="directives" />
      <ReferenceField source="parentId" reference="targets" emptyText="—" />
      <EnumField source="category" enumName="TargetCategory" />
      <EnumField source="kind" enumName="TargetKind" />
      <ReferenceField source="responsibleCountyId" reference="counties" emptyText="—" />
      <ReferenceField source="responsibleDepartmentId" reference="departments" emptyText="—" />
      <ReferenceField source="responsibleCadreId" reference="cadres" emptyText="—" />
      <DateField source="startDate" />
      <DateField source="deadline" />
      <NumberField source="baseline" />
      <NumberField source="targetValue" />
      <TextField source="unit" emptyText="—" />
      <NumberField source="allocationGap" emptyText="—" />
      <NumberField source="weight" />
      <BooleanField source="additive" />
      <ProgressField source="progress" />
      <PercentField source="elapsed" />
      <EnumField source="status" enumName="TargetStatus" />
      <WarningField source="warning" />
      <DateField source="completedOn" emptyText="—" />
      <TextField source="qualityStandard" emptyText="—" />
      <TextField source="description" emptyText="—" />
      <NumberField source="version" />
    </ResourceShow>
  );
};
