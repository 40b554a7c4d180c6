/**
 * What the console knows about the API, read from introspection and the conventions of the
 * API (one list query per type, `x(id)`, `createX` / `updateX` / `deleteX` / `restoreX`,
 * `XFilter`, `XOrderBy`). A type added to the server gets a resource here without new code.
 */
import type {
  IntrospectionField,
  IntrospectionInputObjectType,
  IntrospectionInputTypeRef,
  IntrospectionObjectType,
  IntrospectionOutputTypeRef,
  IntrospectionSchema,
  IntrospectionType,
} from 'graphql';

type TypeRef = IntrospectionOutputTypeRef | IntrospectionInputTypeRef;

export interface ResourceModel {
  /** The react-admin resource name: the list query's name (`targets`, `fieldResearches`). */
  name: string;
  typeName: string;
  type: IntrospectionObjectType;
  list: IntrospectionField;
  /** `page`: `{ items total }`; `array`: a plain list (bulletins, policies). */
  listShape: 'page' | 'array';
  one?: IntrospectionField;
  /** The argument of `one` that identifies a record (`id`, or `period` for bulletins). */
  key: string;
  create?: IntrospectionField;
  update?: IntrospectionField;
  delete?: IntrospectionField;
  restore?: IntrospectionField;
  filterType?: IntrospectionInputObjectType;
  orderFields: Set<string>;
  /** Whether the list takes `deleted: true` (the recycle bin). */
  hasDeleted: boolean;
}

export interface SchemaModel {
  schema: IntrospectionSchema;
  types: Map<string, IntrospectionType>;
  queries: Map<string, IntrospectionField>;
  mutations: Map<string, IntrospectionField>;
  resources: Map<string, ResourceModel>;
  byType: Map<string, ResourceModel>;
}

export const namedType = (ref: TypeRef): { name: string; kind: string } => {
  let r: any = ref;
  while (r.kind === 'NON_NULL' || r.kind === 'LIST') r = r.ofType;
  return { name: r.name, kind: r.kind };
};

export const isList = (ref: TypeRef): boolean => {
  let r: any = ref;
  while (r.kind === 'NON_NULL') r = r.ofType;
  return r.kind === 'LIST';
};

export const printType = (ref: TypeRef): string => {
  const r: any = ref;
  if (r.kind === 'NON_NULL') return `${printType(r.ofType)}!`;
  if (r.kind === 'LIST') return `[${printType(r.ofType)}]`;
  return r.name;
};

export const requiredArgs = (field: IntrospectionField) => field.args.filter((a) => a.type.kind === 'NON_NULL' && a.defaultValue == null);

/** `responsibleCountyId` → `RESPONSIBLE_COUNTY_ID` (order-by field enums). */
export const toUpperSnake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** `fieldResearches` → `fieldResearch`, `targets` → `target`. */
export const singular = (s: string) =>
  s.endsWith('ies') ? `${s.slice(0, -3)}y` : /(ches|shes|sses|xes)$/.test(s) ? s.slice(0, -2) : s.replace(/s$/, '');

export function buildSchemaModel(schema: IntrospectionSchema): SchemaModel {
  const types = new Map(schema.types.map((t) => [t.name, t]));
  const fieldsOf = (name?: string | null) => ((name ? (types.get(name) as IntrospectionObjectType | undefined) : undefined)?.fields ?? []) as IntrospectionField[];
  const queries = new Map(fieldsOf(schema.queryType?.name).map((f) => [f.name, f]));
  const mutations = new Map(fieldsOf(schema.mutationType?.name).map((f) => [f.name, f]));
  const resources = new Map<string, ResourceModel>();
  const byType = new Map<string, ResourceModel>();

  /** The mutation answers the type itself, or a wrapper without an id (CreatedApiKey { apiKey, key }). */
  const returnsType = (field: IntrospectionField, typeName: string) => {
    const n = namedType(field.type).name;
    if (n === typeName) return true;
    const wrapper = types.get(n) as IntrospectionObjectType | undefined;
    if (!wrapper?.fields || wrapper.fields.some((f) => f.name === 'id')) return false;
    return wrapper.fields.some((f) => namedType(f.type).name === typeName && !isList(f.type));
  };
  /** A creating verb: one `input` argument that is not an Update…Input. */
  const creates = (m: IntrospectionField) =>
    m.args.length === 1 && m.args[0].name === 'input' && !/^Update/.test(namedType(m.args[0].type).name);

  for (const list of queries.values()) {
    const returned = types.get(namedType(list.type).name) as IntrospectionObjectType | undefined;
    if (!returned || returned.kind !== 'OBJECT') continue;
    let type: IntrospectionObjectType | undefined;
    let listShape: ResourceModel['listShape'];
    const items = returned.fields.find((f) => f.name === 'items');
    if (!isList(list.type) && items && returned.fields.some((f) => f.name === 'total')) {
      type = types.get(namedType(items.type).name) as IntrospectionObjectType;
      listShape = 'page';
    } else if (isList(list.type) && requiredArgs(list).length === 0) {
      type = returned;
      listShape = 'array';
    } else continue;
    if (!type?.fields?.some((f) => f.name === 'id')) continue;
    const typeName = type.name;

    const ones = [...queries.values()].filter((q) => !isList(q.type) && namedType(q.type).name === typeName && requiredArgs(q).length === 1);
    const one = ones.find((q) => q.args.some((a) => a.name === 'id')) ?? ones[0];
    const key = one ? requiredArgs(one)[0].name : 'id';
    // createX, else a domain verb named for the type (submitProgressReport, issueSupervisionNotice).
    const candidates = [...mutations.values()].filter((m) => creates(m) && returnsType(m, typeName));
    const create =
      mutations.get(`create${typeName}`) ?? candidates.find((m) => m.name.endsWith(typeName)) ?? candidates[0];
    const update = mutations.get(`update${typeName}`);
    const filterArg = list.args.find((a) => a.name === 'filter');
    const orderArg = list.args.find((a) => a.name === 'orderBy');
    let orderFields = new Set<string>();
    if (orderArg) {
      const orderInput = types.get(namedType(orderArg.type).name) as IntrospectionInputObjectType | undefined;
      const fieldArg = orderInput?.inputFields.find((f) => f.name === 'field');
      const enumType = fieldArg && (types.get(namedType(fieldArg.type).name) as any);
      orderFields = new Set((enumType?.enumValues ?? []).map((v: any) => v.name));
    }
    const model: ResourceModel = {
      name: list.name,
      typeName,
      type,
      list,
      listShape,
      one,
      key,
      create,
      update,
      delete: mutations.get(`delete${typeName}`),
      restore: mutations.get(`restore${typeName}`),
      filterType: filterArg ? (types.get(namedType(filterArg.type).name) as IntrospectionInputObjectType) : undefined,
      orderFields,
      hasDeleted: list.args.some((a) => a.name === 'deleted'),
    };
    resources.set(model.name, model);
    // The type's own list (`targets` for Target), not another list of it (`overdueReviews`).
    const own = list.name.toLowerCase().startsWith(typeName.toLowerCase());
    if (!byType.has(typeName) || (own && !byType.get(typeName)!.name.toLowerCase().startsWith(typeName.toLowerCase()))) byType.set(typeName, model);
  }
  return { schema, types, queries, mutations, resources, byType };
}
