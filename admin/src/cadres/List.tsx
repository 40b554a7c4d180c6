import { ReferenceField, SearchInput, TextField } from 'react-admin';
import { countyFilter, EnumField, EnumInput, RefInput } from '../common/fields';
import { useUser } from '../common/hooks';
import { ResourceList } from '../common/views';

export const CadreList = () => {
  const user = useUser();
  return (
    <ResourceList
      filters={[
        <SearchInput key="q" source="q" alwaysOn />,
        ...countyFilter(user?.role),
        <RefInput key="d" source="departmentId" reference="departments" />,
        <EnumInput key="s" source="status" enumName="CadreStatus" />,
        <EnumInput key="g" source="gender" enumName="Gender" />,
      ]}
      simple={{ primaryText: 'name', secondaryText: 'position', tertiaryText: 'nameTibetan' }}
    >
      <TextField source="name" />
      <TextField source="nameTibetan" />
      <EnumField source="gender" enumName="Gender" />
      <TextField source="ethnicity" sortable={false} />
      <TextField source="position" />
      <TextField source="rank" />
      <EnumField source="status" enumName="CadreStatus" />
      <ReferenceField source="departmentId" reference="departments" link="show" />
    </ResourceList>
  );
};
