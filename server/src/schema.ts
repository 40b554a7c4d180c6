import { GraphQLObjectType, GraphQLScalarType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { getMetadataStorage, validateOrReject, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError, buildSchema, getMetadataStorage as typeMetadata, type AuthChecker } from 'type-graphql';
import type { Context } from './common/context.js';
import { declaredResolver } from './common/query/relations.js';
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
function hasRules(type: unknown): boolean {
  if (typeof type !== 'function') return false;
  let rules = constrained.get(type);
  if (rules === undefined) {
    rules = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length > 0;
    constrained.set(type, rules);
  }
  return rules;
}

async function validateArgument(value: unknown, type: unknown): Promise<void> {
  if (value === null || typeof value !== 'object' || !hasRules(type)) return;
  try {
    if (Array.isArray(value)) await Promise.all(value.filter((item) => item !== null && typeof item === 'object').map((item) => validateOrReject(item, VALIDATOR_OPTIONS)));
    else await validateOrReject(value, VALIDATOR_OPTIONS);
  } catch (error) {
    throw new ArgumentValidationError(error as never);
  }
}

/**
 * type-graphql gives every field of an object type a resolver of its own, also a field that
 * only reads the property of the same name (no field resolver, no roles, no middleware).
 * Those get graphql-js's default resolver instead: the same value, without a call through
 * type-graphql per field and row — and `resolve === undefined` then tells the query layer
 * (common/query/relations.ts) that the field is a plain column read.
 */
function usePlainResolvers(schema: GraphQLSchema): GraphQLSchema {
  const storage = typeMetadata();
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!(type instanceof GraphQLObjectType)) continue;
    const fields = type.getFields();
    const classes = new Set<Function>();
    for (let c: Function | null = objectType.target; c && c !== Function.prototype; c = Object.getPrototypeOf(c) as Function | null) classes.add(c);
    // The type's own fields and those it inherits (BaseRecord's id, timestamps, version).
    const declared = storage.fields.filter((f) => classes.has(f.target));
    for (const name of new Set(declared.map((f) => f.schemaName))) {
      const plain = declared
        .filter((f) => f.schemaName === name)
        .every((f) => f.name === name && !f.roles && !f.middlewares?.length && !storage.fieldResolvers.some((r) => r.methodName === f.name && classes.has(r.getObjectType?.() as Function)));
      if (plain && fields[name]) fields[name].resolve = undefined;
    }
  }
  return schema;
}

/** What type-graphql records of a parameter of a resolver method (the parts read here). */
interface ParamInfo {
  kind: string;
  index: number;
  name?: string;
  propertyName?: string;
  getType?: () => unknown;
}

/**
 * Field resolvers are called by graphql-js directly where type-graphql's per-call wrapper adds
 * nothing — no roles, no middleware — instead of through it: the wrapper validates every
 * argument in an `async` function, a few promises and arrays per field and row (1,500 field
 * answers for a page of 500 targets with progress, status and warning).
 *
 * - A declared relation (common/query/relations.ts) is answered by its declaration, when its
 *   `@Args` classes carry no validation rule (what `validateArgument` would check); its
 *   arguments then arrive as graphql-js coerced them (plain objects).
 * - Any other field resolver (a target's progress as of a date) has its method called with the
 *   row, the context, the info and arguments of a scalar type — values graphql-js has already
 *   coerced, which `validateArgument` passes as they are. A row that is not an instance of the
 *   method's root type (the wrapper would convert it) still goes through the wrapper.
 */
function callResolversDirectly(schema: GraphQLSchema): GraphQLSchema {
  const storage = typeMetadata();
  const instances = new Map<Function, Record<string, unknown>>();
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!(type instanceof GraphQLObjectType)) continue;
    for (const [name, field] of Object.entries(type.getFields())) {
      const wrapped = field.resolve;
      if (!wrapped) continue;
      const methods = storage.fieldResolvers.filter((r) => r.schemaName === name && r.getObjectType?.() === objectType.target);
      if (methods.length !== 1 || methods[0].roles || methods[0].middlewares?.length) continue;
      const m = methods[0];
      const params = [...((m.params ?? []) as ParamInfo[])].sort((x, y) => x.index - y.index);
      const declared = declaredResolver(objectType.target.prototype as object, name);
      if (declared) {
        if (params.every((p) => (p.kind === 'args' ? !hasRules(p.getType?.()) : p.kind !== 'arg' && p.kind !== 'custom'))) field.resolve = declared as never;
        continue;
      }
      const simple = params.every((p, i) =>
        p.index === i && (p.kind === 'arg' ? p.getType?.() instanceof GraphQLScalarType : p.kind === 'info' || ((p.kind === 'context' || p.kind === 'root') && !p.propertyName)),
      );
      if (m.kind !== 'external' || !simple) continue;
      const owner = m.target as new () => Record<string, unknown>;
      if (!instances.has(owner)) instances.set(owner, new owner());
      const instance = instances.get(owner)!;
      const method = instance[m.methodName];
      if (typeof method !== 'function') continue;
      const rootType = params.find((p) => p.kind === 'root')?.getType?.();
      field.resolve = (root, args, context, info) => {
        if (typeof rootType === 'function' && !(root instanceof rootType)) return wrapped(root, args, context, info);
        const values = params.map((p) => (p.kind === 'root' ? root : p.kind === 'context' ? context : p.kind === 'info' ? info : (args as Record<string, unknown>)[p.name!]));
        return method.apply(instance, values);
      };
    }
  }
  return schema;
}

let built: Promise<GraphQLSchema> | null = null;

/** The executable schema, built once per process from the decorated classes. */
export function luoshiSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    authChecker,
    validate: { forbidUnknownValues: false },
    validateFn: validateArgument,
  })
    .then(usePlainResolvers)
    .then(callResolversDirectly);
  return built;
}

/** The SDL committed as schema/schema.graphql (sorted, so diffs show real changes only). */
export async function schemaSDL(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await luoshiSchema()))}\n`;
}
