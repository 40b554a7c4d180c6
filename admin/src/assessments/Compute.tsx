import { Card } from '@mui/material';
import { SimpleForm, TextInput, Title, required, useDataProvider, useNotify, useRedirect, useTranslate } from 'react-admin';
import type { LuoshiDataProvider } from '../dataProvider';
import { RefInput } from '../common/fields';

/** 计算考核: computeAssessment for a cadre and a period; the result opens with its explanation. */
export const AssessmentCompute = () => {
  const dataProvider = useDataProvider<LuoshiDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  const save = async (values: any) => {
    try {
      const { data } = await dataProvider.call('assessments', 'computeAssessment', { cadreId: values.cadreId, period: values.period });
      redirect('show', 'assessments', data.id);
    } catch (error: any) {
      if (error.body?.errors) return error.body.errors;
      notify(error.message, { type: 'error' });
    }
  };
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('luoshi.assessment.compute')} />
      <SimpleForm onSubmit={save} resource="assessments" defaultValues={{ period: String(new Date().getFullYear()) }}>
        <RefInput source="cadreId" reference="cadres" validate={required()} fullWidth />
        <TextInput source="period" validate={required()} helperText="2026 / 2026-Q3 / 2026-09" />
      </SimpleForm>
    </Card>
  );
};
