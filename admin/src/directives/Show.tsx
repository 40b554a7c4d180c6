import { DateField, NumberField, Pagination, ReferenceField, ReferenceManyField, TabbedShowLayout, TextField, useTranslate, Datagrid } from 'react-admin';
import { EnumField, ProgressField, WarningField } from '../common/fields';
import { ResourceShow } from '../common/views';

export const DirectiveShow = () => {
  const translate = useTranslate();
  return (
    <ResourceShow
      typeName="Directive"
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
