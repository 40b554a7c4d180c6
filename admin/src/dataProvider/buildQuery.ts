/**
 * buildQuery for ra-data-graphql: turns each react-admin verb into a query of Luoshi's
 * conventions (docs/api.md): getList → `xs(filter, orderBy, offset, limit) { items total }`,
 * getOne → `x(id)`, getMany → `xs(filter: { id: { in } })`, getManyReference → the
 * relation's id filter, create / update (with `version`) / delete.
 */
import { gql } from '@apollo/client';
import type { IntrospectionField, IntrospectionInputObjectType, IntrospectionObjectType } from 'graphql';
import { GET_LIST, GET_MANY, GET_MANY_REFERENCE, GET_ONE, CREATE, UPDATE, DELETE } from 'ra-core';
import { isList, namedType, printType, singular, toUpperSnake, type ResourceModel, type SchemaModel } from './schema';

/** Fields of a type worth reading in a list or a form: scalars, enums, id lists of plain relations. */
/** `asOf`: computed fields taking `asOf` (progress, status, warning) are evaluated at `$asOf`. */
export function selection(model: SchemaModel, type: IntrospectionObjectType, depth = 0, deep = true, asOf = false): string {
  const parts: string[] = [];
  const names = new Set(type.fields.map((f) => f.name));
  for (const field of type.fields) {
    if (field.args.some((a) => a.type.kind === 'NON_NULL' && a.defaultValue == null)) continue;
    const { name, kind } = namedType(field.type);
    if (kind === 'SCALAR' || kind === 'ENUM') {
      parts.push(asOf && depth === 0 && field.args.some((a) => a.name === 'asOf') ? `${field.name}(asOf: $asOf)` : field.name);
      continue;
    }
    if (kind !== 'OBJECT' || depth > 2) continue;
    const target = model.types.get(name) as IntrospectionObjectType;
    if (target.fields.some((f) => f.name === 'items')) continue; // a paged relation: read through its own list
    if (target.fields.some((f) => f.name === 'id')) {
      // A relation: its id is enough (ReferenceField reads the rest). Plain lists become `xIds`.
      if (isList(field.type) && depth === 0) parts.push(`${field.name} { id }`);
      else if (!names.has(`${field.name}Id`) && depth === 0) parts.push(`${field.name} { id }`);
      continue;
    }
    // A value object (bulletin content, an assessment's explanation): read it whole for one
    // record; lists leave it out (its nested lists would weigh on the query budget).
    if (!deep) continue;
    const inner = selection(model, target, depth + 1);
    if (inner) parts.push(`${field.name} { ${inner} }`);
  }
  return parts.join(' ');
}

/** A record as react-admin wants it: an `id`, and `targetIds` next to `targets { id }`. */
export function parseRecord(resource: ResourceModel, raw: any): any {
  if (!raw) return raw;
  const record: any = { ...raw };
  for (const field of resource.type.fields) {
    const { kind } = namedType(field.type);
    if (kind === 'OBJECT' && isList(field.type) && Array.isArray(raw[field.name]) && raw[field.name].every((x: any) => x && 'id' in x && Object.keys(x).length === 1)) {
      record[`${singular(field.name)}Ids`] = raw[field.name].map((x: any) => x.id);
      delete record[field.name];
    }
  }
  if (resource.key !== 'id') record.id = raw[resource.key];
  return record;
}

/** Columns that full-text search (`q`) looks in, where a filter has them: names and titles. */
const SEARCHED = new Set(['name', 'nameTibetan', 'title', 'topic', 'content', 'findings', 'narrative', 'username', 'displayName', 'documentNumber', 'issuer', 'actorName']);

const OPERATORS = ['gte', 'lte', 'gt', 'lt', 'contains', 'startsWith', 'in', 'eq', 'isNull'] as const;

/**
 * react-admin filter values → the typed filter input. `q` searches the name and title columns
 * with `contains`; `deadline_gte` → `deadline: { gte }`; an array → `in`; anything else → `eq`.
 * Keys the filter type does not have are dropped (or sent as list arguments: `deleted`, `asOf`).
 */
