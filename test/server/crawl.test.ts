import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';

/**
 * A crawl of every path a county user can take, driven by the schema itself, so that a new
 * type or relation is covered without touching this file: every root query (lists, recycle
 * bins, lookups, analytics), every relation and object field one level down, with every
 * id found — object ids, `…Id` fields, ids inside JSON — checked as an administrator. The
 * county user must never see another county's row or id.
 */
let server: TestServer;
let token: string;
let admin: string;
let ownCountyId: string;

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface FieldInfo {
  name: string;
  args: { name: string; type: TypeRef; defaultValue: string | null }[];
  type: TypeRef;
}
interface TypeInfo {
  kind: string;
  name: string;
  fields: FieldInfo[] | null;
  enumValues: { name: string }[] | null;
}

let types: Map<string, TypeInfo>;

const TYPE_QUERY = `{ __schema { queryType { name } types { kind name enumValues { name } fields { name args { name defaultValue type { ...T } } type { ...T } } } } }
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`;

const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t);
const isList = (t: TypeRef): boolean => t.kind === 'LIST' || (t.ofType ? isList(t.ofType) : false);
const required = (t: TypeRef) => t.kind === 'NON_NULL';

/** Values for the arguments a crawl must give (required ones), by name. */
function argValue(name: string, type: TypeRef): unknown {
  const base = named(type);
  const byName: Record<string, unknown> = {
    period: '2026-Q3',
    asOf: '2026-11-20',
    from: '2026-01',
    to: '2026-06',
    code: '540222',
    reason: 'crawl',
  };
  if (name in byName) return byName[name];
  if (base.kind === 'ENUM') {
    const values = types.get(base.name!)!.enumValues!.map((v) => v.name);
    return isList(type) ? values : values[0];
  }
  if (isList(type)) return [];
  return undefined;
}

/** A selection of every scalar and enum field of a type, and one level of its object fields. */
function selection(typeName: string, depth: number): string {
  const type = types.get(typeName);
  if (!type?.fields) return '__typename';
  const parts = ['__typename'];
  for (const field of type.fields) {
    if (field.name.startsWith('__')) continue;
    const base = named(field.type);
    const needed = field.args.filter((a) => required(a.type) && a.defaultValue == null);
    const args = needed.map((a) => `${a.name}: ${JSON.stringify(argValue(a.name, a.type))}`);
    if (field.args.some((a) => a.name === 'limit')) args.push('limit: 5');
    const call = args.length ? `${field.name}(${args.join(', ').replace(/"([A-Z_]+)"/g, (m, v) => (isEnumLiteral(field, v) ? v : m))})` : field.name;
    if (base.kind === 'SCALAR' || base.kind === 'ENUM') parts.push(call);
    else if (base.kind === 'OBJECT' && depth > 0) parts.push(`${call} { ${selection(base.name!, depth - 1)} }`);
  }
  return parts.join(' ');
}

/** Whether `value` is one of the enum values of an argument of `field` (so it is written bare). */
function isEnumLiteral(field: FieldInfo, value: string): boolean {
  return field.args.some((a) => {
    const base = named(a.type);
    return base.kind === 'ENUM' && types.get(base.name!)!.enumValues!.some((v) => v.name === value);
  });
}

/** `…Id` field names and the type each one points at. */
const ID_FIELDS: Record<string, string> = {
  countyId: 'County',
  responsibleCountyId: 'County',
  departmentId: 'Department',
  responsibleDepartmentId: 'Department',
  cadreId: 'Cadre',
  responsibleCadreId: 'Cadre',
  targetId: 'Target',
  parentId: 'Target',
  rootId: 'Target',
  directiveId: 'Directive',
  reporterId: 'User',
  reviewerId: 'User',
  actorId: 'User',
  issuedById: 'User',
  respondedById: 'User',
  inspectionId: 'Inspection',
  noticeId: 'SupervisionNotice',
};

type Found = Map<string, Set<string>>;

