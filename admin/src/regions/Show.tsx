import { DateField, NumberField, TextField } from 'react-admin';
import { ResourceShow } from '../common/views';

export const RegionShow = () => (
  <ResourceShow typeName="Region">
    <TextField source="code" />
    <TextField source="name" />
    <TextField source="nameTibetan" />
    <DateField source="updatedAt" showTime />
    <NumberField source="version" />
  </ResourceShow>
);
