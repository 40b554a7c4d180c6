import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import { AssessmentList } from './List';
import { AssessmentShow } from './Show';
import { AssessmentCompute } from './Compute';

export default { list: AssessmentList, show: AssessmentShow, create: AssessmentCompute, icon: WorkspacePremiumIcon, recordRepresentation: (r: any) => `${r.period} #${r.id}` };