function collect(value: unknown, found: Found, parentType?: string): void {
  if (Array.isArray(value)) return value.forEach((v) => collect(v, found, parentType));
  if (!value || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  const typename = typeof obj.__typename === 'string' ? obj.__typename : undefined;
  const add = (type: string, id: unknown) => {
    if (id == null || id === '' || typeof id === 'object') return;
    if (!found.has(type)) found.set(type, new Set());
    found.get(type)!.add(String(id));
  };
  if (typename && 'id' in obj && types.get(typename)?.fields?.some((f) => f.name === 'id' && named(f.type).name === 'ID')) add(typename, obj.id);
  for (const [key, v] of Object.entries(obj)) {
    if (ID_FIELDS[key] && (typeof v === 'string' || typeof v === 'number')) add(ID_FIELDS[key], v);
    else if (key === 'unitId' && typename === 'ScoreboardEntry') continue; // checked through countyId
    else if (key === 'targetIds' && Array.isArray(v)) v.forEach((t) => add('Target', t));
    else if (key === 'changes' && v && typeof v === 'object') {
      for (const [field, change] of Object.entries(v as Record<string, { before?: unknown; after?: unknown }>)) {
        if (!ID_FIELDS[field] || !change || typeof change !== 'object') continue;
        for (const side of [change.before, change.after]) (Array.isArray(side) ? side : [side]).forEach((x) => add(ID_FIELDS[field], x));
      }
    } else collect(v, found, typename);
  }
}

/** The county a row sits in, read as an administrator: its own countyId, or its department's, or its cadre's. */
function countyPath(typeName: string): string | null {
  const fields = new Set((types.get(typeName)?.fields ?? []).map((f) => f.name));
  if (fields.has('countyId')) return 'countyId';
  if (fields.has('department')) return 'department { countyId }';
  if (fields.has('cadre')) return 'cadre { department { countyId } }';
  return null;
}

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);

beforeAll(async () => {
  server = await startServer();
  token = await server.token('county-540222');
  admin = await server.token('admin');
  const schema = await server.ok(TYPE_QUERY, {}, { token });
  types = new Map((schema.__schema.types as TypeInfo[]).map((t) => [t.name, t]));
  ownCountyId = (await server.ok('{ county(code: "540222") { id } }', {}, { token: admin })).county.id;
  // Trails that reference other counties: a department moved in from 南木林县, and one moved out.
  const region = await server.token('region');
  const ids = await server.ok('{ a: county(code: "540221") { id } }', {}, { token: admin });
  for (const [from, to, name] of [[ids.a.id, ownCountyId, '迁入测试办'], [ownCountyId, ids.a.id, '迁出测试办']]) {
    const d = (await server.ok('mutation($c: ID!, $n: String!) { createDepartment(input: { countyId: $c, name: $n, kind: OTHER }) { id version } }', { c: from, n: name }, { token: region })).createDepartment;
    await server.ok('mutation($id: ID!, $v: Int!, $c: ID!) { updateDepartment(id: $id, input: { version: $v, countyId: $c }) { id } }', { id: d.id, v: d.version, c: to }, { token: region });
  }
});
afterAll(() => server?.close());

