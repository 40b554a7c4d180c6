/**
 * The one data provider of the console: ra-data-graphql with our buildQuery, driven by
 * the schema the server reports (introspected with the user's token once signed in), plus
 * the verbs beyond CRUD — restore, any named mutation (review, respond, publish, revoke),
 * and raw queries for the dashboard.
 */
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { getIntrospectionQuery, type IntrospectionField, type IntrospectionSchema } from 'graphql';
import buildGraphQLProvider from 'ra-data-graphql';
import { type DataProvider, HttpError } from 'react-admin';
import { buildQueryFactory, mutationQuery, parseRecord, pickInput, selection, unwrap } from './buildQuery';
import { toHttpError } from './errors';
import { buildSchemaModel, type SchemaModel } from './schema';
import { getToken } from '../authStorage';
import { i18nProvider } from '../i18n';

export const GRAPHQL_URL = '/graphql';

const headers = (): Record<string, string> => {
  const token = getToken();
  return {
    'content-type': 'application/json',
    'accept-language': i18nProvider.getLocale() === 'en' ? 'en' : 'zh-CN',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
};

/** POST one operation; errors come back as HttpError with the GraphQL code. */
export async function graphqlRequest<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(GRAPHQL_URL, { method: 'POST', headers: headers(), body: JSON.stringify({ query, variables }) });
  const body = await response.json().catch(() => null);
  if (!body) throw new HttpError(`HTTP ${response.status}`, response.status);
  if (body.errors?.length) throw toHttpError({ graphQLErrors: body.errors });
  return body.data as T;
}

/**
 * Apollo treats any non-2xx answer as a network error and drops its codes; the server refuses
 * some requests before they run with an HTTP status (401 UNAUTHENTICATED, 400, 429) and a
 * GraphQL error body. Hand that body on as a normal GraphQL answer.
 */
const fetchKeepingErrors: typeof fetch = async (input, init) => {
  const response = await fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...headers() } });
  if (response.ok) return response;
  const text = await response.text();
  try {
    if (JSON.parse(text).errors) return new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
  } catch {
    /* not JSON: leave it a network error */
  }
  return new Response(text, { status: response.status, statusText: response.statusText });
};

const client = new ApolloClient({
  link: new HttpLink({ uri: GRAPHQL_URL, fetch: fetchKeepingErrors }),
  cache: new InMemoryCache(),
  defaultOptions: { query: { fetchPolicy: 'no-cache' }, mutate: { fetchPolicy: 'no-cache' } },
});

let model: SchemaModel | undefined;
let modelPromise: Promise<SchemaModel> | undefined;
let provider: any;

/** The schema as this user's token sees it; fetched again after a failure or a new login. */
export function loadSchema(): Promise<SchemaModel> {
  if (!modelPromise) {
    modelPromise = graphqlRequest<{ __schema: IntrospectionSchema }>(getIntrospectionQuery({ descriptions: false }))
      .then(({ __schema }) => {
        model = buildSchemaModel(__schema);
        provider = buildGraphQLProvider({
          client,
          introspection: false as any,
          buildQuery: buildQueryFactory(() => model!),
          query: { fetchPolicy: 'no-cache' },
          mutation: { fetchPolicy: 'no-cache' },
        } as any);
        return model;
      })
      .catch((error) => {
        modelPromise = undefined;
        throw error;
      });
  }
  return modelPromise;
}

export const resetSchema = () => {
  modelPromise = undefined;
  model = undefined;
};

async function callMutation(resourceName: string, mutationName: string, variables: Record<string, any>) {
  const m = await loadSchema();
  const mutation = m.mutations.get(mutationName);
  if (!mutation) throw new HttpError(`${mutationName}?`, 400, {});
  const resource = m.resources.get(resourceName);
  const { query, variables: vars } = mutationQuery(m, resource, mutation, variables);
  try {
    const result = await client.mutate({ mutation: query, variables: vars, fetchPolicy: 'no-cache' });
    const data = (result.data as any).data;
    return { data: resource ? unwrap(resource, m, mutation, data) : data };
  } catch (error) {
    throw toHttpError(error);
  }
}

/** Names of the fields someone else changed since the user loaded the record. */
async function changedSince(resourceName: string, id: any, previous: any, data: any): Promise<string[]> {
  try {
    const { data: current } = await provider.getOne(resourceName, { id });
    return Object.keys(data).filter(
      (k) => k !== 'version' && k !== 'updatedAt' && k in current && JSON.stringify(current[k] ?? null) !== JSON.stringify(previous?.[k] ?? null),
    );
  } catch {
    return [];
  }
}

const wrap =
  (method: string) =>
  async (resource: string, params: any): Promise<any> => {
    await loadSchema();
    try {
      return await provider[method](resource, params);
    } catch (raw) {
      const error = toHttpError(raw);
      if ((error.body as any)?.code === 'CONFLICT' && method === 'update') {
        const changed = await changedSince(resource, params.id, params.previousData, params.data);
        const translate = i18nProvider.translate;
        const names = changed.map((f) => translate(`resources.${resource}.fields.${f}`, { _: f })).join('、');
        error.message = translate('luoshi.conflict.message', {
          version: (error.body as any).currentVersion ?? '?',
          fields: names || translate('luoshi.conflict.unknown_fields'),
        });
        (error.body as any).changedFields = changed;
      }
      throw error;
    }
  };

export interface LuoshiDataProvider extends DataProvider {
  restore(resource: string, params: { id: any }): Promise<{ data: any }>;
  /** A named mutation of the schema (reviewProgressReport, publishBulletin, revokeApiKey, …). */
  call(resource: string, mutation: string, variables: Record<string, any>): Promise<{ data: any }>;
  /** Raw GraphQL for dashboards and screens that are not a list of records. */
  query<T = any>(query: string, variables?: Record<string, any>): Promise<T>;
  schema(): Promise<SchemaModel>;
}

export const dataProvider: LuoshiDataProvider = {
  getList: wrap('getList'),
  getOne: wrap('getOne'),
  getMany: wrap('getMany'),
  getManyReference: wrap('getManyReference'),
  create: wrap('create'),
  update: wrap('update'),
  delete: wrap('delete'),
  async updateMany(resource, params) {
    const done = [];
    for (const id of params.ids) done.push((await dataProvider.update(resource, { id, data: params.data, previousData: params.data })).data.id);
    return { data: done };
  },
  async deleteMany(resource, params) {
    for (const id of params.ids) await dataProvider.delete(resource, { id, previousData: { id } as any });
    return { data: params.ids };
  },
  async restore(resource, { id }) {
    const m = await loadSchema();
    const r = m.resources.get(resource);
    if (!r?.restore) throw new HttpError(`${resource}: no restore`, 400, {});
    return callMutation(resource, r.restore.name, { id });
  },
  call: (resource, mutation, variables) => callMutation(resource, mutation, variables),
  query: (query, variables) => graphqlRequest(query, variables),
  schema: loadSchema,
};

export { parseRecord, pickInput, selection, gql };
export type { IntrospectionField };
