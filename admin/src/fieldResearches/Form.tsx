import { AutocompleteArrayInput, DateInput, ReferenceArrayInput, SimpleForm, TextInput, required } from 'react-admin';
import { CountyInput } from '../common/fields';
import { useUser } from '../common/hooks';
import { EditToolbar, ResourceCreate, ResourceEdit, Row } from '../common/views';

const Fields = () => (
  <>
    <Row>
      <TextInput source="topic" validate={required()} />
      <DateInput source="visitedOn" validate={required()} />
    </Row>
    <TextInput source="participants" validate={required()} fullWidth />
    <TextInput source="findings" multiline minRows={3} validate={required()} fullWidth />
    <ReferenceArrayInput source="targetIds" reference="targets">
      <AutocompleteArrayInput optionText="title" filterToQuery={(q: string) => (q ? { q } : {})} fullWidth />
    </ReferenceArrayInput>
  </>
);
export const FieldResearchEdit = () => (
  <ResourceEdit>
    <SimpleForm toolbar={<EditToolbar />}>
      <Fields />
    </SimpleForm>
  </ResourceEdit>
);
export const FieldResearchCreate = () => {
  const user = useUser();
  return (
    <ResourceCreate>
      <SimpleForm defaultValues={{ countyId: user?.countyId ?? undefined }}>
        <CountyInput validate={required()} />
        <Fields />
      </SimpleForm>
    </ResourceCreate>
  );
};