export function buildFilter(model: SchemaModel, resource: ResourceModel, raFilter: Record<string, any> = {}) {
  const filterType = resource.filterType;
  const filter: Record<string, any> = {};
  const args: Record<string, any> = {};
  const inputField = (name: string) => filterType?.inputFields.find((f) => f.name === name);
  for (const [key, value] of Object.entries(raFilter)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (key === 'q') {
      const textFields = (filterType?.inputFields ?? []).filter((f) => namedType(f.type).name === 'StringFilter' && SEARCHED.has(f.name));
      if (textFields.length) filter.or = [...(filter.or ?? []), ...textFields.map((f) => ({ [f.name]: { contains: String(value) } }))];
      continue;
    }
    if (resource.list.args.some((a) => a.name === key)) {
      args[key] = value;
      continue;
    }
    const match = key.match(/^(.*)_(gte|lte|gt|lt|contains|startsWith|in|eq|isNull)$/);
    const [field, op] = match && inputField(match[1]) ? [match[1], match[2] as (typeof OPERATORS)[number]] : [key, undefined];
    const def = inputField(field);
    if (!def) continue;
    const operatorType = model.types.get(namedType(def.type).name) as IntrospectionInputObjectType;
    const operator = op ?? (Array.isArray(value) ? 'in' : 'eq');
    if (!operatorType?.inputFields?.some((f) => f.name === operator)) continue;
    let v = value;
    if (namedType(def.type).name === 'BooleanFilter' && typeof v === 'string') v = v === 'true';
    filter[field] = { ...(filter[field] ?? {}), [operator]: v };
  }
  return { filter, args };
}

const declare = (field: IntrospectionField, used: string[]) =>
  used.length ? `(${used.map((n) => `$${n}: ${printType(field.args.find((a) => a.name === n)!.type)}`).join(', ')})` : '';
const pass = (used: string[]) => (used.length ? `(${used.map((n) => `${n}: $${n}`).join(', ')})` : '');

export function listQuery(model: SchemaModel, resource: ResourceModel, variables: Record<string, any>) {
  const used = Object.keys(variables).filter((k) => resource.list.args.some((a) => a.name === k));
  const fields = selection(model, resource.type, 0, false, used.includes('asOf'));
  const body = resource.listShape === 'page' ? `{ items { ${fields} } total }` : `{ ${fields} }`;
  return {
    query: gql`query ${resource.list.name}List${declare(resource.list, used)} { data: ${resource.list.name}${pass(used)} ${body} }`,
    variables: Object.fromEntries(used.map((k) => [k, variables[k]])),
  };
}

/** Input fields of `input: XInput` taken from a record; '' becomes null. */
export function pickInput(model: SchemaModel, mutation: IntrospectionField, data: Record<string, any>, previous?: Record<string, any>) {
  const inputArg = mutation.args.find((a) => a.name === 'input');
  if (!inputArg) return undefined;
  const inputType = model.types.get(namedType(inputArg.type).name) as IntrospectionInputObjectType;
  const input: Record<string, any> = {};
  for (const field of inputType.inputFields) {
    if (field.name === 'version') continue;
    if (!(field.name in data)) continue;
    let value = data[field.name];
    if (value === '') value = null;
    if (previous && JSON.stringify(value ?? null) === JSON.stringify(previous[field.name] ?? null)) continue;
    if (value === undefined) continue;
    if (value === null && !previous) continue; // create: leave defaults to the server
    input[field.name] = value;
  }
  if (inputType.inputFields.some((f) => f.name === 'version')) input.version = previous?.version ?? data.version;
  return input;
}

/** A mutation of the schema, called with the given arguments, reading back the resource's fields. */
export function mutationQuery(model: SchemaModel, resource: ResourceModel | undefined, mutation: IntrospectionField, variables: Record<string, any>) {
  const used = mutation.args.map((a) => a.name).filter((n) => n in variables);
  const returned = model.types.get(namedType(mutation.type).name) as IntrospectionObjectType | undefined;
  let body = '';
  if (returned?.kind === 'OBJECT') body = `{ ${selection(model, returned)} ${resource && returned.name !== resource.typeName ? wrapperSelection(model, returned, resource) : ''} }`;
  return {
    query: gql`mutation ${mutation.name}${declare(mutation, used)} { data: ${mutation.name}${pass(used)} ${body} }`,
    variables: Object.fromEntries(used.map((k) => [k, variables[k]])),
  };
}

/** CreatedApiKey { apiKey { … } key }: the wrapped record read whole. */
function wrapperSelection(model: SchemaModel, wrapper: IntrospectionObjectType, resource: ResourceModel) {
  const inner = wrapper.fields.find((f) => namedType(f.type).name === resource.typeName);
  return inner ? `${inner.name} { ${selection(model, resource.type)} }` : '';
}

/** The record inside a mutation's answer (unwrapping CreatedApiKey, keeping its one-time key). */
export function unwrap(resource: ResourceModel, model: SchemaModel, mutation: IntrospectionField, data: any) {
  const returned = model.types.get(namedType(mutation.type).name) as IntrospectionObjectType;
  if (!data || returned.name === resource.typeName) return parseRecord(resource, data);
  const inner = returned.fields.find((f) => namedType(f.type).name === resource.typeName);
  if (!inner) return data;
  const { [inner.name]: record, ...rest } = data;
  return { ...parseRecord(resource, record), ...rest };
}

