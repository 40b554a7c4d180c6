/**
 * 分析工作台: GraphiQL inside the console. Queries go to /graphql with the signed-in user's
 * token (so they see what the user may see), the schema docs and completion come from
 * introspection with that token, every schema/examples/*.graphql is one click away, and the
 * first list of objects in the last result exports to CSV or XLSX.
 */
import './workers';
import 'graphiql/style.css';
import './workbench.css';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Alert, Box, Button, Card, Chip, List, ListItemButton, ListItemText, ListSubheader, Stack, Tooltip, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import TableViewIcon from '@mui/icons-material/TableView';
import { GraphiQL } from 'graphiql';
import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import type { Fetcher, FetcherParams, FetcherOpts } from '@graphiql/toolkit';
import { Title, useLocale, useTranslate } from 'react-admin';
import { getToken, getUser } from '../authStorage';
import { EXAMPLES, type Example } from './examples';
import { download, resultTable, toCsv, toXlsx, type ResultTable } from './table';
import { WORKBENCH_ROLES } from './access';

interface Bridge {
  open(example: Example): void;
}

/** Rendered inside GraphiQL's provider: hands the page a way to load an example into the editors. */
const EditorBridge = ({ bridge }: { bridge: React.MutableRefObject<Bridge | null> }) => {
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const variableEditor = useGraphiQL((s) => s.variableEditor);
  const { setOperationName } = useGraphiQLActions();
  bridge.current = {
    open(example) {
      queryEditor?.setValue(example.text);
      variableEditor?.setValue('');
      if (example.operation) setOperationName(example.operation);
      queryEditor?.focus();
    },
  };
  return null;
};

/** GraphiQL's tabs and history, kept per user in this browser. */
const userStorage = (username: string) => {
  const prefix = `luoshi.workbench.${username}.`;
  return {
    getItem: (key: string) => localStorage.getItem(prefix + key),
    setItem: (key: string, value: string) => localStorage.setItem(prefix + key, value),
    removeItem: (key: string) => localStorage.removeItem(prefix + key),
    clear: () => {
      for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key);
    },
    get length() {
      return Object.keys(localStorage).filter((key) => key.startsWith(prefix)).length;
    },
  };
};

const WorkbenchIde = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const user = getUser();
  const bridge = useRef<Bridge | null>(null);
  const [result, setResult] = useState<{ table: ResultTable | null; operation: string } | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  const fetcher = useMemo<Fetcher>(
    () => async (params: FetcherParams, _opts?: FetcherOpts) => {
      const token = getToken();
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'accept-language': locale === 'en' ? 'en' : 'zh-CN',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(params),
      });
      const text = await response.text();
      let body: any;
      try {
        body = JSON.parse(text);
      } catch {
        body = { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 200)}` }] };
      }
      if (params.operationName !== 'IntrospectionQuery') {
        setResult({ table: body?.data ? resultTable(body) : null, operation: params.operationName || 'result' });
        setExportError(null);
      }
      return body;
    },
    [locale],
  );
  const storage = useMemo(() => userStorage(user?.username ?? 'anonymous'), [user?.username]);

  const open = useCallback((example: Example) => {
    bridge.current?.open(example);
    setOpened(example.name);
  }, []);

  const stamp = () => new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
  const exportCsv = () => {
    if (!result?.table) return;
    download(new Blob([toCsv(result.table)], { type: 'text/csv;charset=utf-8' }), `${result.operation}-${stamp()}.csv`);
  };
  const exportXlsx = async () => {
    if (!result?.table) return;
    try {
      download(await toXlsx(result.table, result.operation), `${result.operation}-${stamp()}.xlsx`);
    } catch (error) {
      setExportError((error as Error).message);
    }
  };

  const groups = useMemo(() => {
    const byRole = new Map<string, Example[]>();
    for (const e of EXAMPLES) {
      const role = e.role ?? 'other';
      byRole.set(role, [...(byRole.get(role) ?? []), e]);
    }
    // The user's own role first (an analyst sees the analyst's queries on top).
    const mine = user?.role === 'ANALYST' ? 'analyst' : 'region';
    return [...byRole.entries()].sort(([a], [b]) => (a === mine ? -1 : b === mine ? 1 : a.localeCompare(b)));
  }, [user?.role]);

  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ height: { md: 'calc(100vh - 112px)' }, minHeight: 560 }}>
      <Card sx={{ width: { md: 250 }, flexShrink: 0, overflow: 'auto' }} data-testid="workbench-examples">
        <List dense disablePadding>
          {groups.map(([role, examples]) => (
            <Box key={role}>
              <ListSubheader sx={{ lineHeight: '32px' }}>{translate(`luoshi.workbench.role_${role === 'analyst' || role === 'region' ? role : 'other'}`)}</ListSubheader>
              {examples.map((e) => (
                <Tooltip key={e.name} title={e.description} placement="right">
                  <ListItemButton selected={opened === e.name} onClick={() => open(e)} data-example={e.name}>
                    <ListItemText primary={e.name} secondary={e.description} slotProps={{ secondary: { noWrap: true } }} />
                  </ListItemButton>
                </Tooltip>
              ))}
            </Box>
          ))}
        </List>
      </Card>
      <Stack sx={{ flex: 1, minWidth: 0 }} spacing={1}>
        <Card sx={{ px: 2, py: 1 }}>
          <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
            <TableViewIcon color="action" />
            <Typography variant="body2" sx={{ flex: 1, minWidth: 200 }} data-testid="workbench-table-info">
              {result?.table
                ? translate('luoshi.workbench.table', { path: result.table.path, smart_count: result.table.rows.length, columns: result.table.columns.length })
                : translate(result ? 'luoshi.workbench.no_table' : 'luoshi.workbench.hint')}
            </Typography>
            {user && <Chip size="small" label={translate('luoshi.workbench.as_user', { name: user.displayName || user.username })} />}
            <Button size="small" variant="outlined" startIcon={<DownloadIcon />} disabled={!result?.table} onClick={exportCsv} data-testid="export-csv">
              {translate('luoshi.workbench.export_csv')}
            </Button>
            <Button size="small" variant="contained" startIcon={<DownloadIcon />} disabled={!result?.table} onClick={exportXlsx} data-testid="export-xlsx">
              {translate('luoshi.workbench.export_xlsx')}
            </Button>
          </Stack>
          {exportError && <Alert severity="error" sx={{ mt: 1 }}>{exportError}</Alert>}
        </Card>
        <Card sx={{ flex: 1, minHeight: 480, display: 'flex' }} className="luoshi-workbench">
          <GraphiQL
            fetcher={fetcher}
            storage={storage}
            isHeadersEditorEnabled={false}
            defaultQuery={translate('luoshi.workbench.default_query')}
            forcedTheme="light"
          >
            <GraphiQL.Logo>{translate('luoshi.workbench.title')}</GraphiQL.Logo>
            <EditorBridge bridge={bridge} />
          </GraphiQL>
        </Card>
      </Stack>
    </Stack>
  );
};

export const Workbench = () => {
  const translate = useTranslate();
  const user = getUser();
  if (!user || !WORKBENCH_ROLES.includes(user.role)) {
    return <Alert severity="warning" sx={{ mt: 2 }}>{translate('luoshi.workbench.not_allowed')}</Alert>;
  }
  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate('luoshi.workbench.title')} />
      <WorkbenchIde />
    </Box>
  );
};

export default Workbench;
