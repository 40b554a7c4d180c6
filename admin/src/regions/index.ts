import MapIcon from '@mui/icons-material/Map';
import { RegionList } from './List';
import { RegionShow } from './Show';
import { RegionCreate, RegionEdit } from './Form';

export default { list: RegionList, show: RegionShow, edit: RegionEdit, create: RegionCreate, icon: MapIcon, recordRepresentation: 'name' };
