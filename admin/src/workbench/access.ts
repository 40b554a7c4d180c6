import type { SessionUser } from '../authStorage';

/** Who gets the analyst workbench (分析工作台). The API still scopes every query to the user. */
export const WORKBENCH_ROLES: SessionUser['role'][] = ['ADMIN', 'REGIONAL', 'ANALYST'];
