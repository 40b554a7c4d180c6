import { Alert, Box, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useState } from 'react';
import { Create, SimpleForm, TextInput, required, useRedirect, useTranslate } from 'react-admin';

/** A new key is shown once, in a dialog, and never again (only its hash is kept). */
export const ApiKeyCreate = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [created, setCreated] = useState<{ key: string; id: string } | null>(null);
  return (
    <>
      <Create mutationOptions={{ onSuccess: (data: any) => setCreated({ key: data.key, id: data.id }) }}>
        <SimpleForm>
          <TextInput source="name" validate={required()} fullWidth />
        </SimpleForm>
      </Create>
      <Dialog open={!!created} maxWidth="md">
        <DialogTitle>{translate('resources.apiKeys.fields.key')}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>{translate('luoshi.api_key.shown_once')}</Alert>
          <Box sx={{ p: 1, bgcolor: 'grey.100', fontFamily: 'monospace', wordBreak: 'break-all' }} data-testid="new-api-key">
            <Typography component="div" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{created?.key}</Typography>
          </Box>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => { const id = created?.id; setCreated(null); redirect('show', 'apiKeys', id); }}>{translate('ra.action.close')}</MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
