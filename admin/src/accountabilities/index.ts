import GavelIcon from '@mui/icons-material/Gavel';
import { AccountabilityList } from './List';
import { AccountabilityShow } from './Show';
import { AccountabilityCreate, AccountabilityEdit } from './Form';

export default {
  list: AccountabilityList,
  show: AccountabilityShow,
  edit: AccountabilityEdit,
  create: AccountabilityCreate,
  icon: GavelIcon,
  recordRepresentation: (r: any) => `${r.decidedOn} #${r.id}`,
};
