import PublishIcon from '@mui/icons-material/Publish';
import PrintIcon from '@mui/icons-material/Print';
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
  if (!record) return <TopToolbar />;
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
    </TopToolbar>
  );
};
