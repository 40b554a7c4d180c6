import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';

/**
 * Relations loaded ahead by list resolvers, with only the columns the selection needs
 * (common/query/relations.ts): the same answers as the lazy way, the same statements, the
 * same scope.
 */
let server: TestServer;
let regional: string;
let county: string;

beforeAll(async () => {
  server = await startServer();
  regional = await server.token('region');
  county = await server.token('county-540222');
});
afterAll(() => server?.close());

const PAGE = (limit: number, direction = 'ASC') => `{ cadres(limit: ${limit}, orderBy: [{ field: ID, direction: ${direction} }]) { items { id name position department { id name kind county { id code name } } } } }`;

describe('relations loaded ahead for a page', () => {
  it('answer what the lookup of each row answers the lazy way', async () => {
    const page = await server.ok(PAGE(100), {}, { token: regional });
    const items = page.cadres.items as { id: string; department: { county: unknown } | null }[];
    expect(items.length).toBe(100);
    expect(items.some((c) => c.department?.county)).toBe(true);
    expect(items.some((c) => c.department && c.department.county === null)).toBe(true); // 地直 units
    // A lookup by id resolves its relations lazily (a promise per field), with whole rows.
    const sample = items.filter((_, i) => i % 7 === 0);
    const lookups = sample.map((c, i) => `c${i}: cadre(id: "${c.id}") { id name position department { id name kind county { id code name } } }`).join('\n');
    const lazy = await server.ok(`{ ${lookups} }`, {}, { token: regional });
    sample.forEach((c, i) => expect(lazy[`c${i}`]).toEqual(c));
  });

  it('read the page and its to-one relations in one statement, for 10 rows as for 100 (and the token check)', async () => {
    // The last cadres are in county departments: both pages reach departments and counties.
    const small = await server.gql(PAGE(10, 'DESC'), {}, { token: regional });
    const large = await server.gql(PAGE(100, 'DESC'), {}, { token: regional });
    expect(small.errors).toBeUndefined();
    expect(small.data.cadres.items.every((c: { department: { county: unknown } }) => c.department.county)).toBe(true);
    expect(large.extensions!.sqlStatements).toBe(2);
    expect(small.extensions!.sqlStatements).toBe(2);
  });

  it('load what hangs under joined relations (a page of cadres under the department, the county\'s region) as the lazy way does', async () => {
    const fields = 'id name department { name cadres(limit: 3, orderBy: [{ field: RANK }]) { total items { name } } county { code region { code name } } }';
    const page = await server.gql(`{ cadres(limit: 60, orderBy: [{ field: ID, direction: DESC }]) { items { ${fields} } } }`, {}, { token: regional });
    expect(page.errors).toBeUndefined();
    expect(page.extensions!.sqlStatements).toBe(4); // token, the page with department and county, their cadres, the regions
    const items = page.data.cadres.items as { id: string }[];
    const sample = items.filter((_, i) => i % 9 === 0);
    const lazy = await server.ok(`{ ${sample.map((c, i) => `c${i}: cadre(id: "${c.id}") { ${fields} }`).join('\n')} }`, {}, { token: regional });
    sample.forEach((c, i) => expect(lazy[`c${i}`]).toEqual(c));
  });

  it('load nothing for a relation that @include leaves out', async () => {
    const q = 'query($d: Boolean!) { cadres(limit: 50) { items { id department @include(if: $d) { name county { name } } } } }';
    const without = await server.gql(q, { d: false }, { token: regional });
    const withIt = await server.gql(q, { d: true }, { token: regional });
    expect(without.data.cadres.items[0].department).toBeUndefined();
    expect(without.extensions!.sqlStatements).toBe(2);
    expect(withIt.extensions!.sqlStatements).toBe(2);
    expect(without.data.cadres.items).toEqual(withIt.data.cadres.items.map(({ id }: { id: string }) => ({ id })));
  });

  it('read whole rows when a computed field is selected (the phone, hidden from analysts)', async () => {
    const data = await server.ok('{ cadres(limit: 20, orderBy: [{ field: ID }]) { items { id phone department { name } } } }', {}, { token: regional });
    expect(data.cadres.items.some((c: { phone: string | null }) => typeof c.phone === 'string' && c.phone.length > 0)).toBe(true);
  });

  it('answer right when one fragment is reached from two lists with different selections around it', async () => {
    const q = `fragment D on Department { name county { code name } }
      { cadres(limit: 30, orderBy: [{ field: ID }]) { items { id department { ...D } } }
        departments(limit: 30, orderBy: [{ field: NAME }]) { items { id kind ...D } } }`;
    const both = await server.ok(q, {}, { token: regional });
    const cadres = await server.ok('{ cadres(limit: 30, orderBy: [{ field: ID }]) { items { id department { name county { code name } } } } }', {}, { token: regional });
    const departments = await server.ok('{ departments(limit: 30, orderBy: [{ field: NAME }]) { items { id kind name county { code name } } } }', {}, { token: regional });
    expect(both.cadres).toEqual(cadres.cadres);
    expect(both.departments).toEqual(departments.departments);
  });

  it('load the four levels of the hierarchy with their totals, as many statements as levels', async () => {
    const q = `{ regions(limit: 1) { items { name counties(limit: 18, orderBy: [{ field: CODE }]) { total items { code
      departments(limit: 20, orderBy: [{ field: NAME }]) { total items { name cadres(limit: 20, orderBy: [{ field: RANK }]) { total items { name rank } } } } } } } } }`;
    const result = await server.gql(q, {}, { token: regional });
    expect(result.errors).toBeUndefined();
    expect(result.extensions!.sqlStatements).toBe(5);
    const counties = result.data.regions.items[0].counties;
    expect(counties.total).toBe(18);
    const first = counties.items[0];
    // The totals and pages agree with the relation asked of one county on its own.
    const alone = await server.ok(`{ county(code: "${first.code}") { departments(limit: 20, orderBy: [{ field: NAME }]) { total items { name cadres(limit: 20, orderBy: [{ field: RANK }]) { total items { name rank } } } } } }`, {}, { token: regional });
    expect(alone.county.departments).toEqual(first.departments);
  });

  it('keep a county user to its county at every level loaded ahead', async () => {
    const data = await server.ok(PAGE(500), {}, { token: county });
    const codes = new Set(data.cadres.items.map((c: { department: { county: { code: string } | null } | null }) => c.department?.county?.code ?? null));
    expect([...codes]).toEqual(['540222']);
  });
});
