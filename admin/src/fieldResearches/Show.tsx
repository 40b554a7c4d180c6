import { ChipField, DateField, NumberField, ReferenceArrayField, ReferenceField, SingleFieldList, TextField } from 'react-admin';
import { ResourceShow } from '../common/views';

export const FieldResearchShow = () => (
  <ResourceShow typeName="FieldResearch">
    <TextField source="topic" />
    <ReferenceField source="countyId" reference="counties" />
    <DateField source="visitedOn" />
    <TextField source="participants" />
    <TextField source="findings" />
    <ReferenceArrayField source="targetIds" reference="targets">
      <SingleFieldList linkType="show">
        <ChipField source="title" />
      </SingleFieldList>
    </ReferenceArrayField>
    <NumberField source="version" />
  </ResourceShow>
);
