import { DateInput, SimpleForm, TextInput, required } from 'react-admin';
import { EnumInput, RefInput } from '../common/fields';
import { ResourceCreate, Row } from '../common/views';

/** 督办: the level defaults to the next rung of the ladder when left empty. */
export const SupervisionNoticeCreate = () => (
  <ResourceCreate>
    <SimpleForm>
      <RefInput source="targetId" reference="targets" optionText="title" validate={required()} fullWidth />
      <Row>
        <EnumInput source="level" enumName="NoticeLevel" />
        <DateInput source="issuedOn" />
        <DateInput source="dueOn" />
      </Row>
      <TextInput source="content" multiline minRows={3} validate={required()} fullWidth />
    </SimpleForm>
  </ResourceCreate>
);
