import QueryStatsIcon from '@mui/icons-material/QueryStats';
import { Menu, useTranslate } from 'react-admin';
import { getUser } from '../authStorage';
import { WORKBENCH_ROLES } from './access';

/** 分析工作台 in the menu, for ADMIN, REGIONAL and ANALYST. */
export const WorkbenchMenuItem = () => {
  const translate = useTranslate();
  const user = getUser();
  if (!user || !WORKBENCH_ROLES.includes(user.role)) return null;
  return <Menu.Item to="/workbench" primaryText={translate('luoshi.workbench.title')} leftIcon={<QueryStatsIcon />} />;
};
