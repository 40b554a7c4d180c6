import type { ApolloServerPlugin } from '@apollo/server';
import {
  getArgumentValues,
  getNamedType,
  GraphQLError,
  GraphQLInputObjectType,
  Kind,
  type FieldNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { createRequire } from 'node:module';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import type { Context } from './context.js';
import { AppError, ErrorCode, errors } from './errors.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from './query/list.js';

// Its ESM build imports graphql's .mjs files while everything else here uses graphql's CommonJS
// build, and graphql refuses objects from "another realm": load its CommonJS build instead.
const { fieldExtensionsEstimator, getComplexity, simpleEstimator } = createRequire(import.meta.url)(
  'graphql-query-complexity',
) as typeof import('graphql-query-complexity');

/** Deepest chain of fields in the operation; introspection fields (`__schema`) do not count. */
export function operationDepth(document: DocumentNode, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);

  const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
    if (!set) return 0;
    let max = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        max = Math.max(max, 1 + depthOf(selection.selectionSet, seen));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, depthOf(selection.selectionSet, seen));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        max = Math.max(max, depthOf(fragment.selectionSet, new Set([...seen, name])));
      }
    }
    return max;
  };

  let deepest = 0;
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && def.name?.value !== operationName) continue;
    deepest = Math.max(deepest, depthOf(def.selectionSet, new Set()));
  }
  return deepest;
}

/** Root fields of an operation, through fragments and inline fragments (aliases counted apart). */
export function rootFields(document: DocumentNode, selectionSet: SelectionSetNode): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const names: string[] = [];
  const walk = (set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet, seen);
      else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) walk(fragment.selectionSet, new Set([...seen, fragment.name.value]));
      }
    }
  };
  walk(selectionSet, new Set());
  return names;
}

/**
 * What a dashboard's API key may filter aggregates by: units, category, kind, status,
 * warning and dates — not titles, people or free text, which would let it probe records
 * one count at a time.
 */
const API_KEY_FILTER_FIELDS = new Set(['category', 'kind', 'status', 'warning', 'regionId', 'countyId', 'departmentId', 'countyCode']);
const API_KEY_FILTER_TYPES = new Set(['DateFilter', 'DateTimeFilter']);

function assertApiKeyFilters(schema: GraphQLSchema, document: DocumentNode, selectionSet: SelectionSetNode, variables: Record<string, unknown>): void {
  const query = schema.getQueryType();
  if (!query) return;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const check = (type: GraphQLInputObjectType, value: unknown, path: string) => {
    if (value === null || typeof value !== 'object') return;
    for (const [name, raw] of Object.entries(value)) {
      if (raw === undefined || raw === null) continue;
      if (name === 'and' || name === 'or' || name === 'not') {
        (raw as unknown[]).forEach((sub, i) => check(type, sub, `${path}.${name}[${i}]`));
        continue;
      }
      const field = type.getFields()[name];
      const allowed = API_KEY_FILTER_FIELDS.has(name) || /^responsible(County|Department)(Id|Code)$/.test(name) || (field && API_KEY_FILTER_TYPES.has(getNamedType(field.type).name));
      if (!allowed) throw requestError(errors.forbidden('forbiddenApiKeyFilter', { field: `${path}.${name}` }), 403);
    }
  };
  const walk = (set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet, seen);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) walk(fragment.selectionSet, new Set([...seen, fragment.name.value]));
      } else {
        const def = query.getFields()[selection.name.value];
        const filterArg = def?.args.find((a) => a.name === 'filter');
        if (!def || !filterArg) continue;
        const filterType = getNamedType(filterArg.type);
        if (!(filterType instanceof GraphQLInputObjectType)) continue;
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(def, selection as FieldNode, variables);
        } catch {
          continue; // wrong arguments are GraphQL's to report
        }
        check(filterType, args.filter, 'filter');
      }
    }
  };
  walk(selectionSet, new Set());
}

/**
 * What the gate needs of a document that does not depend on the request: its root fields,
 * depth, NUL check and (without variables) its cost. Apollo keeps one parsed document per
 * query text, so a client repeating a query has them computed once.
 */
interface DocumentFacts {
  fields: string[];
  depth: number;
  /** The document holds a NUL character (checked again, to throw a fresh error). */
  nul: boolean;
  cost?: number;
}
const factsOf = new WeakMap<DocumentNode, Map<OperationDefinitionNode, DocumentFacts>>();

function documentFacts(document: DocumentNode, operation: OperationDefinitionNode): DocumentFacts {
  let byOperation = factsOf.get(document);
  if (!byOperation) factsOf.set(document, (byOperation = new Map()));
  let facts = byOperation.get(operation);
  if (!facts) {
    let nul = false;
    try {
      assertNoNul(document, null);
    } catch {
      nul = true;
    }
    facts = { fields: rootFields(document, operation.selectionSet), depth: operationDepth(document, operation.name?.value), nul };
    byOperation.set(operation, facts);
  }
  return facts;
}

/** Root fields that check a password: at most one per HTTP request. */
const CREDENTIAL_FIELDS = new Set(['login', 'changePassword']);

/** A refusal of the whole request before it runs, with the HTTP status GraphQL-over-HTTP gives it. */
function requestError(error: AppError, status: number): AppError {
  (error.extensions as Record<string, unknown>).http = { status };
  return error;
}

