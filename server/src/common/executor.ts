import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  execute,
  getVariableValues,
  GraphQLError,
  GraphQLScalarType,
  GraphQLSchema,
  Kind,
  locatedError,
  type DocumentNode,
  type ExecutionResult,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * Execution of queries compiled to JavaScript (graphql-jit), with graphql-js for the rest.
 *
 * graphql-js interprets the operation for every field of every row (argument values, paths,
 * completion); graphql-jit compiles an operation once into a function that does only what
 * that operation needs, which costs a fraction per request. What runs compiled, and how:
 *
 * - **Queries seen before.** A document's operation is compiled the second time it is
 *   executed (Apollo keeps one parsed document per query text; `COMPILE_QUERIES_AFTER`):
 *   clients repeat their queries, and a document sent once is not worth a compilation. Mutations, subscriptions and
 *   introspection always run on graphql-js (writes cost their transaction, not their execution).
 * - **Variables coerced by graphql-js.** graphql-jit 0.8 never finishes compiling an operation
 *   that declares a variable of a recursive input type — every filter here has `and` / `or` /
 *   `not` — so the operation is compiled with each variable declared as a scalar that passes
 *   its value through, and the values it receives are those graphql-js coerced against the real
 *   types (defaults, enums, custom scalars, errors as graphql-js reports them).
 * - **Errors as graphql-js makes them**: each is located again with graphql-js's `locatedError`,
 *   so it keeps the resolver's error and its `extensions`.
 * - **A compilation that fails** leaves the operation on graphql-js for good.
 *
 * Apollo Server has no executor option; a gateway is its interface for one. This one serves
 * the local schema, unchanged, and only executes: parsing, validation and every plugin stay
 * Apollo's.
 */

/** A variable's value exactly as graphql-js coerced it. */
const COERCED = new GraphQLScalarType({
  name: 'LuoshiCoercedVariable',
  description: 'Internal to compiled execution: a variable already coerced against its declared type.',
  serialize: (value) => value,
  parseValue: (value) => value,
});

const COERCED_TYPE = { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: COERCED.name } } as const;

type Plan = { seen: number; compiled: CompiledQuery | null; failed: boolean };

function selectsIntrospection(set: SelectionSetNode, document: DocumentNode, seen = new Set<string>()): boolean {
  return set.selections.some((s) => {
    if (s.kind === Kind.FIELD) return s.name.value === '__schema' || s.name.value === '__type';
    if (s.kind === Kind.INLINE_FRAGMENT) return selectsIntrospection(s.selectionSet, document, seen);
    if (seen.has(s.name.value)) return false;
    seen.add(s.name.value);
    const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value);
    return !!fragment && fragment.kind === Kind.FRAGMENT_DEFINITION && selectsIntrospection(fragment.selectionSet, document, seen);
  });
}

/** The document with `operation`'s variables all declared as already coerced (no defaults: graphql-js applied them). */
function withCoercedVariables(document: DocumentNode, operation: OperationDefinitionNode): DocumentNode {
  const retyped: OperationDefinitionNode = {
    ...operation,
    variableDefinitions: (operation.variableDefinitions ?? []).map((v) => ({ ...v, type: COERCED_TYPE, defaultValue: undefined })),
  };
  return { ...document, definitions: document.definitions.map((d) => (d === operation ? retyped : d)) };
}

/**
 * graphql-jit's error as graphql-js would have made it: the resolver's error located at the
 * path (with its extensions), and the locations graphql-jit computed (it keeps no AST nodes).
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const located = locatedError(error.originalError ?? error, undefined, error.path);
  if (!located.locations && error.locations?.length) {
    Object.defineProperty(located, 'locations', { value: error.locations, enumerable: true, writable: true, configurable: true });
  }
  return located;
}

export interface ExecutorOptions {
  /** Compile a query at its N-th execution (default 2); 0: never. */
  compileAfter?: number;
  /** Say how each operation ran, in the `x-luoshi-execution` response header (`compiled` / `interpreted`): for tests and benchmarks. */
  reportExecution?: boolean;
}

export function compiledExecutor(schema: GraphQLSchema, options: ExecutorOptions = {}): GatewayExecutor {
  const config = schema.toConfig();
  // The same types (and resolvers), plus the pass-through scalar the compiled operations declare.
  const jitSchema = new GraphQLSchema({ ...config, types: [...config.types, COERCED] });
  const plans = new WeakMap<DocumentNode, Map<OperationDefinitionNode, Plan>>();
  const compileAfter = options.compileAfter ?? 2;

  const planFor = (document: DocumentNode, operation: OperationDefinitionNode): Plan => {
    let byOperation = plans.get(document);
    if (!byOperation) plans.set(document, (byOperation = new Map()));
    let plan = byOperation.get(operation);
    if (!plan) {
      const eligible = operation.operation === 'query' && !selectsIntrospection(operation.selectionSet, document);
      byOperation.set(operation, (plan = { seen: 0, compiled: null, failed: !eligible }));
    }
    return plan;
  };

  const compile = (document: DocumentNode, operation: OperationDefinitionNode, plan: Plan) => {
    try {
      const compiled = compileQuery(jitSchema, withCoercedVariables(document, operation), operation.name?.value, { disablingCapturingStackErrors: true });
      if (isCompiledQuery(compiled)) plan.compiled = compiled;
      else plan.failed = true;
    } catch {
      plan.failed = true;
    }
  };

  return async (requestContext) => {
    const { document, operation, context } = requestContext;
    const variables = requestContext.request.variables ?? {};
    const plan = operation ? planFor(document, operation) : null;
    if (plan && !plan.failed && !plan.compiled && compileAfter > 0 && ++plan.seen >= compileAfter) compile(document, operation!, plan);
    if (options.reportExecution) requestContext.response?.http?.headers.set('x-luoshi-execution', plan?.compiled ? 'compiled' : 'interpreted');
    if (!plan?.compiled) {
      return (await execute({ schema, document, contextValue: context, variableValues: variables, operationName: requestContext.operationName })) as ExecutionResult;
    }
    const coerced = getVariableValues(schema, operation!.variableDefinitions ?? [], variables);
    if (coerced.errors) return { errors: coerced.errors };
    const result = (await plan.compiled.query(undefined, context, coerced.coerced)) as ExecutionResult;
    if (!result.errors?.length) return result;
    return { ...result, errors: result.errors.map(asGraphQLJsError) };
  };
}

/** The local schema served through Apollo's gateway interface, so that it executes with `compiledExecutor`. */
export function localGateway(schema: GraphQLSchema, options: ExecutorOptions = {}): GatewayInterface {
  const executor = compiledExecutor(schema, options);
  return {
    async load() {
      return { schema, executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async stop() {},
  };
}
