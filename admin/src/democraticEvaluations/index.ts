import HowToVoteIcon from '@mui/icons-material/HowToVote';
import { DemocraticEvaluationList } from './List';
import { DemocraticEvaluationShow } from './Show';
import { DemocraticEvaluationCreate, DemocraticEvaluationEdit } from './Form';

export default {
  list: DemocraticEvaluationList,
  show: DemocraticEvaluationShow,
  edit: DemocraticEvaluationEdit,
  create: DemocraticEvaluationCreate,
  icon: HowToVoteIcon,
  recordRepresentation: (r: any) => `${r.period} #${r.id}`,
};
