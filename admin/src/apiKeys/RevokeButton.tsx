import BlockIcon from '@mui/icons-material/Block';
import { useState } from 'react';
import { Button, Confirm, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { LuoshiDataProvider } from '../dataProvider';

export const RevokeButton = () => {
  const record = useRecordContext();
  const dataProvider = useDataProvider<LuoshiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!record || record.revokedAt) return null;
  const revoke = async () => {
    setOpen(false);
    try {
      await dataProvider.call('apiKeys', 'revokeApiKey', { id: record.id });
      notify('luoshi.api_key.revoked', { type: 'info' });
      refresh();
    } catch (error: any) {
      notify(error.message, { type: 'error' });
    }
  };
  return (
    <>
      <Button label="luoshi.api_key.revoke" color="error" onClick={(e) => { e.stopPropagation(); setOpen(true); }}>
        <BlockIcon />
      </Button>
      <Confirm isOpen={open} title="luoshi.api_key.revoke" content={translate('luoshi.api_key.revoke_confirm')} onConfirm={revoke} onClose={() => setOpen(false)} />
    </>
  );
};
