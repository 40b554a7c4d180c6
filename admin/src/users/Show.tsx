import { BooleanField, DateField, NumberField, ReferenceField, TextField } from 'react-admin';
import { EnumField } from '../common/fields';
import { ResourceShow } from '../common/views';

export const UserShow = () => (
  <ResourceShow typeName="User">
    <TextField source="username" />
    <TextField source="displayName" emptyText="—" />
    <EnumField source="role" enumName="Role" />
    <ReferenceField source="regionId" reference="regions" emptyText="—" />
    <ReferenceField source="countyId" reference="counties" emptyText="—" />
    <BooleanField source="active" />
    <DateField source="createdAt" showTime />
    <NumberField source="version" />
  </ResourceShow>
);
