import TravelExploreIcon from '@mui/icons-material/TravelExplore';
import { FieldResearchList } from './List';
import { FieldResearchShow } from './Show';
import { FieldResearchCreate, FieldResearchEdit } from './Form';

export default { list: FieldResearchList, show: FieldResearchShow, edit: FieldResearchEdit, create: FieldResearchCreate, icon: TravelExploreIcon, recordRepresentation: 'topic' };
