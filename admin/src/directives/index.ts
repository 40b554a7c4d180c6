import DescriptionIcon from '@mui/icons-material/Description';
import { DirectiveList } from './List';
import { DirectiveShow } from './Show';
import { DirectiveCreate, DirectiveEdit } from './Form';

export default { list: DirectiveList, show: DirectiveShow, edit: DirectiveEdit, create: DirectiveCreate, icon: DescriptionIcon, recordRepresentation: 'title' };
