import KeyIcon from '@mui/icons-material/Key';
import { ApiKeyList } from './List';
import { ApiKeyShow } from './Show';
import { ApiKeyCreate } from './Create';

export default { list: ApiKeyList, show: ApiKeyShow, create: ApiKeyCreate, icon: KeyIcon, recordRepresentation: 'name' };
