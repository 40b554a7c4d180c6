import PublishIcon from '@mui/icons-material/Publish';
import PrintIcon from '@mui/icons-material/Print';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import UndoIcon from '@mui/icons-material/Undo';
import { useState } from 'react';
import { Button, Confirm, TopToolbar, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { LuoshiDataProvider } from '../dataProvider';
import { useCan } from '../common/hooks';

/** Publishing freezes the bulletin: confirmed first. */
export const BulletinActions = () => {
  const record = useRecordContext();
  const dataProvider = useDataProvider<LuoshiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const canPublish = useCan('publish', 'bulletins');
  const [open, setOpen] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  if (!record) return <TopToolbar />;
  const withdraw = async () => {
    setWithdrawing(false);
    try {
      await dataProvider.call('bulletins', 'withdrawBulletin', { period: record.period, reason });
      notify('luoshi.bulletin.withdrawn_note', { type: 'info' });
      refresh();
    } catch (error: any) {
      notify(error.message, { type: 'error' });
    }
  };
  const publish = async () => {
    setOpen(false);
    try {
      await dataProvider.call('bulletins', 'publishBulletin', { period: record.period });
      notify('luoshi.bulletin.published_note', { type: 'info' });
      refresh();
    } catch (error: any) {
      notify(error.message, { type: 'error' });
    }
  };
  return (
    <TopToolbar>
      <Button label="luoshi.bulletin.print" component={Link} to={`/bulletins/${record.period}/print`}>
        <PrintIcon />
      </Button>
      {canPublish && record.live && (
        <>
          <Button label="luoshi.bulletin.publish" onClick={() => setOpen(true)}>
            <PublishIcon />
          </Button>
          <Confirm isOpen={open} title="luoshi.bulletin.publish" content={translate('luoshi.bulletin.publish_confirm', { period: record.period })} onConfirm={publish} onClose={() => setOpen(false)} />
        </>
      )}
      {canPublish && !record.live && !record.withdrawnAt && (
        <>
          <Button label="luoshi.bulletin.withdraw" color="error" onClick={() => setWithdrawing(true)}>
            <UndoIcon />
          </Button>
          <Dialog open={withdrawing} onClose={() => setWithdrawing(false)}>
            <DialogTitle>{translate('luoshi.bulletin.withdraw')}</DialogTitle>
            <DialogContent sx={{ pt: '8px !important', minWidth: 320 }}>
              <TextField fullWidth required multiline label={translate('resources.bulletins.fields.withdrawalReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
            </DialogContent>
            <DialogActions>
              <MuiButton onClick={() => setWithdrawing(false)}>{translate('ra.action.cancel')}</MuiButton>
              <MuiButton disabled={!reason.trim()} onClick={withdraw}>{translate('ra.action.confirm')}</MuiButton>
            </DialogActions>
          </Dialog>
        </>
      )}
    </TopToolbar>
  );
};
