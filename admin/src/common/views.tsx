/**
 * The frame every resource screen shares: a list that falls back to a simple list on a
 * phone, CSV export, a Show with a 留痕 (history) tab, and pessimistic saves so a conflict
 * or a field error never loses what the user typed.
 */
import { useState, type ReactElement, type ReactNode } from 'react';
import { Alert, Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  Create,
  CreateButton,
  DatagridConfigurable,
  DateField,
  Edit,
  ExportButton,
  FilterButton,
  List,
  Pagination,
  ReferenceManyField,
  SelectColumnsButton,
  Show,
  SimpleList,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useResourceContext,
  useNotify,
  useTranslate,
  type ListProps,
  type SimpleListProps,
  Datagrid,
  EditButton,
  DeleteWithConfirmButton,
  Toolbar,
  SaveButton,
} from 'react-admin';
import { csvExporter } from './exporter';
import { EnumField } from './fields';
import { useCan, useIsSmall, useSchema } from './hooks';
import { namedType } from '../dataProvider/schema';

const ListActions = ({ hasFilters, extra }: { hasFilters: boolean; extra?: ReactNode }) => {
  const canCreate = useCan('create');
  const isSmall = useIsSmall();
  return (
    <TopToolbar>
      {extra}
      {hasFilters && <FilterButton />}
      {!isSmall && <SelectColumnsButton />}
      {canCreate && <CreateButton />}
      <ExportButton />
    </TopToolbar>
  );
};

export interface ResourceListProps extends Omit<ListProps, 'children'> {
  children: ReactNode;
  simple: Pick<SimpleListProps, 'primaryText' | 'secondaryText' | 'tertiaryText'>;
  /** Click a row to `show` (default) or `edit`. */
  rowClick?: 'show' | 'edit';
  bulkDelete?: boolean;
  /** Buttons before the usual ones (links to a resource's work screens). */
  extraActions?: ReactNode;
}

/** `'title'` → `'%{title}'`: SimpleList reads a string as a message with the record's fields. */
const template = (text: unknown) => (typeof text === 'string' && !text.includes('%{') ? `%{${text}}` : text);

export const ResourceList = ({ children, simple, rowClick = 'show', filters, bulkDelete, extraActions, ...props }: ResourceListProps) => {
  const isSmall = useIsSmall();
  const simpleProps = Object.fromEntries(Object.entries(simple).map(([k, v]) => [k, template(v)]));
  const canDelete = useCan('delete');
  return (
    <List
      filters={filters}
      actions={<ListActions hasFilters={!!(filters as any)?.length} extra={extraActions} />}
      exporter={csvExporter}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50, 100]} />}
      sort={{ field: 'id', order: 'DESC' }}
      {...props}
    >
      {isSmall ? (
        <SimpleList className="luoshi-simple-list" linkType={rowClick} {...simpleProps} />
      ) : (
        <DatagridConfigurable rowClick={rowClick} bulkActionButtons={bulkDelete && canDelete ? undefined : false}>
          {children}
        </DatagridConfigurable>
      )}
    </List>
  );
};

/** 留痕: the audit events of this record, newest first, each change as before → after. */
export const HistoryTab = ({ typeName }: { typeName: string }) => {
  const canRead = useCan('list', 'auditEvents');
  const parent = useResourceContext();
  if (!canRead) return null;
  return (
    <ReferenceManyField
      reference="auditEvents"
      target="entityId"
      filter={{ entityType: typeName }}
      sort={{ field: 'at', order: 'DESC' }}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[25]} />}
    >
      <Datagrid bulkActionButtons={false} rowClick={false} empty={<EmptyHistory />}>
        <DateField source="at" showTime />
        <EnumField source="action" enumName="AuditAction" />
        <TextField source="actorName" />
        <ChangesField source="changes" resource={parent} />
      </Datagrid>
    </ReferenceManyField>
  );
};

const EmptyHistory = () => {
  const translate = useTranslate();
  return <Typography sx={{ p: 2 }} color="text.secondary">{translate('luoshi.history.empty')}</Typography>;
};

