/** The frame: app bar with the language switch, and a menu grouped the way the work is. */
import { Box, Divider, ListSubheader } from '@mui/material';
import DeleteSweepIcon from '@mui/icons-material/DeleteSweep';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import RateReviewIcon from '@mui/icons-material/RateReview';
import type { ReactNode } from 'react';
import { AppBar, Layout, LocalesMenuButton, Menu, TitlePortal, useCanAccess, useTranslate } from 'react-admin';
import { WorkbenchMenuItem } from './workbench';
import { DeskMenuItem } from './supervisionDesk';

const GROUPS: { label: string; resources: string[] }[] = [
  { label: 'luoshi.menu.targets', resources: ['directives', 'targets', 'progressReports'] },
  { label: 'luoshi.menu.supervision', resources: ['inspections', 'supervisionNotices', 'bulletins'] },
  { label: 'luoshi.menu.assessment', resources: ['assessments', 'democraticEvaluations', 'accountabilities'] },
  { label: 'luoshi.menu.people', resources: ['fieldResearches', 'publicFeedbacks'] },
  { label: 'luoshi.menu.hierarchy', resources: ['regions', 'counties', 'departments', 'cadres'] },
  { label: 'luoshi.menu.system', resources: ['users', 'apiKeys', 'assessmentPolicies', 'auditEvents'] },
];

const Item = ({ resource }: { resource: string }) => {
  const { canAccess } = useCanAccess({ action: 'list', resource });
  return canAccess ? <Menu.ResourceItem name={resource} /> : null;
};

const RecycleBinItem = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action: 'restore', resource: 'recycleBin' });
  return canAccess ? <Menu.Item to="/recycle-bin" primaryText={translate('luoshi.recycle_bin.title')} leftIcon={<DeleteSweepIcon />} /> : null;
};

/** Work screens of a role: a county's targets and notices; the prefecture's review queue. */
const WorkItems = () => {
  const translate = useTranslate();
  const { canAccess: canReport } = useCanAccess({ action: 'create', resource: 'progressReports' });
  const { canAccess: canReview } = useCanAccess({ action: 'review', resource: 'progressReports' });
  return (
    <>
      {canReport && <Menu.Item to="/my-targets" primaryText={translate('luoshi.work.my_targets')} leftIcon={<AssignmentIndIcon />} />}
      {canReview && <Menu.Item to="/review-queue" primaryText={translate('luoshi.review.title')} leftIcon={<RateReviewIcon />} />}
    </>
  );
};

const LuoshiMenu = () => {
  const translate = useTranslate();
  return (
    <Menu className="luoshi-menu">
      <Menu.DashboardItem />
      <WorkItems />
      <DeskMenuItem />
      <WorkbenchMenuItem />
      {GROUPS.map((group) => (
        <Box key={group.label}>
          <Divider />
          <ListSubheader sx={{ lineHeight: '32px', bgcolor: 'transparent' }}>{translate(group.label)}</ListSubheader>
          {group.resources.map((r) => (
            <Item key={r} resource={r} />
          ))}
        </Box>
      ))}
      <Divider />
      <RecycleBinItem />
    </Menu>
  );
};

const LuoshiAppBar = () => (
  <AppBar toolbar={<LocalesMenuButton />}>
    <TitlePortal />
  </AppBar>
);

export const LuoshiLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={LuoshiAppBar} menu={LuoshiMenu}>
    {children}
  </Layout>
);
