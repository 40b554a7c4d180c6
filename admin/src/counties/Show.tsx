import { Datagrid, DateField, NumberField, ReferenceField, ReferenceManyField, TabbedShowLayout, TextField, useTranslate, Pagination } from 'react-admin';
import { EnumField } from '../common/fields';
import { ResourceShow } from '../common/views';

export const CountyShow = () => {
  const translate = useTranslate();
  return (
    <ResourceShow
      typeName="County"
      extraTabs={[
        <TabbedShowLayout.Tab key="d" label={translate('resources.departments.name', { smart_count: 2 })} path="departments">
          <ReferenceManyField reference="departments" target="countyId" pagination={<Pagination />}>
            <Datagrid rowClick="show" bulkActionButtons={false}>
              <TextField source="name" />
              <EnumField source="kind" enumName="DepartmentKind" />
            </Datagrid>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>,
      ]}
    >
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="nameTibetan" />
      <ReferenceField source="regionId" reference="regions" />
      <DateField source="updatedAt" showTime />
      <NumberField source="version" />
    </ResourceShow>
  );
};
