export { SupervisionDesk } from './Desk';
export { DeskMenuItem } from './MenuItem';
export { DESK_ROLES } from './access';
