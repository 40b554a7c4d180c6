import { DateField, NumberField, ReferenceField, TextField } from 'react-admin';
import { EnumField } from '../common/fields';
import { ResourceShow } from '../common/views';

export const CadreShow = () => (
  <ResourceShow typeName="Cadre">
    <TextField source="name" />
    <TextField source="nameTibetan" />
    <EnumField source="gender" enumName="Gender" />
    <TextField source="ethnicity" />
    <DateField source="birthDate" />
    <TextField source="position" />
    <TextField source="rank" />
    <EnumField source="status" enumName="CadreStatus" />
    <TextField source="phone" emptyText="—" />
    <ReferenceField source="departmentId" reference="departments" />
    <DateField source="updatedAt" showTime />
    <NumberField source="version" />
  </ResourceShow>
);
