/**
 * 目标树: a directive's targets as an expandable tree (target → county → department → task),
 * every figure as of the date picked (default today); from a node, its reports, inspections
 * and notices.
 */
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Box, Card, CardContent, IconButton, Link as MuiLink, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { ReferenceField, Title, useGetList, useGetOne, useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { EnumField, ProgressField, WarningField } from '../common/fields';

const listLink = (resource: string, targetId: string) => `/${resource}?filter=${encodeURIComponent(JSON.stringify({ targetId }))}`;

const Node = ({ target, asOf, depth }: { target: any; asOf: string; depth: number }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(depth === 0);
  return (
    <Box data-testid="tree-node" data-target-id={target.id} data-depth={depth}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(280px, 2fr) 150px 70px 90px 100px 1.2fr' }, gap: 1, alignItems: 'center', py: 0.75, pl: depth * 3, borderBottom: '1px solid', borderColor: 'divider' }}>
        <Box sx={{ display: 'flex', alignItems: 'center', minWidth: 0 }}>
          {target.isLeaf ? (
            <Box sx={{ width: 34 }} />
          ) : (
            <IconButton size="small" aria-label={translate(open ? 'ra.action.close' : 'ra.action.expand')} onClick={() => setOpen(!open)}>
              {open ? <ExpandMoreIcon /> : <ChevronRightIcon />}
            </IconButton>
          )}
          <MuiLink component={Link} to={`/targets/${target.id}/show`} underline="hover" sx={{ color: 'inherit' }}>
            {target.title}
          </MuiLink>
        </Box>
        <ProgressField record={target} />
        <WarningField record={target} />
        <Typography variant="body2"><EnumField record={target} source="status" enumName="TargetStatus" /></Typography>
        <Typography variant="body2">{target.deadline}</Typography>
        <Typography variant="body2" component="div" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
          {target.responsibleDepartmentId ? (
            <ReferenceField record={target} source="responsibleDepartmentId" reference="departments" link={false} />
          ) : target.responsibleCountyId ? (
            <ReferenceField record={target} source="responsibleCountyId" reference="counties" link={false} />
          ) : null}
          {target.responsibleCadreId && <ReferenceField record={target} source="responsibleCadreId" reference="cadres" link={false} />}
          <MuiLink component={Link} to={listLink('progressReports', target.id)}>{translate('resources.progressReports.name', { smart_count: 2 })}</MuiLink>
          <MuiLink component={Link} to={listLink('inspections', target.id)}>{translate('resources.inspections.name', { smart_count: 2 })}</MuiLink>
          <MuiLink component={Link} to={listLink('supervisionNotices', target.id)}>{translate('resources.supervisionNotices.name', { smart_count: 2 })}</MuiLink>
        </Typography>
      </Box>
      {open && !target.isLeaf && <Children parentId={target.id} asOf={asOf} depth={depth + 1} />}
    </Box>
  );
};

const Children = ({ parentId, asOf, depth }: { parentId?: string; directiveId?: string; asOf: string; depth: number }) => {
  const { data } = useGetList('targets', {
    filter: { parentId },
    sort: { field: 'id', order: 'ASC' },
    pagination: { page: 1, perPage: 200 },
    meta: { asOf },
  });
  return <>{data?.map((t) => <Node key={t.id} target={t} asOf={asOf} depth={depth} />)}</>;
};

export const TargetTree = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const [asOf, setAsOf] = useState(new Date().toISOString().slice(0, 10));
  const { data: directive } = useGetOne('directives', { id });
  const { data: roots } = useGetList('targets', {
    filter: { directiveId: id, parentId_isNull: true },
    sort: { field: 'id', order: 'ASC' },
    pagination: { page: 1, perPage: 200 },
    meta: { asOf },
  });
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={`${translate('luoshi.tree.title')} · ${directive?.title ?? ''}`} />
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
          <TextField type="date" size="small" sx={{ width: 200 }} label={translate('luoshi.tree.as_of')} value={asOf} onChange={(e) => e.target.value && setAsOf(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          <Typography variant="body2" color="text.secondary">{directive?.documentNumber}</Typography>
        </Stack>
        {roots?.map((t) => <Node key={`${t.id}-${asOf}`} target={t} asOf={asOf} depth={0} />)}
      </CardContent>
    </Card>
  );
};
