import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startServer, type TestServer } from '../helpers/server.js';

/**
 * Who sees what (docs/overview.md): every path to a row — list, lookup, nested relation,
 * filter and total — is scoped; a county user never learns that other counties' rows exist.
 */
let server: TestServer;
let jiangzi: { id: string; regionId: string };
let other: { id: string; departmentId: string; cadreId: string; userId: string };
let regional: string;
let county: string;
let analyst: string;

beforeAll(async () => {
  server = await startServer();
  regional = await server.token('region');
  county = await server.token('county-540222');
  analyst = await server.token('analyst');
  const data = await server.ok(
    `{ jz: counties(filter: { code: { eq: "540222" } }) { items { id regionId } }
       dr: counties(filter: { code: { eq: "540223" } }) { items { id departments(limit: 1) { items { id cadres(limit: 1) { items { id } } } } } }
       users(filter: { username: { eq: "county-540223" } }) { items { id } } }`,
    {},
    { token: regional },
  );
  jiangzi = data.jz.items[0];
  const dingri = data.dr.items[0];
  other = {
    id: dingri.id,
    departmentId: dingri.departments.items[0].id,
    cadreId: dingri.departments.items[0].cadres.items[0].id,
    userId: data.users.items[0].id,
  };
});
afterAll(() => server?.close());

describe('regional user', () => {
  it('lists all 18 counties of Shigatse with their real codes', async () => {
    const data = await server.ok('{ counties(orderBy: [{ field: CODE }]) { total items { code name } } }', {}, { token: regional });
    expect(data.counties.total).toBe(18);
    expect(data.counties.items[0]).toEqual({ code: '540202', name: '桑珠孜区' });
    expect(data.counties.items.map((c: { code: string }) => c.code)).toContain('540237');
  });

  it('sees region-level units and every county department; totals add up', async () => {
    const data = await server.ok(
      `{ all: departments(limit: 1) { total }
         regionLevel: departments(filter: { countyId: { isNull: true } }) { total items { name } }
         counties { items { departments(limit: 0) { total } } } }`,
      {},
      { token: regional },
    );
    const perCounty = data.counties.items.reduce((sum: number, c: { departments: { total: number } }) => sum + c.departments.total, 0);
    expect(data.regionLevel.items.map((d: { name: string }) => d.name)).toContain('日喀则地委组织部');
    expect(data.all.total).toBe(perCounty + data.regionLevel.total);
  });
});

