import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaSDL } from '../../server/src/schema.js';
import { codes, startServer, type TestServer } from '../helpers/server.js';

/** Paging and filter validation, query depth and cost limits, batching of relations, and the HTTP surface. */
let server: TestServer;
let regional: string;

beforeAll(async () => {
  server = await startServer();
  regional = await server.token('region');
});
afterAll(() => server?.close());

describe('paging and filters', () => {
  it('accepts limit 500 and refuses 501 naming the field', async () => {
    expect((await server.ok('{ cadres(limit: 500) { items { id } } }', {}, { token: regional })).cadres.items).toHaveLength(432);
    const over = await server.gql('{ cadres(limit: 501) { total } }', {}, { token: regional });
    expect(over.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    const negative = await server.gql('{ cadres(offset: -1) { total } }', {}, { token: regional });
    expect(negative.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offset' });
  });

  it('pages through a stable order: offset and limit cover every row once', async () => {
    const all = await server.ok('{ departments(limit: 500, orderBy: [{ field: KIND }, { field: NAME, direction: DESC }]) { total items { id } } }', {}, { token: regional });
    const pages = [];
    for (let offset = 0; offset < all.departments.total; offset += 40) {
      const page = await server.ok('query($o: Int) { departments(offset: $o, limit: 40, orderBy: [{ field: KIND }, { field: NAME, direction: DESC }]) { items { id } } }', { o: offset }, { token: regional });
      pages.push(...page.departments.items);
    }
    expect(pages).toEqual(all.departments.items);
  });

  it('combines and / or / not', async () => {
    const data = await server.ok(
      `{ or: counties(filter: { or: [{ code: { eq: "540222" } }, { code: { eq: "540202" } }] }) { total }
         not: counties(filter: { not: [{ code: { in: ["540222", "540202"] } }] }) { total }
         and: counties(filter: { and: [{ code: { startsWith: "5402" } }, { name: { contains: "县" } }] }) { total }
         mixed: counties(filter: { code: { startsWith: "54023" }, or: [{ name: { startsWith: "亚" } }, { name: { startsWith: "吉" } }] }, orderBy: [{ field: CODE, direction: DESC }]) { items { name } } }`,
      {},
      { token: regional },
    );
    expect(data.or.total).toBe(2);
    expect(data.not.total).toBe(16);
    expect(data.and.total).toBe(17);
    expect(data.mixed.items).toEqual([{ name: '吉隆县' }, { name: '亚东县' }]);
  });

  it('filters dates, enums and relation ids with their operators', async () => {
    const data = await server.ok(
      `{ young: cadres(filter: { birthDate: { gte: "1990-01-01" } }, limit: 500) { total items { birthDate } }
         township: departments(filter: { kind: { in: [TOWNSHIP] } }) { total }
         women: cadres(filter: { gender: { eq: FEMALE }, status: { eq: ACTIVE } }) { total } }`,
      {},
      { token: regional },
    );
    expect(data.young.total).toBeGreaterThan(0);
    expect(data.young.items.every((c: { birthDate: string }) => c.birthDate >= '1990-01-01')).toBe(true);
    expect(data.township.total).toBe(28);
    expect(data.women.total).toBeGreaterThan(0);
  });

  it('treats or: [] as matching nothing, and caps in-lists at 1000 values', async () => {
    const none = await server.ok('{ counties(filter: { or: [] }) { total } }', {}, { token: regional });
    expect(none.counties.total).toBe(0);
    const many = await server.gql('query($ids: [ID!]) { cadres(filter: { id: { in: $ids } }) { total } }', { ids: Array.from({ length: 1001 }, (_, i) => String(i + 1)) }, { token: regional });
    expect(many.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.id.in' });
  });

  it('answers variables of the wrong type with BAD_USER_INPUT', async () => {
    const wrong = await server.gql('query($i: Int) { counties(limit: $i) { total } }', { i: 'abc' }, { token: regional });
    expect(codes(wrong)).toEqual(['BAD_USER_INPUT']);
    const missing = await server.gql('query($id: ID!) { county(id: $id) { id } }', {}, { token: regional });
    expect(codes(missing)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses an empty in-list, a non-numeric id and a malformed date', async () => {
    const empty = await server.gql('{ counties(filter: { code: { in: [] } }) { total } }', {}, { token: regional });
    expect(empty.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.code' });
    const badId = await server.gql('{ departments(filter: { countyId: { eq: "abc" } }) { total } }', {}, { token: regional });
    expect(badId.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.countyId.eq' });
    const badDate = await server.gql('{ cadres(filter: { birthDate: { gte: "1990-13-01" } }) { total } }', {}, { token: regional });
    expect(codes(badDate)).toEqual(['BAD_USER_INPUT']);
    const unknownField = await server.gql('{ counties { items { nope } } }', {}, { token: regional });
    expect(codes(unknownField)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('query limits', () => {
  it('runs a query 10 levels deep and refuses one of 11 levels before it runs', async () => {
    // regions › items › counties › items › region › counties › items › region › counties › total = 10
    const ten = await server.gql(`{ regions(limit: 1) { items { counties(limit: 1) { items { region { counties(limit: 1) { items { region { counties(limit: 1) { total } } } } } } } } } }`, {}, { token: regional });
    expect(ten.errors).toBeUndefined();
    const eleven = await server.gql(`{ regions(limit: 1) { items { counties(limit: 1) { items { region { counties(limit: 1) { items { region { counties(limit: 1) { items { id } } } } } } } } } } }`, {}, { token: regional, lang: 'en' });
    expect(codes(eleven)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(eleven.errors![0].message).toMatch(/11 levels/);
    expect(eleven.extensions?.sqlStatements).toBe(1); // only the token's user lookup: no resolver ran
  });

  it('refuses a query whose page sizes multiply past the budget, and counts aliases', async () => {
    const wide = await server.gql('{ counties(limit: 500) { items { departments(limit: 500) { items { cadres(limit: 10) { items { id } } } } } } }', {}, { token: regional });
    expect(codes(wide)).toEqual(['QUERY_TOO_COMPLEX']);
    const status = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${regional}` },
      body: JSON.stringify({ query: '{ counties(limit: 500) { items { departments(limit: 500) { items { id } } } } }' }),
    });
    expect(status.status).toBe(400);
    const one = '{ cadres(limit: 500) { items { id name department { name } } } }';
    expect((await server.gql(one, {}, { token: regional })).errors).toBeUndefined();
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: cadres(limit: 500) { items { id name department { name } } }`).join('\n');
    const aliased = await server.gql(`{ ${aliases} }`, {}, { token: regional });
    expect(codes(aliased)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('charges batched operations of one request against one budget', async () => {
    const op = { query: '{ cadres(limit: 500) { items { id name position rank department { name county { name } } } } }' };
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${regional}` },
      body: JSON.stringify(Array.from({ length: 20 }, () => op)),
    });
    const results = (await response.json()) as { errors?: { extensions: { code: string } }[] }[];
    expect(results).toHaveLength(20);
    expect(results[0].errors).toBeUndefined();
    expect(results.at(-1)!.errors![0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('batching', () => {
  const nested = (limit: number) =>
    `{ regions(limit: 1) { items { counties(limit: ${limit}) { items { name region { code } departments(limit: 20) { total items { name county { code } cadres(limit: 20) { total items { name department { name } } } } } } } } } }`;

  it('runs the same number of SQL statements for 2 counties as for 18 (relations are batched)', async () => {
    const small = await server.gql(nested(2), {}, { token: regional });
    const large = await server.gql(nested(18), {}, { token: regional });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    const cadres = large.data.regions.items[0].counties.items.flatMap((c: any) => c.departments.items.flatMap((d: any) => d.cadres.items));
    expect(cadres.length).toBeGreaterThan(300);
    expect(large.extensions!.sqlStatements).toBe(small.extensions!.sqlStatements);
    expect(large.extensions!.sqlStatements).toBeLessThanOrEqual(15);
  });
});

describe('HTTP surface', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('answers a malformed or oversized body with a JSON error and no stack', async () => {
    const malformed = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(malformed.status).toBe(400);
    const text = await malformed.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(text).not.toMatch(/node_modules|at |SyntaxError/);
    const huge = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ me { id } } #${'x'.repeat(1_100_000)}` }) });
    expect(huge.status).toBe(413);
    expect((await huge.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('keeps stack traces, SQL and paths out of error responses', async () => {
    const result = await server.gql('{ counties(filter: { code: { in: [] } }) { total } } query Other { me { id } }', {}, { token: regional });
    const text = JSON.stringify(result);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(text).not.toMatch(/stacktrace|\.ts:|\.js:|SELECT|node_modules/i);
  });
});

describe('schema file', () => {
  it('schema/schema.graphql is what the code emits (run `npm run schema` after API changes)', async () => {
    expect(readFileSync('schema/schema.graphql', 'utf8')).toBe(await schemaSDL());
  });
});