export const buildQueryFactory = (getModel: () => SchemaModel) => () => (fetchType: string, resourceName: string, params: any) => {
  const model = getModel();
  const resource = model.resources.get(resourceName);
  if (!resource) throw new Error(`Unknown resource ${resourceName}`);
  const pageParse = (response: any) => {
    const data = response.data.data;
    if (resource.listShape === 'page') return { data: data.items.map((r: any) => parseRecord(resource, r)), total: data.total };
    const items = data.map((r: any) => parseRecord(resource, r));
    return { data: items, total: items.length };
  };

  switch (fetchType) {
    case GET_LIST:
    case GET_MANY_REFERENCE: {
      const raFilter = { ...(params.filter ?? {}), ...(params.meta?.filter ?? {}) };
      if (fetchType === GET_MANY_REFERENCE) raFilter[params.target] = params.id;
      const { filter, args } = buildFilter(model, resource, raFilter);
      const { page = 1, perPage = 25 } = params.pagination ?? {};
      const variables: Record<string, any> = { ...args, filter, offset: (page - 1) * perPage, limit: Math.min(perPage, 500) };
      const sortField = params.sort?.field && toUpperSnake(params.sort.field);
      if (sortField && resource.orderFields.has(sortField)) variables.orderBy = [{ field: sortField, direction: params.sort.order === 'DESC' ? 'DESC' : 'ASC' }];
      if (params.meta?.deleted) variables.deleted = true;
      if (params.meta?.asOf) variables.asOf = params.meta.asOf;
      if (resource.listShape === 'array') {
        const { query, variables: v } = listQuery(model, resource, { offset: variables.offset, limit: variables.limit });
        return {
          query,
          variables: v,
          parseResponse: (response: any) => {
            const items = response.data.data.map((r: any) => parseRecord(resource, r));
            return { data: items, pageInfo: { hasPreviousPage: page > 1, hasNextPage: 'limit' in v && items.length === variables.limit } };
          },
        };
      }
      return { ...listQuery(model, resource, variables), parseResponse: pageParse };
    }
    case GET_MANY: {
      if (resource.listShape === 'array' || !resource.filterType) {
        return { ...listQuery(model, resource, {}), parseResponse: (r: any) => ({ data: pageParse(r).data.filter((x: any) => params.ids.map(String).includes(String(x.id))) }) };
      }
      return {
        ...listQuery(model, resource, { filter: { id: { in: params.ids } }, limit: Math.min(Math.max(params.ids.length, 1), 500) }),
        parseResponse: (r: any) => ({ data: pageParse(r).data }),
      };
    }
    case GET_ONE: {
      if (!resource.one) {
        // No single lookup (the policy history): find it in the list.
        return { ...listQuery(model, resource, {}), parseResponse: (r: any) => ({ data: pageParse(r).data.find((x: any) => String(x.id) === String(params.id)) ?? null }) };
      }
      const variables: Record<string, any> = { [resource.key]: params.id };
      const used = Object.keys(variables);
      // One record as of a date: its computed fields take the date (declared as a variable).
      const asOfType = resource.type.fields.find((f) => f.args.some((a) => a.name === 'asOf'))?.args.find((a) => a.name === 'asOf');
      const withAsOf = !!(params.meta?.asOf && asOfType);
      if (withAsOf) variables.asOf = params.meta.asOf;
      const fields = selection(model, resource.type, 0, true, withAsOf);
      const declared = declare(resource.one, used) + '';
      const declaredAll = withAsOf ? (declared ? declared.replace(/\)$/, `, $asOf: ${printType(asOfType!.type)})`) : `($asOf: ${printType(asOfType!.type)})`) : declared;
      return {
        query: gql`query ${resource.one.name}${declaredAll} { data: ${resource.one.name}${pass(used)} { ${fields} } }`,
        variables,
        parseResponse: (response: any) => ({ data: parseRecord(resource, response.data.data) }),
      };
    }
    case CREATE: {
      if (!resource.create) throw new Error(`${resourceName}: no create mutation`);
      const mutation = resource.create;
      return {
        ...mutationQuery(model, resource, mutation, { input: pickInput(model, mutation, params.data) }),
        parseResponse: (response: any) => ({ data: unwrap(resource, model, mutation, response.data.data) }),
      };
    }
    case UPDATE: {
      if (!resource.update) throw new Error(`${resourceName}: no update mutation`);
      const mutation = resource.update;
      const input = pickInput(model, mutation, params.data, params.previousData ?? {});
      return {
        ...mutationQuery(model, resource, mutation, { id: params.id, input }),
        parseResponse: (response: any) => ({ data: unwrap(resource, model, mutation, response.data.data) }),
      };
    }
    case DELETE: {
      if (!resource.delete) throw new Error(`${resourceName}: no delete mutation`);
      return {
        ...mutationQuery(model, resource, resource.delete, { id: params.id }),
        parseResponse: () => ({ data: params.previousData ?? { id: params.id } }),
      };
    }
    default:
      throw new Error(`${fetchType} is not supported for ${resourceName}`);
  }
};
