import NewspaperIcon from '@mui/icons-material/Newspaper';
import { BulletinList } from './List';
import { BulletinShow } from './Show';

export default { list: BulletinList, show: BulletinShow, icon: NewspaperIcon, recordRepresentation: 'period' };
