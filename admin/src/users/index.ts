import PeopleIcon from '@mui/icons-material/People';
import { UserList } from './List';
import { UserShow } from './Show';
import { UserCreate, UserEdit } from './Form';

export default { list: UserList, show: UserShow, edit: UserEdit, create: UserCreate, icon: PeopleIcon, recordRepresentation: 'username' };