const showValue = (v: unknown) => (v == null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** `changes` as stored by the server: `{ field: { from, to } }` or `{ field: value }`. */
export const ChangesField = ({ source = 'changes', resource: targetResource }: { source?: string; label?: string; resource?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const current = useResourceContext();
  const { data: schema } = useSchema();
  const changes = record?.[source];
  if (!changes || typeof changes !== 'object') return null;
  const resource = targetResource ?? (current === 'auditEvents' ? record?.entityType && schema?.byType.get(record.entityType)?.name : current);
  const entries = Object.entries(changes as Record<string, any>);
  // Enum values in the user's language (AUTONOMOUS_REGION → 自治区).
  const type = resource ? schema?.resources.get(resource)?.type : undefined;
  const enumOf = (field: string) => {
    const def = type?.fields.find((f) => f.name === field);
    if (!def) return undefined;
    const { name, kind } = namedType(def.type);
    return kind === 'ENUM' ? name : undefined;
  };
  const show = (field: string, v: unknown) => {
    const enumName = enumOf(field);
    return enumName && typeof v === 'string' ? translate(`enums.${enumName}.${v}`, { _: v }) : showValue(v);
  };
  return (
    <Table size="small" sx={{ '& td, & th': { px: 1, py: 0.25, borderBottom: 'none' } }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('luoshi.history.field')}</TableCell>
          <TableCell>{translate('luoshi.history.before')}</TableCell>
          <TableCell>{translate('luoshi.history.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map(([field, change]) => {
          const pair = change && typeof change === 'object' && ('from' in change || 'to' in change || 'before' in change || 'after' in change);
          const before = pair ? (change.from ?? change.before) : undefined;
          const after = pair ? (change.to ?? change.after) : change;
          return (
            <TableRow key={field}>
              <TableCell>{resource ? translate(`resources.${resource}.fields.${field}`, { _: field }) : field}</TableCell>
              <TableCell>{show(field, before)}</TableCell>
              <TableCell>{show(field, after)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};

const ShowActions = () => {
  const canEdit = useCan('edit');
  return <TopToolbar>{canEdit && <EditButton />}</TopToolbar>;
};

/** A Show with the record's fields on the first tab and its 留痕 on the second. */
export const ResourceShow = ({ typeName, children, extraTabs, title, actions }: { typeName: string; children: ReactNode; extraTabs?: ReactElement[]; title?: ReactElement; actions?: ReactElement }) => {
  const translate = useTranslate();
  const canHistory = useCan('list', 'auditEvents');
  return (
    <Show actions={actions ?? <ShowActions />} title={title}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label={translate('ra.message.details')}>{children}</TabbedShowLayout.Tab>
        {extraTabs}
        {canHistory && (
          <TabbedShowLayout.Tab label={translate('luoshi.history.title')} path="history">
            <HistoryTab typeName={typeName} />
          </TabbedShowLayout.Tab>
        )}
      </TabbedShowLayout>
    </Show>
  );
};

const EditToolbar = () => {
  const canDelete = useCan('delete');
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {canDelete && <DeleteWithConfirmButton mutationMode="pessimistic" />}
    </Toolbar>
  );
};

/**
 * Edit with pessimistic saves: nothing is shown as saved before the server says so, and a
 * refused save leaves the form as the user typed it. A conflict (someone saved first) stays
 * on screen above the form, naming what the other person changed.
 */
export const ResourceEdit = ({ children, transform }: { children: ReactNode; transform?: (data: any) => any }) => {
  const [conflict, setConflict] = useState<string | null>(null);
  const notify = useNotify();
  const onError = (error: any) => {
    if (error?.body?.code === 'CONFLICT') setConflict(error.message);
    // Field errors are shown on their fields by the form itself.
    if (error?.body?.errors && Object.keys(error.body.errors).length) return;
    notify(error?.message || 'ra.notification.http_error', { type: 'error', messageArgs: { _: error?.message } });
  };
  return (
    <Edit mutationMode="pessimistic" redirect="show" transform={transform} mutationOptions={{ onError }}>
      <>
        {conflict && (
          <Alert severity="error" sx={{ m: 2, mb: 0 }} data-testid="conflict" onClose={() => setConflict(null)}>
            {conflict}
          </Alert>
        )}
        {children}
      </>
    </Edit>
  );
};
export const ResourceCreate = ({ children, transform }: { children: ReactNode; transform?: (data: any) => any }) => (
  <Create redirect="show" transform={transform}>
    {children}
  </Create>
);
export { EditToolbar };
export const Row = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: { xs: 0, sm: 2 }, width: '100%', '& > *': { flex: { xs: '1 1 100%', sm: '1 1 240px' } } }}>{children}</Box>
);