describe('county user (county-540222, 江孜县)', () => {
  it('lists only its own county, with total 1', async () => {
    const data = await server.ok('{ counties { total items { name code } } }', {}, { token: county });
    expect(data.counties).toEqual({ total: 1, items: [{ name: '江孜县', code: '540222' }] });
  });

  it('gets null for another county, its department, cadre and user by id', async () => {
    const data = await server.ok(
      'query($c: ID!, $d: ID!, $k: ID!, $u: ID!) { county(id: $c) { id } department(id: $d) { id } cadre(id: $k) { id } user(id: $u) { id } }',
      { c: other.id, d: other.departmentId, k: other.cadreId, u: other.userId },
      { token: county },
    );
    expect(data).toEqual({ county: null, department: null, cadre: null, user: null });
  });

  it('finds nothing when filtering for another county, and totals count only its own rows', async () => {
    const data = await server.ok(
      `query($c: ID!, $d: ID!) {
         byCode: counties(filter: { code: { eq: "540223" } }) { total }
         depts: departments(filter: { countyId: { eq: $c } }) { total }
         cadres(filter: { departmentId: { eq: $d } }) { total }
         cadresByCounty: cadres(filter: { countyId: { eq: $c } }) { total }
         mine: cadres(limit: 500) { total items { department { countyId } } }
         users { total items { username } } }`,
      { c: other.id, d: other.departmentId },
      { token: county },
    );
    expect(data.byCode.total).toBe(0);
    expect(data.depts.total).toBe(0);
    expect(data.cadres.total).toBe(0);
    expect(data.cadresByCounty.total).toBe(0);
    expect(data.mine.total).toBe(data.mine.items.length);
    expect(new Set(data.mine.items.map((c: { department: { countyId: string } }) => c.department.countyId))).toEqual(new Set([jiangzi.id]));
    expect(data.users).toEqual({ total: 1, items: [{ username: 'county-540222' }] });
  });

  it('sees its region read-only, but through it only its own county and departments', async () => {
    const data = await server.ok(
      '{ regions(limit: 1) { total items { name counties { total items { name } } departments(limit: 500) { total items { countyId } } } } }',
      {},
      { token: county },
    );
    const region = data.regions.items[0];
    expect(data.regions.total).toBe(1);
    expect(region.name).toBe('日喀则市');
    expect(region.counties).toEqual({ total: 1, items: [{ name: '江孜县' }] });
    expect(region.departments.total).toBe(region.departments.items.length);
    expect(region.departments.items.every((d: { countyId: string }) => d.countyId === jiangzi.id)).toBe(true);
  });

  it('cannot write another county’s rows, and nothing is written', async () => {
    const before = await server.ok('query($d: ID!) { department(id: $d) { name version } }', { d: other.departmentId }, { token: regional });
    const auditBefore = await server.ok('{ auditEvents(limit: 0) { total } }', {}, { token: regional });

    const update = await server.gql('mutation($d: ID!) { updateDepartment(id: $d, input: { version: 1, name: "x" }) { id } }', { d: other.departmentId }, { token: county });
    expect(codes(update)).toEqual(['NOT_FOUND']);

    const remove = await server.gql('mutation($k: ID!) { deleteCadre(id: $k) }', { k: other.cadreId }, { token: county });
    expect(codes(remove)).toEqual(['NOT_FOUND']);

    const createDept = await server.gql('mutation($c: ID!) { createDepartment(input: { countyId: $c, name: "越权部门", kind: OTHER }) { id } }', { c: other.id }, { token: county });
    expect(codes(createDept)).toEqual(['BAD_USER_INPUT']);
    expect(createDept.errors![0].extensions.field).toBe('countyId');

    const createCadre = await server.gql(
      'mutation($d: ID!) { createCadre(input: { departmentId: $d, name: "越权", gender: MALE, ethnicity: "藏族", position: "科员", rank: "一级科员" }) { id } }',
      { d: other.departmentId },
      { token: county },
    );
    expect(createCadre.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'departmentId' });

    const createCounty = await server.gql('mutation($r: ID!) { createCounty(input: { regionId: $r, name: "新县", code: "540299" }) { id } }', { r: jiangzi.regionId }, { token: county });
    expect(codes(createCounty)).toEqual(['FORBIDDEN']);

    const after = await server.ok('query($d: ID!) { department(id: $d) { name version } }', { d: other.departmentId }, { token: regional });
    const auditAfter = await server.ok('{ auditEvents(limit: 0) { total } }', {}, { token: regional });
    expect(after).toEqual(before);
    expect(auditAfter.auditEvents.total).toBe(auditBefore.auditEvents.total);
  });

  it('creates a department without a county in its own county, never as a region-level unit', async () => {
    const regionLevel = await server.gql('mutation($r: ID!) { createDepartment(input: { regionId: $r, name: "本县新部门", kind: OTHER }) { countyId } }', { r: jiangzi.regionId }, { token: county });
    expect(regionLevel.data?.createDepartment).toEqual({ countyId: jiangzi.id });
  });

  it('can move its own cadre only within its county', async () => {
    const mine = await server.ok('{ cadres(limit: 1) { items { id version } } }', {}, { token: county });
    const cadre = mine.cadres.items[0];
    const move = await server.gql('mutation($k: ID!, $v: Int!, $d: ID!) { updateCadre(id: $k, input: { version: $v, departmentId: $d }) { id } }', { k: cadre.id, v: cadre.version, d: other.departmentId }, { token: county });
    expect(move.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'departmentId' });
  });

  it('reads the audit trail of its own county only', async () => {
    const data = await server.ok('{ auditEvents(limit: 500) { total items { countyId } } }', {}, { token: county });
    expect(data.auditEvents.items.every((e: { countyId: string }) => e.countyId === jiangzi.id)).toBe(true);
  });
});

describe('analyst', () => {
  it('reads the whole region but never phone numbers', async () => {
    const data = await server.ok('{ counties { total } cadres(limit: 20) { total items { name phone } } }', {}, { token: analyst });
    const asRegional = await server.ok('{ cadres(limit: 20) { total items { phone } } }', {}, { token: regional });
    expect(data.counties.total).toBe(18);
    expect(data.cadres.total).toBe(asRegional.cadres.total);
    expect(data.cadres.items.every((c: { phone: string | null }) => c.phone === null)).toBe(true);
    expect(asRegional.cadres.items.some((c: { phone: string | null }) => c.phone !== null)).toBe(true);
  });

  it('cannot probe phone numbers through a filter or sort', async () => {
    const filter = await server.gql('{ cadres(filter: { phone: { startsWith: "138" } }) { total } }', {}, { token: analyst });
    expect(codes(filter)).toEqual(['FORBIDDEN']);
  });

  it('writes nothing; reads the region’s users and audit trail', async () => {
    const write = await server.gql('mutation($c: ID!) { createDepartment(input: { countyId: $c, name: "x", kind: OTHER }) { id } }', { c: jiangzi.id }, { token: analyst });
    expect(codes(write)).toEqual(['FORBIDDEN']);
    const users = await server.gql('{ users(limit: 100) { total items { username region { code } } } }', {}, { token: analyst });
    expect(users.errors).toBeUndefined();
    expect(users.data.users.total).toBeGreaterThan(18);
    expect(users.data.users.items.every((u: any) => u.region == null || u.region.code === '540200')).toBe(true);
    const trail = await server.gql('{ auditEvents { total } }', {}, { token: analyst });
    expect(trail.errors).toBeUndefined();
    expect(trail.data.auditEvents.total).toBeGreaterThan(0);
  });
});
