import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { Button, DateField, EditButton, NumberField, Pagination, ReferenceField, ReferenceManyField, TabbedShowLayout, TextField, TopToolbar, useRecordContext, useTranslate, Datagrid } from 'react-admin';
import { Link } from 'react-router-dom';
import { useCan } from '../common/hooks';
import { EnumField, ProgressField, WarningField } from '../common/fields';
import { ResourceShow } from '../common/views';

const Actions = () => {
  const record = useRecordContext();
  const canEdit = useCan('edit', 'directives');
  return (
    <TopToolbar>
      {record && (
        <Button label="luoshi.tree.title" component={Link} to={`/directives/${record.id}/tree`}>
          <AccountTreeIcon />
        </Button>
      )}
      {canEdit && <EditButton />}
    </TopToolbar>
  );
};

export const DirectiveShow = () => {
  const translate = useTranslate();
  return (
    <ResourceShow
      typeName="Directive"
      actions={<Actions />}
      extraTabs={[
        <TabbedShowLayout.Tab key="t" label={translate('resources.targets.name', { smart_count: 2 })} path="targets">
          <ReferenceManyField reference="targets" target="directiveId" filter={{ parentId_isNull: true }} pagination={<Pagination />}>
            <Datagrid rowClick="show" bulkActionButtons={false}>
              <TextField source="title" />
              <EnumField source="category" enumName="TargetCategory" />
              <DateField source="deadline" />
              <ProgressField source="progress" />
              <WarningField source="warning" />
            </Datagrid>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>,
      ]}
    >
      <TextField source="title" />
      <TextField source="documentNumber" />
      <TextField source="issuer" />
      <EnumField source="issuerLevel" enumName="IssuerLevel" />
      <DateField source="issuedOn" />
      <TextField source="summary" />
      <ReferenceField source="regionId" reference="regions" />
      <NumberField source="version" />
    </ResourceShow>
  );
};
