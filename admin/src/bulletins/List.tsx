import { Box, Button, TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import { BooleanField, Datagrid, DateField, List, TextField, TopToolbar, useRedirect, useTranslate } from 'react-admin';

/** Published bulletins; any month's (live) bulletin opens by its period. */
const OpenPeriod = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  // The last month that has ended: a bulletin covers a finished period.
  const [period, setPeriod] = useState(() => {
    const d = new Date();
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  });
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
      <MuiTextField size="small" label={translate('resources.bulletins.fields.period')} helperText={translate('luoshi.bulletin.period_hint')} value={period} onChange={(e) => setPeriod(e.target.value)} />
      <Button variant="contained" onClick={() => redirect('show', 'bulletins', period)}>{translate('luoshi.bulletin.open')}</Button>
    </Box>
  );
};

export const BulletinList = () => (
  <List actions={<TopToolbar><OpenPeriod /></TopToolbar>} pagination={false} exporter={false} perPage={50}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="period" sortable={false} />
      <DateField source="publishedAt" showTime sortable={false} />
      <BooleanField source="live" sortable={false} />
    </Datagrid>
  </List>
);
