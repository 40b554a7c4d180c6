import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { getMetadataStorage, validateOrReject, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError, buildSchema, type AuthChecker } from 'type-graphql';
import type { Context } from './common/context.js';
import { errors } from './common/errors.js';
import type { Role } from './common/scope.js';
import { AuditEventResolver } from './modules/audit/audit.resolver.js';
import { CadreResolver } from './modules/hierarchy/cadre.resolver.js';
import { CountyResolver } from './modules/hierarchy/county.resolver.js';
import { DepartmentResolver } from './modules/hierarchy/department.resolver.js';
import { RegionResolver } from './modules/hierarchy/region.resolver.js';
import { UserResolver } from './modules/users/user.resolver.js';
import { AnalyticsResolver } from './modules/analytics/analytics.resolver.js';
import { AccountabilityResolver, CadreAccountabilitiesResolver, TargetAccountabilitiesResolver } from './modules/assessment/accountability.resolver.js';
import { AssessmentRankingEntryResolver, AssessmentResolver, CadreAssessmentsResolver } from './modules/assessment/assessment.resolver.js';
import { ConsistencyResolver } from './modules/assessment/consistency.resolver.js';
import { CadreEvaluationsResolver, DemocraticEvaluationResolver } from './modules/assessment/democratic-evaluation.resolver.js';
import { PolicyResolver } from './modules/policy/policy.resolver.js';
import { FieldResearchResolver, PublicFeedbackResolver, TargetResearchResolver } from './modules/research/research.resolver.js';
import {
  CountySupervisionResolver,
  InspectionResolver,
  SupervisionNoticeResolver,
  TargetSupervisionResolver,
} from './modules/supervision/supervision.resolver.js';
import { DirectiveResolver } from './modules/targets/directive.resolver.js';
import { ProgressReportResolver } from './modules/targets/progress-report.resolver.js';
import { CadreTargetsResolver, CountyTargetsResolver, DepartmentTargetsResolver, TargetResolver } from './modules/targets/target.resolver.js';
import { ApiKeyResolver } from './modules/users/api-key.resolver.js';

export const resolvers = [
  RegionResolver,
  CountyResolver,
  DepartmentResolver,
  CadreResolver,
  UserResolver,
  ApiKeyResolver,
  AuditEventResolver,
  PolicyResolver,
  DirectiveResolver,
  TargetResolver,
  CountyTargetsResolver,
  DepartmentTargetsResolver,
  CadreTargetsResolver,
  ProgressReportResolver,
  InspectionResolver,
  SupervisionNoticeResolver,
  TargetSupervisionResolver,
  CountySupervisionResolver,
  FieldResearchResolver,
  PublicFeedbackResolver,
  TargetResearchResolver,
  AnalyticsResolver,
  DemocraticEvaluationResolver,
  CadreEvaluationsResolver,
  AccountabilityResolver,
  CadreAccountabilitiesResolver,
  TargetAccountabilitiesResolver,
  AssessmentResolver,
  AssessmentRankingEntryResolver,
  CadreAssessmentsResolver,
  ConsistencyResolver,
] as const;

/** `@Authorized(roles)`: not logged in → UNAUTHENTICATED; logged in with another role → FORBIDDEN. */
const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  const role = context.principal?.role;
  if (!role) throw context.authError ?? errors.unauthenticated();
  if (roles.length > 0 && !roles.includes(role)) throw errors.forbidden('forbiddenRole', { role });
  return true;
};

/** What type-graphql's own validation passes to class-validator (`validate: { forbidUnknownValues: false }`). */
const VALIDATOR_OPTIONS: ValidatorOptions = { forbidUnknownValues: false, skipMissingProperties: true };
const constrained = new WeakMap<Function, boolean>();

/**
 * Argument validation as type-graphql does it with class-validator, minus the work for
 * argument classes that carry no rule at all (the list arguments of every relation field,
 * resolved once per parent row): class-validator finds nothing to check on those, so they are
 * passed as they are. Any class with rules is validated exactly as before.
 */
async function validateArgument(value: unknown, type: unknown): Promise<void> {
  if (value === null || typeof value !== 'object' || typeof type !== 'function') return;
  let hasRules = constrained.get(type);
  if (hasRules === undefined) {
    hasRules = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length > 0;
    constrained.set(type, hasRules);
  }
  if (!hasRules) return;
  try {
    if (Array.isArray(value)) await Promise.all(value.filter((item) => item !== null && typeof item === 'object').map((item) => validateOrReject(item, VALIDATOR_OPTIONS)));
    else await validateOrReject(value, VALIDATOR_OPTIONS);
  } catch (error) {
    throw new ArgumentValidationError(error as never);
  }
}

let built: Promise<GraphQLSchema> | null = null;

/** The executable schema, built once per process from the decorated classes. */
export function luoshiSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    authChecker,
    validate: { forbidUnknownValues: false },
    validateFn: validateArgument,
  });
  return built;
}

/** The SDL committed as schema/schema.graphql (sorted, so diffs show real changes only). */
export async function schemaSDL(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await luoshiSchema()))}\n`;
}
