/**
 * What each role may do in the console (docs/overview.md, "Who may do what"). The API refuses the rest anyway;
 * this keeps menus and buttons to what will work.
 */
import type { SessionUser } from './authStorage';

type Role = SessionUser['role'];
type Action = 'list' | 'show' | 'create' | 'edit' | 'delete' | 'export' | 'restore' | string;

/** Resources each role may read. */
const READ: Record<Role, Set<string> | 'all'> = {
  ADMIN: 'all',
  REGIONAL: new Set([
    'regions', 'counties', 'departments', 'cadres', 'directives', 'targets', 'progressReports', 'inspections',
    'supervisionNotices', 'fieldResearches', 'publicFeedbacks', 'bulletins', 'auditEvents', 'users', 'assessmentPolicies', 'recycleBin',
    'assessments', 'democraticEvaluations', 'accountabilities',
  ]),
  COUNTY: new Set([
    'regions', 'counties', 'departments', 'cadres', 'directives', 'targets', 'progressReports', 'inspections',
    'supervisionNotices', 'fieldResearches', 'publicFeedbacks', 'bulletins', 'auditEvents', 'recycleBin',
    'assessments', 'democraticEvaluations', 'accountabilities',
  ]),
  ANALYST: new Set([
    'regions', 'counties', 'departments', 'cadres', 'directives', 'targets', 'progressReports', 'inspections',
    'supervisionNotices', 'fieldResearches', 'publicFeedbacks', 'bulletins', 'assessmentPolicies',
    'assessments', 'democraticEvaluations', 'accountabilities', 'auditEvents', 'users',
  ]),
};

/** Writes: resource → actions. `create` for notices means issuing; for reports, submitting. */
const WRITE: Record<Role, Record<string, Action[]>> = {
  ADMIN: {},
  REGIONAL: {
    regions: ['edit'],
    counties: ['create', 'edit', 'delete', 'restore'],
    departments: ['create', 'edit', 'delete', 'restore'],
    cadres: ['create', 'edit', 'delete', 'restore'],
    directives: ['create', 'edit', 'delete', 'restore'],
    targets: ['create', 'edit', 'delete', 'restore'],
    progressReports: ['create', 'edit', 'delete', 'restore', 'review'],
    inspections: ['create', 'edit', 'delete', 'restore', 'rectify'],
    supervisionNotices: ['create', 'delete', 'restore'],
    fieldResearches: ['create', 'edit', 'delete', 'restore'],
    publicFeedbacks: ['create', 'edit', 'delete', 'restore'],
    bulletins: ['publish'],
    assessments: ['create', 'delete', 'confirm', 'override'],
    democraticEvaluations: ['create', 'edit', 'delete', 'restore'],
    accountabilities: ['create', 'edit', 'delete', 'restore'],
    recycleBin: ['restore'],
  },
  COUNTY: {
    departments: ['create', 'edit', 'delete', 'restore'],
    cadres: ['create', 'edit', 'delete', 'restore'],
    targets: ['edit'],
    progressReports: ['create', 'edit', 'delete', 'restore'],
    inspections: ['rectify'],
    supervisionNotices: ['respond'],
    fieldResearches: ['create', 'edit', 'delete', 'restore'],
    publicFeedbacks: ['create', 'edit', 'delete', 'restore'],
    democraticEvaluations: ['create', 'edit', 'delete', 'restore'],
    recycleBin: ['restore'],
  },
  ANALYST: {},
};

export function can(user: SessionUser | null, action: Action, resource: string): boolean {
  if (!user) return false;
  if (user.role === 'ADMIN') return true;
  const read = READ[user.role];
  const readable = read === 'all' || read.has(resource);
  if (['list', 'show', 'export'].includes(action) || action.startsWith('list') || action === 'read') return readable;
  return readable && (WRITE[user.role][resource] ?? []).includes(action);
}
