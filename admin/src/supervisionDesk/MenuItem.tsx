import NoticeIcon from '@mui/icons-material/NotificationImportant';
import { Menu, useTranslate } from 'react-admin';
import { getUser } from '../authStorage';
import { DESK_ROLES } from './access';

/** 督办台 in the menu, for ADMIN and REGIONAL. */
export const DeskMenuItem = () => {
  const translate = useTranslate();
  const user = getUser();
  if (!user || !DESK_ROLES.includes(user.role)) return null;
  return <Menu.Item to="/supervision-desk" primaryText={translate('luoshi.desk.title')} leftIcon={<NoticeIcon />} />;
};
