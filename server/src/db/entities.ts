import { Bulletin } from '../modules/analytics/bulletin.entity.js';
import { Accountability } from '../modules/assessment/accountability.entity.js';
import { Assessment } from '../modules/assessment/assessment.entity.js';
import { DemocraticEvaluation } from '../modules/assessment/democratic-evaluation.entity.js';
import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { Cadre } from '../modules/hierarchy/cadre.entity.js';
import { County } from '../modules/hierarchy/county.entity.js';
import { Department } from '../modules/hierarchy/department.entity.js';
import { Region } from '../modules/hierarchy/region.entity.js';
import { AssessmentPolicy } from '../modules/policy/assessment-policy.entity.js';
import { FieldResearch, FieldResearchTarget } from '../modules/research/field-research.entity.js';
import { PublicFeedback } from '../modules/research/public-feedback.entity.js';
import { Inspection } from '../modules/supervision/inspection.entity.js';
import { SupervisionNotice } from '../modules/supervision/supervision-notice.entity.js';
import { Directive } from '../modules/targets/directive.entity.js';
import { ProgressReport } from '../modules/targets/progress-report.entity.js';
import { ConsistencyMonth, ConsistencyMonthState } from '../modules/assessment/consistency-month.entity.js';
import { TargetMetric, TargetMetricDay, TargetMetricMonth, TargetMetricMonthState } from '../modules/targets/target-metric.entity.js';
import { Target } from '../modules/targets/target.entity.js';
import { ApiKey } from '../modules/users/api-key.entity.js';
import { LoginThrottle } from '../modules/users/login-throttle.entity.js';
import { UserSession } from '../modules/users/user-session.entity.js';
import { User } from '../modules/users/user.entity.js';

/** Every table, listed explicitly (no globs: the same list works compiled and under vitest). */
export const entities = [
  Region,
  County,
  Department,
  Cadre,
  User,
  ApiKey,
  AuditEvent,
  AssessmentPolicy,
  Directive,
  Target,
  TargetMetric,
  TargetMetricMonth,
  TargetMetricMonthState,
  TargetMetricDay,
  ConsistencyMonth,
  ConsistencyMonthState,
  ProgressReport,
  Inspection,
  SupervisionNotice,
  FieldResearch,
  FieldResearchTarget,
  PublicFeedback,
  Bulletin,
  DemocraticEvaluation,
  Accountability,
  Assessment,
  LoginThrottle,
  UserSession,
];
