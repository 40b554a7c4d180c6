/**
 * 分解立项: fan a target out to counties (all of them in one click) or to a county's
 * departments, each with its allocation; the allocation gap updates as you type; allocations
 * can be pasted from Excel or WPS (two columns: unit name, value). One decomposeTarget call,
 * all or nothing.
 */
import DeleteIcon from '@mui/icons-material/Delete';
import {
  Alert, Box, Button, Card, CardContent, Checkbox, FormControlLabel, IconButton, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow,
  TextField, ToggleButton, ToggleButtonGroup, Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { Title, useDataProvider, useGetList, useGetOne, useNotify, useRedirect, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import type { LuoshiDataProvider } from '../dataProvider';

interface Row { unitId: string; value: string }

/** Lines of "name<TAB>value" (also comma or several spaces) → rows; names not found are returned. */
export function parsePasted(text: string, units: { id: string; name: string }[]) {
  const rows: Row[] = [];
  const unknown: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const cells = line.includes('\t') ? line.split('\t') : line.split(/,|，|\s{2,}/);
    const name = cells[0]?.trim() ?? '';
    const value = (cells[1] ?? '').trim().replace(/,/g, '');
    const unit = units.find((u) => u.name === name) ?? units.find((u) => u.name.includes(name) || name.includes(u.name));
    if (!unit || value === '' || Number.isNaN(Number(value))) unknown.push(line.trim());
    else rows.push({ unitId: unit.id, value });
  }
  return { rows, unknown };
}

export const DecomposeTarget = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const dataProvider = useDataProvider<LuoshiDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const { data: target } = useGetOne('targets', { id });
  const [level, setLevel] = useState<'county' | 'department'>('county');
  const [rows, setRows] = useState<Row[]>([]);
  const [pasted, setPasted] = useState('');
  const [unknown, setUnknown] = useState<string[]>([]);
  const [proceed, setProceed] = useState(false);
  const [saving, setSaving] = useState(false);
  const { data: counties } = useGetList('counties', { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' } });
  const { data: departments } = useGetList(
    'departments',
    { filter: { countyId: target?.responsibleCountyId ?? target?.countyId }, pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: level === 'department' && !!(target?.responsibleCountyId ?? target?.countyId) },
  );
  const units = (level === 'county' ? counties : departments) ?? [];
  const quantitative = target?.kind === 'QUANTITATIVE';
  const allocated = rows.reduce((sum, r) => sum + (Number(r.value) || 0), 0);
  // allocationGap already accounts for existing children; the new ones come off it.
  const gapBefore = target?.allocationGap ?? (target?.targetValue ?? 0);
  const gap = useMemo(() => Math.round((gapBefore - allocated) * 1e6) / 1e6, [gapBefore, allocated]);

  const setRow = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const addAll = () => setRows(units.map((u) => rows.find((r) => r.unitId === u.id) ?? { unitId: u.id, value: '' }));
  const applyPaste = () => {
    const result = parsePasted(pasted, units as any);
    const merged = [...rows.filter((r) => !result.rows.some((p) => p.unitId === r.unitId)), ...result.rows];
    setRows(merged);
    setUnknown(result.unknown);
  };
  const save = async () => {
    setSaving(true);
    try {
      const key = level === 'county' ? 'responsibleCountyId' : 'responsibleDepartmentId';
      const children = rows.filter((r) => r.unitId).map((r) => ({ [key]: r.unitId, ...(quantitative ? { targetValue: Number(r.value) } : {}) }));
      await dataProvider.call('targets', 'decomposeTarget', { id, input: { children, ...(proceed ? { proceedWithReports: true } : {}) } });
      notify('luoshi.decompose.done', { type: 'info', messageArgs: { smart_count: children.length } });
      redirect(`/targets/${id}/show/children`);
    } catch (error: any) {
      notify(error.message, { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  if (!target) return null;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={`${translate('luoshi.decompose.title')} · ${target.title}`} />
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h6">{target.title}</Typography>
          {quantitative && (
            <Typography data-testid="gap" color={gap < 0 ? 'error' : gap === 0 ? 'success.main' : 'text.primary'}>
              {translate('resources.targets.fields.targetValue')} {target.targetValue}{target.unit ?? ''} · {translate('luoshi.decompose.allocated')} {allocated} ·{' '}
              <b>{translate('resources.targets.fields.allocationGap')} <span data-gap={gap}>{gap}</span></b>
            </Typography>
          )}
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <ToggleButtonGroup size="small" exclusive value={level} onChange={(_, v) => v && (setLevel(v), setRows([]))}>
              <ToggleButton value="county">{translate('resources.counties.name')}</ToggleButton>
              <ToggleButton value="department" disabled={!(target.responsibleCountyId ?? target.countyId)}>{translate('resources.departments.name')}</ToggleButton>
            </ToggleButtonGroup>
            <Button variant="outlined" onClick={addAll}>{translate('luoshi.decompose.add_all', { smart_count: units.length })}</Button>
            <Button onClick={() => setRows([...rows, { unitId: '', value: '' }])}>{translate('ra.action.add')}</Button>
          </Stack>
          <TextField
            multiline
            minRows={3}
            label={translate('luoshi.decompose.paste')}
            helperText={translate('luoshi.decompose.paste_hint')}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'paste' } }}
          />
          <Box>
            <Button variant="outlined" disabled={!pasted.trim()} onClick={applyPaste}>{translate('luoshi.decompose.apply_paste')}</Button>
          </Box>
          {unknown.length > 0 && <Alert severity="warning">{translate('luoshi.decompose.unknown')}：{unknown.join('；')}</Alert>}
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate(level === 'county' ? 'resources.targets.fields.responsibleCountyId' : 'resources.targets.fields.responsibleDepartmentId')}</TableCell>
                {quantitative && <TableCell align="right">{translate('luoshi.decompose.allocation')}</TableCell>}
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row, i) => (
                <TableRow key={i} data-testid="allocation-row">
                  <TableCell>
                    <TextField select size="small" value={row.unitId} onChange={(e) => setRow(i, { unitId: e.target.value })} sx={{ minWidth: 220 }}>
                      {units.map((u) => <MenuItem key={u.id} value={u.id}>{u.name}</MenuItem>)}
                    </TextField>
                  </TableCell>
                  {quantitative && (
                    <TableCell align="right">
                      <TextField size="small" type="number" value={row.value} onChange={(e) => setRow(i, { value: e.target.value })} sx={{ width: 140 }} />
                    </TableCell>
                  )}
                  <TableCell>
                    <IconButton size="small" aria-label={translate('ra.action.remove')} onClick={() => setRows(rows.filter((_, j) => j !== i))}><DeleteIcon /></IconButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <FormControlLabel control={<Checkbox checked={proceed} onChange={(e) => setProceed(e.target.checked)} />} label={translate('luoshi.decompose.proceed_with_reports')} />
          <Box>
            <Button variant="contained" disabled={saving || rows.length === 0 || rows.some((r) => !r.unitId || (quantitative && r.value === ''))} onClick={save}>
              {translate('luoshi.decompose.submit', { smart_count: rows.length })}
            </Button>
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
};
