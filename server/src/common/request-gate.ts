import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { createRequire } from 'node:module';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import type { Context } from './context.js';
import { errors } from './errors.js';
import { DEFAULT_LIMIT } from './query/list.js';

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

/**
 * A page of children costs its page size times what each child costs: `limit` when given,
 * the default page size otherwise. Aliases are separate fields, so they add up.
 */
const pagedEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const paged = field.args.some((a) => a.name === 'limit');
  if (!paged) return undefined;
  const limit = typeof args.limit === 'number' ? args.limit : DEFAULT_LIMIT;
  return 1 + Math.max(1, limit) * childComplexity;
};

/**
 * The one gate every operation passes before anything runs: a login is needed for all but
 * `login`; a dashboard's API key reaches only the analytics queries; and an operation nested
 * deeper than the limit, or whose estimated cost (added to what the HTTP request's other,
 * batched operations cost) passes the budget, is refused.
 */
export function requestGatePlugin(schema: GraphQLSchema, maxDepth: number, maxCost: number, analyticsFields: Set<string>): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, contextValue, operation }) {
          // The one gate in front of every root field: without a login only `login` answers,
          // introspection included.
          if (operation && !contextValue.principal) {
            const fields = operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '…'));
            if (fields.some((f) => f !== 'login' && f !== '__typename')) throw contextValue.authError ?? errors.unauthenticated();
          }
          // A dashboard key reaches the analytics queries and nothing else.
          if (operation && contextValue.principal?.apiKeyId) {
            const fields = operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '…'));
            if (operation.operation !== 'query' || fields.some((f) => f !== '__typename' && !analyticsFields.has(f))) throw errors.forbidden('forbiddenApiKey');
          }
          const depth = operationDepth(document, request.operationName);
          if (depth > maxDepth) throw errors.tooComplex('queryTooDeep', { depth, max: maxDepth });
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [fieldExtensionsEstimator(), pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // Variables that do not fit their types: say so, as GraphQL would.
            throw new GraphQLError((error as Error).message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          }
          contextValue.cost.spent += cost;
          if (contextValue.cost.spent > maxCost) throw errors.tooComplex('queryTooCostly', { cost: contextValue.cost.spent, max: maxCost });
        },
      };
    },
  };
}
