import { BooleanInput, DateInput, FormDataConsumer, NumberInput, SimpleForm, TextInput, required } from 'react-admin';
import { EnumInput, RefInput } from '../common/fields';
import { EditToolbar, ResourceCreate, ResourceEdit, Row } from '../common/views';

const Fields = ({ create }: { create?: boolean }) => (
  <>
    <TextInput source="title" validate={required()} fullWidth />
    <Row>
      <RefInput source="directiveId" reference="directives" optionText="title" />
      {create && <RefInput source="parentId" reference="targets" optionText="title" />}
    </Row>
    <Row>
      <EnumInput source="category" enumName="TargetCategory" />
      {create && <EnumInput source="kind" enumName="TargetKind" />}
    </Row>
    <Row>
      <RefInput source="responsibleCountyId" reference="counties" />
      <RefInput source="responsibleDepartmentId" reference="departments" />
      <RefInput source="responsibleCadreId" reference="cadres" />
    </Row>
    <Row>
      <DateInput source="startDate" />
      <DateInput source="deadline" />
    </Row>
    <FormDataConsumer>
      {({ formData }) =>
        formData.kind !== 'QUALITATIVE' && (
          <Row>
            <NumberInput source="baseline" />
            <NumberInput source="targetValue" />
            <TextInput source="unit" />
            <BooleanInput source="additive" />
          </Row>
        )
      }
    </FormDataConsumer>
    <NumberInput source="weight" min={0} />
    <TextInput source="qualityStandard" multiline fullWidth />
    <TextInput source="description" multiline fullWidth />
  </>
);
export const TargetEdit = () => (
  <ResourceEdit>
    <SimpleForm toolbar={<EditToolbar />}>
      <Fields />
    </SimpleForm>
  </ResourceEdit>
);
export const TargetCreate = () => (
  <ResourceCreate>
    <SimpleForm defaultValues={{ kind: 'QUANTITATIVE', weight: 1 }}>
      <Fields create />
    </SimpleForm>
  </ResourceCreate>
);
