import FlagIcon from '@mui/icons-material/Flag';
import { TargetList } from './List';
import { TargetShow } from './Show';
import { TargetCreate, TargetEdit } from './Form';

export default { list: TargetList, show: TargetShow, edit: TargetEdit, create: TargetCreate, icon: FlagIcon, recordRepresentation: 'title' };
