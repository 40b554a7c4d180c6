import CampaignIcon from '@mui/icons-material/Campaign';
import { SupervisionNoticeList } from './List';
import { SupervisionNoticeShow } from './Show';
import { SupervisionNoticeCreate } from './Form';

export default { list: SupervisionNoticeList, show: SupervisionNoticeShow, create: SupervisionNoticeCreate, icon: CampaignIcon, recordRepresentation: (r: any) => `${r.issuedOn} #${r.id}` };
