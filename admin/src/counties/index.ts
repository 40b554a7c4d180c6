import LocationCityIcon from '@mui/icons-material/LocationCity';
import { CountyList } from './List';
import { CountyShow } from './Show';
import { CountyCreate, CountyEdit } from './Form';

export default { list: CountyList, show: CountyShow, edit: CountyEdit, create: CountyCreate, icon: LocationCityIcon, recordRepresentation: 'name' };
