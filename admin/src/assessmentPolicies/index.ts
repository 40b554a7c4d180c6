import TuneIcon from '@mui/icons-material/Tune';
import { PolicyList } from './List';
import { PolicyCreate } from './Create';

export default { list: PolicyList, create: PolicyCreate, icon: TuneIcon, recordRepresentation: (r: any) => `#${r.id}` };
