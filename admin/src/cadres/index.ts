import BadgeIcon from '@mui/icons-material/Badge';
import { CadreList } from './List';
import { CadreShow } from './Show';
import { CadreCreate, CadreEdit } from './Form';

export default { list: CadreList, show: CadreShow, edit: CadreEdit, create: CadreCreate, icon: BadgeIcon, recordRepresentation: 'name' };