/** Refuses a NUL character anywhere in the request's strings (SQLite would match it against every row). */
function assertNoNul(document: DocumentNode | null, variables: unknown): void {
  // Iterative: an attacker's input may be nested far deeper than the call stack.
  const stack: unknown[] = [variables, document?.definitions];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (node.includes('\u0000')) throw requestError(errors.badInput('input', 'nulCharacter'), 400);
    } else if (Array.isArray(node)) for (const item of node) stack.push(item);
    else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) if (key !== 'loc') stack.push(child);
    }
  }
}

/**
 * A page of children costs its page size times what each child costs: `limit` when given,
 * the default page size otherwise. Aliases are separate fields, so they add up.
 */
const pagedEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const paged = field.args.some((a) => a.name === 'limit');
  if (!paged) return undefined;
  const limit = typeof args.limit === 'number' ? args.limit : DEFAULT_LIMIT;
  // The arguments are checked before the cost is estimated: `limit: 100000` is a wrong argument, not a costly query.
  if (limit > MAX_LIMIT) throw requestError(errors.badInput('limit', 'limitTooLarge', { max: MAX_LIMIT, value: limit }), 400);
  if (limit < 0) throw requestError(errors.badInput('limit', 'negative', { value: limit }), 400);
  return 1 + Math.max(1, limit) * childComplexity;
};

/**
 * What one analytics query costs before its selection: each reads and computes over every
 * target of the region (a bulletin runs about ten statements over all of them, ~15 ms), about
 * as much work as a 500-row page with a relation. So a request holds at most twenty of them
 * within the default budget, and a document of a thousand aliases is refused before any SQL.
 */
export const ANALYTICS_COST = 2500;
/** Analytics that do several times that work: `consistency` computes a month of figures per month asked. */
const ANALYTICS_WEIGHT: Record<string, number> = { consistency: 6 };

function analyticsEstimator(analyticsFields: Set<string>, schema: GraphQLSchema): ComplexityEstimator {
  const rest = [fieldExtensionsEstimator(), pagedEstimator, simpleEstimator({ defaultComplexity: 1 })];
  return (options) => {
    if (options.type !== schema.getQueryType() || !analyticsFields.has(options.field.name)) return undefined;
    const base = ANALYTICS_COST * (ANALYTICS_WEIGHT[options.field.name] ?? 1);
    for (const estimator of rest) {
      const own = estimator(options);
      if (typeof own === 'number') return base + own;
    }
    return base + options.childComplexity;
  };
}

/**
 * The one gate every operation passes before anything runs: a login is needed for all but
 * `login`; a dashboard's API key reaches only the analytics queries; and an operation nested
 * deeper than the limit, or whose estimated cost (added to what the HTTP request's other,
 * batched operations cost) passes the budget, is refused.
 */
export function requestGatePlugin(schema: GraphQLSchema, maxDepth: number, maxCost: number, analyticsFields: Set<string>): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        // No "Did you mean …?" before login: suggestions would map the schema for a stranger.
        async validationDidStart() {
          return async (validationErrors) => {
            if (contextValue.principal || !validationErrors) return;
            for (const error of validationErrors) error.message = error.message.replace(/\s*Did you mean [^?]*\?/g, '');
          };
        },
        async didResolveOperation({ request, document, contextValue, operation }) {
          if (!operation) {
            const named = request.operationName;
            throw requestError(named ? errors.badInput('operationName', 'unknownOperation', { name: named }) : errors.badInput('operationName', 'operationNameRequired'), 400);
          }
          const known = documentFacts(document, operation);
          const fields = known.fields;
          // The one gate in front of every root field: without a login only `login` answers,
          // introspection included.
          if (!contextValue.principal && fields.some((f) => f !== 'login' && f !== '__typename')) {
            throw requestError((contextValue.authError as AppError | undefined) ?? errors.unauthenticated(), 401);
          }
          // A dashboard key reaches the analytics queries and nothing else.
          if (contextValue.principal?.apiKeyId && (operation.operation !== 'query' || fields.some((f) => f !== '__typename' && !analyticsFields.has(f)))) {
            throw requestError(errors.forbidden('forbiddenApiKey'), 403);
          }
          if (contextValue.principal?.apiKeyId) assertApiKeyFilters(schema, document, operation.selectionSet, request.variables ?? {});
          // One password check per HTTP request, aliases and batched operations included.
          const checks = fields.filter((f) => CREDENTIAL_FIELDS.has(f)).length;
          if (checks > 0) {
            contextValue.cost.credentialChecks = (contextValue.cost.credentialChecks ?? 0) + checks;
            if (contextValue.cost.credentialChecks > 1) throw requestError(new AppError(ErrorCode.TOO_MANY_REQUESTS, 'oneLoginPerRequest'), 429);
          }
          if (known.nul) assertNoNul(document, null);
          if (request.variables) assertNoNul(null, request.variables);
          const depth = known.depth;
          if (depth > maxDepth) throw errors.tooComplex('queryTooDeep', { depth, max: maxDepth });
          let cost: number;
          try {
            // Without variables the cost is the document's own: computed once per cached document.
            cost = (!operation.variableDefinitions?.length && known.cost) || getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [analyticsEstimator(analyticsFields, schema), fieldExtensionsEstimator(), pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            if (error instanceof AppError) throw error;
            if (error instanceof RangeError) throw requestError(errors.badInput('input', 'inputTooDeep'), 400);
            // Variables that do not fit their types: say so, as GraphQL would.
            throw new GraphQLError((error as Error).message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          }
          if (!operation.variableDefinitions?.length) known.cost = cost;
          contextValue.cost.spent += cost;
          if (contextValue.cost.spent > maxCost) throw errors.tooComplex('queryTooCostly', { cost: contextValue.cost.spent, max: maxCost });
        },
      };
    },
  };
}
