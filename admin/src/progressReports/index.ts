import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { ProgressReportList } from './List';
import { ProgressReportShow } from './Show';
import { ProgressReportCreate, ProgressReportEdit } from './Form';

export default {
  list: ProgressReportList,
  show: ProgressReportShow,
  edit: ProgressReportEdit,
  create: ProgressReportCreate,
  icon: AssignmentTurnedInIcon,
  recordRepresentation: (r: any) => `${r.period} #${r.id}`,
};
