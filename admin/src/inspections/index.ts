import FactCheckIcon from '@mui/icons-material/FactCheck';
import { InspectionList } from './List';
import { InspectionShow } from './Show';
import { InspectionCreate, InspectionEdit } from './Form';

export default { list: InspectionList, show: InspectionShow, edit: InspectionEdit, create: InspectionCreate, icon: FactCheckIcon, recordRepresentation: (r: any) => `${r.inspectedOn} #${r.id}` };
