import { DateInput, SimpleForm, TextInput, required } from 'react-admin';
import { CountyInput, EnumInput, RefInput } from '../common/fields';
import { useUser } from '../common/hooks';
import { EditToolbar, ResourceCreate, ResourceEdit, Row } from '../common/views';

export const PublicFeedbackEdit = () => (
  <ResourceEdit>
    <SimpleForm toolbar={<EditToolbar />}>
      <TextInput source="content" multiline minRows={3} validate={required()} fullWidth />
      <EnumInput source="status" enumName="FeedbackStatus" />
      <TextInput source="response" multiline fullWidth />
      <RefInput source="targetId" reference="targets" optionText="title" fullWidth />
    </SimpleForm>
  </ResourceEdit>
);
export const PublicFeedbackCreate = () => {
  const user = useUser();
  return (
    <ResourceCreate>
      <SimpleForm defaultValues={{ countyId: user?.countyId ?? undefined, receivedOn: new Date().toISOString().slice(0, 10) }}>
        <Row>
          <CountyInput validate={required()} />
          <EnumInput source="channel" enumName="FeedbackChannel" validate={required()} />
          <DateInput source="receivedOn" validate={required()} />
        </Row>
        <TextInput source="content" multiline minRows={3} validate={required()} fullWidth />
        <RefInput source="targetId" reference="targets" optionText="title" fullWidth />
      </SimpleForm>
    </ResourceCreate>
  );
};
