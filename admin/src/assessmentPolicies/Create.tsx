import { useQuery } from '@tanstack/react-query';
import { NumberInput, SimpleForm, TextInput, Title, required, useDataProvider, useNotify, useRedirect, useTranslate } from 'react-admin';
import { Card } from '@mui/material';
import type { LuoshiDataProvider } from '../dataProvider';
import { Row } from '../common/views';

/** 保存为新政策: updateAssessmentPolicy keeps the old one in the history. */
export const PolicyCreate = () => {
  const dataProvider = useDataProvider<LuoshiDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  const { data } = useQuery({
    queryKey: ['assessmentPolicy'],
    queryFn: () => dataProvider.query('{ assessmentPolicy { redGap yellowGap yellowDaysLeft yellowMinProgress noticeResponseDays } }').then((d) => d.assessmentPolicy),
  });
  const save = async (values: any) => {
    try {
      await dataProvider.call('assessmentPolicies', 'updateAssessmentPolicy', { input: values });
      notify('ra.notification.created', { type: 'info', messageArgs: { smart_count: 1 } });
      redirect('list', 'assessmentPolicies');
    } catch (error: any) {
      if (error.body?.errors) return error.body.errors;
      notify(error.message, { type: 'error' });
    }
  };
  if (!data) return null;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('luoshi.policy.save_new')} />
      <SimpleForm onSubmit={save} defaultValues={data} resource="assessmentPolicies">
        <Row>
          <NumberInput source="redGap" step={0.05} validate={required()} />
          <NumberInput source="yellowGap" step={0.05} validate={required()} />
        </Row>
        <Row>
          <NumberInput source="yellowDaysLeft" validate={required()} />
          <NumberInput source="yellowMinProgress" step={0.05} validate={required()} />
          <NumberInput source="noticeResponseDays" validate={required()} />
        </Row>
        <TextInput source="note" fullWidth validate={required()} />
      </SimpleForm>
    </Card>
  );
};
