import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';

/**
 * Compiled execution (common/executor.ts): a query's first run is interpreted by graphql-js,
 * later runs execute the compiled operation. Every answer of the compiled run — data, errors
 * with their codes and paths, HTTP status — must be the interpreted one.
 */
let server: TestServer;
let regional: string;

beforeAll(async () => {
  server = await startServer({ compileQueriesAfter: 2 });
  regional = await server.token('region');
});
afterAll(() => server?.close());

async function post(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${regional}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string; path?: unknown; extensions?: { code?: string } }[]; extensions?: unknown };
  delete body.extensions; // statement counts: the same, but not what is compared here
  return { status: response.status, execution: response.headers.get('x-luoshi-execution'), body };
}

/** Runs a query three times: interpreted, then compiled twice; all answers equal. */
async function sameEachWay(query: string, variables: Record<string, unknown> = {}) {
  const first = await post(query, variables);
  const second = await post(query, variables);
  const third = await post(query, variables);
  expect(first.execution).toBe('interpreted');
  expect(second.execution).toBe('compiled');
  expect(third.execution).toBe('compiled');
  expect(second.status).toBe(first.status);
  expect(second.body).toEqual(first.body);
  expect(third.body).toEqual(first.body);
  return first;
}

describe('compiled execution', () => {
  it('answers a filter passed as a variable of a recursive input type, quickly, as graphql-js does', async () => {
    const query = `query($f: CadreFilter) { cadres(filter: $f, limit: 30, orderBy: [{ field: NAME }]) { total items { id name rank department { name county { code } } } } }`;
    const f = { or: [{ name: { contains: '次' } }, { and: [{ rank: { startsWith: '正' } }, { not: [{ countyCode: { eq: '540222' } }] }] }] };
    const started = Date.now();
    const { body } = await sameEachWay(query, { f });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((body.data as { cadres: { total: number } }).cadres.total).toBeGreaterThan(0);
  });

  it('coerces dates, enums and defaults of variables as graphql-js does, also when a variable is not given', async () => {
    await sameEachWay(
      `query($d: LocalDate!, $w: WarningLevel, $limit: Int) { targets(filter: { warning: { eq: $w } }, asOf: $d, limit: $limit, orderBy: [{ field: DEADLINE }]) { total items { title progress(asOf: $d) status(asOf: $d) warning(asOf: $d) responsibleCounty { name } parent { title } } } }`,
      { d: '2026-10-31', w: 'RED', limit: 20 },
    );
    const { body } = await sameEachWay('query($limit: Int) { cadres(limit: $limit) { items { id } } }');
    expect((body.data as { cadres: { items: unknown[] } }).cadres.items).toHaveLength(50); // the argument's default
  });

  it('reports a resolver error with the same message, code and path', async () => {
    const { body } = await sameEachWay('{ targets(limit: 3, orderBy: [{ field: ID }]) { items { title children(offset: -1) { total } } } }');
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].path).toEqual(['targets', 'items', 0, 'children']);
  });

  it('refuses a variable of the wrong type with 400 BAD_USER_INPUT before anything runs, every time', async () => {
    for (let i = 0; i < 3; i++) {
      const { status, body, execution } = await post('query($n: Int!) { cadres(limit: $n) { total } }', { n: 'many' });
      expect(status).toBe(400);
      expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(execution).toBeNull();
    }
  });

  it('answers analytics and the nested hierarchy the same way', async () => {
    await sameEachWay('query($p: String!) { scoreboard(period: $p) { unitsRanked entries { rank unitName scheduleScore red yellow } } }', { p: '2026' });
    await sameEachWay(`{ regions(limit: 1) { items { name counties(limit: 18, orderBy: [{ field: CODE }]) { total items { code name nameTibetan
      departments(limit: 20, orderBy: [{ field: NAME }]) { total items { name kind cadres(limit: 20, orderBy: [{ field: RANK }]) { total items { name position rank } } } } } } } } }`);
  });

  it('leaves introspection and mutations to graphql-js', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    await post(introspection);
    expect((await post(introspection)).execution).toBe('interpreted');
    const mutation = 'mutation($id: ID!) { deleteCadre(id: $id) }';
    await post(mutation, { id: '999999999' });
    expect((await post(mutation, { id: '999999999' })).execution).toBe('interpreted');
  });
});
