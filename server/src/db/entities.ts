import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { Cadre } from '../modules/hierarchy/cadre.entity.js';
import { County } from '../modules/hierarchy/county.entity.js';
import { Department } from '../modules/hierarchy/department.entity.js';
import { Region } from '../modules/hierarchy/region.entity.js';
import { User } from '../modules/users/user.entity.js';

/** Every table, listed explicitly (no globs: the same list works compiled and under vitest). */
export const entities = [Region, County, Department, Cadre, User, AuditEvent];