/** Crawls every root query as `as` and returns the ids of rows outside 江孜县 that it found. */
async function crawl(as: string): Promise<{ foreign: string[]; crawled: number; failed: string[]; found: Found }> {
  const query = types.get('Query')!;
  const found: Found = new Map();
  const failed: string[] = [];
  let crawled = 0;
  for (const field of query.fields!) {
    if (field.name.startsWith('__')) continue;
    const base = named(field.type);
    const args: string[] = [];
    let skip = false;
    for (const a of field.args) {
      if (a.name === 'id' || a.name === 'cadreId') {
        if (required(a.type)) skip = true; // lookups by id are crawled below, with the ids found
        continue;
      }
      const v = required(a.type) && a.defaultValue == null ? argValue(a.name, a.type) : undefined;
      if (v !== undefined) args.push(`${a.name}: ${named(a.type).kind === 'ENUM' ? (Array.isArray(v) ? `[${v.join(', ')}]` : v) : JSON.stringify(v)}`);
    }
    if (skip) continue;
    if (field.args.some((a) => a.name === 'code')) args.push(`code: "${field.name === 'region' ? '540200' : '540222'}"`);
    const variants = [args];
    if (field.args.some((a) => a.name === 'deleted')) variants.push([...args, 'deleted: true']); // recycle bins
    const group = field.args.find((a) => a.name === 'groupBy');
    if (group) for (const g of types.get(named(group.type).name!)!.enumValues!) variants.push([...args.filter((x) => !x.startsWith('groupBy')), `groupBy: [${g.name}]`]);
    for (const variant of variants) {
      // As wide as the cost budget allows: two levels of relations, else one; 20 rows, else 5.
      let result: Awaited<ReturnType<TestServer['gql']>> = {};
      let call = '';
      for (const [depth, limit] of [[2, 20], [2, 5], [1, 20], [1, 5]]) {
        const withLimit = field.args.some((a) => a.name === 'limit') ? [...variant, `limit: ${limit}`] : variant;
        call = withLimit.length ? `${field.name}(${withLimit.join(', ')})` : field.name;
        const body = base.kind === 'OBJECT' ? `{ ${selection(base.name!, depth)} }` : '';
        result = await server.gql(`{ ${call} ${body} }`, {}, { token: as });
        if (!result.errors?.some((e) => e.extensions.code === 'QUERY_TOO_COMPLEX')) break;
      }
      crawled++;
      // FORBIDDEN (a type the role may not read) is an answer too; anything else is a broken crawl.
      for (const e of result.errors ?? []) if (e.extensions.code !== 'FORBIDDEN') failed.push(`${call}: ${e.message}`);
      collect(result.data, found);
    }
  }

  // Every id found, looked up as the crawling user (lookups) and as an administrator (where it sits).
  const foreign: string[] = [];
  for (const [typeName, ids] of found) {
    const lookup = query.fields!.find((f) => f.name === lowerFirst(typeName) && f.args.some((a) => a.name === 'id'));
    const path = countyPath(typeName);
    for (const id of [...ids]) {
      if (typeName === 'County') {
        if (id !== ownCountyId) foreign.push(`County ${id}`);
        continue;
      }
      if (!lookup) continue;
      const seen = await server.gql(`query($id: ID!) { ${lookup.name}(id: $id) { ${selection(typeName, 1)} } }`, { id }, { token: as });
      collect(seen.data, found);
      if (!path) continue;
      const row = (await server.ok(`query($id: ID!) { ${lookup.name}(id: $id) { ${path} } }`, { id }, { token: admin }))[lookup.name];
      const countyId = row?.countyId ?? row?.department?.countyId ?? row?.cadre?.department?.countyId ?? null;
      if (countyId != null && String(countyId) !== ownCountyId) foreign.push(`${typeName} ${id} (county ${countyId})`);
    }
  }
  return { foreign, crawled, failed, found };
}

describe('a schema-driven crawl of every path', () => {
  it('as a county user (江孜县) finds no other county’s row or id', async () => {
    const { foreign, crawled, failed, found } = await crawl(token);
    expect(failed).toEqual([]);
    expect(crawled).toBeGreaterThan(20);
    expect(found.get('Target')?.size ?? 0).toBeGreaterThan(10);
    expect(found.get('ProgressReport')?.size ?? 0).toBeGreaterThan(10);
    expect(found.get('AuditEvent')?.size ?? 0).toBeGreaterThanOrEqual(3);
    expect(foreign).toEqual([]);
  }, 300_000);

  it('as the region finds the other counties’ rows (the crawl sees what it should)', async () => {
    const { foreign, failed } = await crawl(await server.token('region'));
    expect(failed).toEqual([]);
    expect(foreign.some((f) => f.startsWith('County '))).toBe(true);
    expect(foreign.some((f) => f.startsWith('Target '))).toBe(true);
    expect(foreign.some((f) => f.startsWith('Cadre '))).toBe(true);
  }, 300_000);
});
