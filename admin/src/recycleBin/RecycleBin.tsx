/**
 * 回收站: soft-deleted rows of every type whose list takes `deleted: true` and that has a
 * `restoreX` mutation — found in the schema, so a new type appears here by itself.
 */
import RestoreFromTrashIcon from '@mui/icons-material/RestoreFromTrash';
import { Card, CardContent, MenuItem, TextField as MuiTextField, Table, TableBody, TableCell, TableHead, TableRow, Typography, Button } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useDataProvider, useGetResourceLabel, useNotify, useTranslate } from 'react-admin';
import type { LuoshiDataProvider } from '../dataProvider';
import { useCan, useSchema, useUser } from '../common/hooks';
import { can } from '../permissions';

const LABEL_FIELDS = ['title', 'name', 'topic', 'username', 'content', 'period', 'findings', 'narrative'];

export const RecycleBin = () => {
  const translate = useTranslate();
  const getResourceLabel = useGetResourceLabel();
  const dataProvider = useDataProvider<LuoshiDataProvider>();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const user = useUser();
  const canRestore = useCan('restore', 'recycleBin');
  const { data: schema } = useSchema();
  const resources = [...(schema?.resources.values() ?? [])].filter((r) => r.hasDeleted && r.restore && can(user, 'restore', r.name)).map((r) => r.name);
  const [resource, setResource] = useState<string>('targets');
  const current = resources.includes(resource) ? resource : resources[0];
  const { data, refetch } = useQuery({
    queryKey: ['recycle-bin', current],
    enabled: !!current,
    queryFn: () =>
      dataProvider.getList(current!, { pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'DESC' }, filter: {}, meta: { deleted: true } }),
  });
  const restore = async (id: string) => {
    try {
      await dataProvider.restore(current!, { id });
      notify('luoshi.recycle_bin.restored', { type: 'info' });
      await refetch();
      await queryClient.invalidateQueries({ queryKey: [current] });
    } catch (error: any) {
      notify(error.message, { type: 'error' });
    }
  };
  const label = (r: any) => LABEL_FIELDS.map((f) => r[f]).find((v) => v != null) ?? `#${r.id}`;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('luoshi.recycle_bin.title')} />
      <CardContent>
        <MuiTextField select size="small" label={translate('luoshi.recycle_bin.type')} value={current ?? ''} onChange={(e) => setResource(e.target.value)} sx={{ minWidth: 220, mb: 2 }}>
          {resources.map((r) => (
            <MenuItem key={r} value={r}>{getResourceLabel(r, 2)}</MenuItem>
          ))}
        </MuiTextField>
        {data && data.data.length === 0 && <Typography color="text.secondary">{translate('luoshi.recycle_bin.empty')}</Typography>}
        {data && data.data.length > 0 && (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate(`resources.${current}.fields.id`)}</TableCell>
                <TableCell />
                <TableCell>{translate(`resources.${current}.fields.deletedAt`)}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {data.data.map((r: any) => (
                <TableRow key={r.id}>
                  <TableCell>{r.id}</TableCell>
                  <TableCell>{label(r)}</TableCell>
                  <TableCell>{r.deletedAt ? new Date(r.deletedAt).toLocaleString() : ''}</TableCell>
                  <TableCell align="right">
                    {canRestore && (
                      <Button size="small" startIcon={<RestoreFromTrashIcon />} onClick={() => restore(r.id)}>
                        {translate('luoshi.recycle_bin.restore')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
