import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { DepartmentList } from './List';
import { DepartmentShow } from './Show';
import { DepartmentCreate, DepartmentEdit } from './Form';

export default { list: DepartmentList, show: DepartmentShow, edit: DepartmentEdit, create: DepartmentCreate, icon: AccountBalanceIcon, recordRepresentation: 'name' };
