import { Datagrid, DateField, NumberField, Pagination, ReferenceField, ReferenceManyField, TabbedShowLayout, TextField, useTranslate } from 'react-admin';
import { EnumField } from '../common/fields';
import { ResourceShow } from '../common/views';

export const DepartmentShow = () => {
  const translate = useTranslate();
  return (
    <ResourceShow
      typeName="Department"
      extraTabs={[
        <TabbedShowLayout.Tab key="c" label={translate('resources.cadres.name', { smart_count: 2 })} path="cadres">
          <ReferenceManyField reference="cadres" target="departmentId" pagination={<Pagination />}>
            <Datagrid rowClick="show" bulkActionButtons={false}>
              <TextField source="name" />
              <TextField source="position" />
              <TextField source="rank" />
            </Datagrid>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>,
      ]}
    >
      <TextField source="name" />
      <EnumField source="kind" enumName="DepartmentKind" />
      <ReferenceField source="countyId" reference="counties" emptyText="luoshi.region_level" />
      <ReferenceField source="regionId" reference="regions" />
      <DateField source="updatedAt" showTime />
      <NumberField source="version" />
    </ResourceShow>
  );
};
