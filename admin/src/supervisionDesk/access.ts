import type { SessionUser } from '../authStorage';

/** Who gets the supervision desk (督办台): the prefecture's staff. The API refuses others anyway. */
export const DESK_ROLES: SessionUser['role'][] = ['ADMIN', 'REGIONAL'];
