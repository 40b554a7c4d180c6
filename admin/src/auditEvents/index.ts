import HistoryIcon from '@mui/icons-material/History';
import { AuditEventList } from './List';
import { AuditEventShow } from './Show';

export default { list: AuditEventList, show: AuditEventShow, icon: HistoryIcon, recordRepresentation: (r: any) => `#${r.id}` };
