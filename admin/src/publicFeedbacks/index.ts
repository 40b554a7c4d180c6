import ForumIcon from '@mui/icons-material/Forum';
import { PublicFeedbackList } from './List';
import { PublicFeedbackShow } from './Show';
import { PublicFeedbackCreate, PublicFeedbackEdit } from './Form';

export default { list: PublicFeedbackList, show: PublicFeedbackShow, edit: PublicFeedbackEdit, create: PublicFeedbackCreate, icon: ForumIcon, recordRepresentation: (r: any) => `${r.receivedOn} #${r.id}` };
