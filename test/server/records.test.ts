import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startServer, type TestServer } from '../helpers/server.js';

/** Writes: exact round-trips, optimistic locking, soft delete and restore, and their audit trail. */
let server: TestServer;
let admin: string;
let regional: string;
let regionId: string;

const COUNTY = 'id name nameTibetan code version regionId';

async function auditFor(entityType: string, entityId: string) {
  const data = await server.ok(
    'query($t: String!, $id: ID!) { auditEvents(filter: { entityType: { eq: $t }, entityId: { eq: $id } }, orderBy: [{ field: ID }]) { total items { action actorName entityId changes requestId at } } }',
    { t: entityType, id: entityId },
    { token: admin },
  );
  return data.auditEvents;
}

async function createCounty(code: string, name = '测试县') {
  const data = await server.ok(
    `mutation($input: CreateCountyInput!) { createCounty(input: $input) { ${COUNTY} } }`,
    { input: { regionId, name, code } },
    { token: regional },
  );
  return data.createCounty;
}

beforeAll(async () => {
  server = await startServer();
  admin = await server.token('admin');
  regional = await server.token('region');
  regionId = (await server.ok('{ regions { items { id } } }', {}, { token: regional })).regions.items[0].id;
});
afterAll(() => server?.close());

describe('text round-trips exactly', () => {
  it('keeps Chinese, Tibetan and emoji names unchanged through create, lookup and filter', async () => {
    const name = '吉隆口岸新区 🏔️';
    const nameTibetan = 'སྐྱིད་གྲོང་སྒོ་ཁ། 🙏';
    const created = await server.ok(
      `mutation($input: CreateCountyInput!) { createCounty(input: $input) { ${COUNTY} } }`,
      { input: { regionId, name, nameTibetan, code: '540290' } },
      { token: regional },
    );
    expect(created.createCounty).toMatchObject({ name, nameTibetan, code: '540290', version: 1 });

    const found = await server.ok(
      'query($t: String!) { counties(filter: { nameTibetan: { eq: $t } }) { total items { name nameTibetan } } }',
      { t: nameTibetan },
      { token: regional },
    );
    expect(found.counties).toEqual({ total: 1, items: [{ name, nameTibetan }] });

    const department = await server.ok(
      'mutation($c: ID!) { createDepartment(input: { countyId: $c, name: "ཞིང་ལས་ཅུས། 农牧局", kind: GOVERNMENT }) { id regionId countyId } }',
      { c: created.createCounty.id },
      { token: regional },
    );
    const cadre = await server.ok(
      `mutation($d: ID!) { createCadre(input: { departmentId: $d, name: "扎西次仁", nameTibetan: "བཀྲ་ཤིས་ཚེ་རིང་།", gender: MALE,
         ethnicity: "藏族", birthDate: "1984-02-29", position: "局长 👍", rank: "正科级", phone: "+86 138-0892-0000" }) {
         name nameTibetan birthDate position phone status department { name regionId } } }`,
      { d: department.createDepartment.id },
      { token: regional },
    );
    expect(department.createDepartment.regionId).toBe(regionId);
    expect(cadre.createCadre).toEqual({
      name: '扎西次仁',
      nameTibetan: 'བཀྲ་ཤིས་ཚེ་རིང་།',
      birthDate: '1984-02-29',
      position: '局长 👍',
      phone: '+86 138-0892-0000',
      status: 'ACTIVE',
      department: { name: 'ཞིང་ལས་ཅུས། 农牧局', regionId },
    });
  });

  it('filters with contains and startsWith on Chinese text, treating % and _ literally', async () => {
    const data = await server.ok(
      `{ a: counties(filter: { name: { contains: "木" } }, orderBy: [{ field: CODE }]) { items { name } }
         b: counties(filter: { name: { startsWith: "定" } }, orderBy: [{ field: CODE }]) { items { name } }
         c: counties(filter: { name: { contains: "%" } }) { total } }`,
      {},
      { token: regional },
    );
    expect(data.a.items.map((c: { name: string }) => c.name)).toEqual(['南木林县', '聂拉木县']);
    expect(data.b.items.map((c: { name: string }) => c.name)).toEqual(['定日县', '定结县']);
    expect(data.c.total).toBe(0);
  });
});

describe('optimistic locking', () => {
  it('updates with the current version, bumps it and audits before/after of changed fields only', async () => {
    const county = await createCounty('540291');
    const updated = await server.ok(
      `mutation($id: ID!) { updateCounty(id: $id, input: { version: 1, name: "新名县", code: "540291" }) { ${COUNTY} } }`,
      { id: county.id },
      { token: regional },
    );
    expect(updated.updateCounty).toMatchObject({ name: '新名县', version: 2 });
    const trail = await auditFor('County', county.id);
    expect(trail.items.map((e: { action: string }) => e.action)).toEqual(['CREATE', 'UPDATE']);
    expect(trail.items[1]).toMatchObject({ actorName: 'region', changes: { name: { before: '测试县', after: '新名县' } } });
    expect(Object.keys(trail.items[1].changes)).toEqual(['name']);
    expect(trail.items[0].changes.code).toEqual({ before: null, after: '540291' });
  });

  it('refuses a stale version with CONFLICT and the current version, leaving the row and the trail unchanged', async () => {
    const county = await createCounty('540292');
    await server.ok('mutation($id: ID!) { updateCounty(id: $id, input: { version: 1, name: "第一次" }) { version } }', { id: county.id }, { token: regional });
    const stale = await server.gql('mutation($id: ID!) { updateCounty(id: $id, input: { version: 1, name: "过期的修改" }) { version } }', { id: county.id }, { token: regional });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(stale.errors![0].message).toContain('2');

    const now = await server.ok(`query($id: ID!) { county(id: $id) { ${COUNTY} } }`, { id: county.id }, { token: regional });
    expect(now.county).toMatchObject({ name: '第一次', version: 2 });
    expect((await auditFor('County', county.id)).total).toBe(2);
  });

  it('lets exactly one of two concurrent updates with the same version win', async () => {
    const county = await createCounty('540293');
    const attempt = (name: string) =>
      server.gql('mutation($id: ID!, $n: String!) { updateCounty(id: $id, input: { version: 1, name: $n }) { name version } }', { id: county.id, n: name }, { token: regional });
    const results = await Promise.all([attempt('甲'), attempt('乙'), attempt('丙')]);
    const winners = results.filter((r) => r.data?.updateCounty);
    expect(winners).toHaveLength(1);
    expect(results.flatMap(codes).sort()).toEqual(['CONFLICT', 'CONFLICT']);
    const now = await server.ok('query($id: ID!) { county(id: $id) { name version } }', { id: county.id }, { token: regional });
    expect(now.county).toEqual(winners[0].data.updateCounty);
    expect((await auditFor('County', county.id)).total).toBe(2);
  });

  it('treats an update that changes nothing as a no-op: same version, no audit event', async () => {
    const county = await createCounty('540294');
    const same = await server.ok('mutation($id: ID!) { updateCounty(id: $id, input: { version: 1, name: "测试县" }) { version } }', { id: county.id }, { token: regional });
    expect(same.updateCounty.version).toBe(1);
    expect((await auditFor('County', county.id)).total).toBe(1);
  });
});

describe('soft delete and restore', () => {
  it('refuses to delete a county that still has departments, naming how many', async () => {
    const data = await server.ok('{ counties(filter: { code: { eq: "540222" } }) { items { id departments { total } } } }', {}, { token: regional });
    const jiangzi = data.counties.items[0];
    const result = await server.gql('mutation($id: ID!) { deleteCounty(id: $id) }', { id: jiangzi.id }, { token: regional, lang: 'en' });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].message).toContain(`${jiangzi.departments.total} department`);
    const still = await server.ok('query($id: ID!) { county(id: $id) { id deletedAt } }', { id: jiangzi.id }, { token: regional });
    expect(still.county).toEqual({ id: jiangzi.id, deletedAt: null });
  });

  it('hides a deleted row everywhere, lists it in the recycle bin, and restores it with an audit trail', async () => {
    const county = await createCounty('540295', '待删县');
    expect(await server.ok('mutation($id: ID!) { deleteCounty(id: $id) }', { id: county.id }, { token: regional })).toEqual({ deleteCounty: true });

    const gone = await server.ok(
      `query($id: ID!) { county(id: $id) { id } counties(filter: { code: { eq: "540295" } }) { total }
         bin: counties(deleted: true, filter: { code: { eq: "540295" } }) { total items { id deletedAt version } }
         regions { items { counties(filter: { code: { eq: "540295" } }) { total } } } }`,
      { id: county.id },
      { token: regional },
    );
    expect(gone.county).toBeNull();
    expect(gone.counties.total).toBe(0);
    expect(gone.regions.items[0].counties.total).toBe(0);
    expect(gone.bin.total).toBe(1);
    expect(gone.bin.items[0].deletedAt).not.toBeNull();

    const again = await server.gql('mutation($id: ID!) { deleteCounty(id: $id) }', { id: county.id }, { token: regional });
    expect(codes(again)).toEqual(['NOT_FOUND']);

    const restored = await server.ok('mutation($id: ID!) { restoreCounty(id: $id) { name deletedAt version } }', { id: county.id }, { token: regional });
    expect(restored.restoreCounty).toEqual({ name: '待删县', deletedAt: null, version: 3 });
    const trail = await auditFor('County', county.id);
    expect(trail.items.map((e: { action: string }) => e.action)).toEqual(['CREATE', 'DELETE', 'RESTORE']);

    const notDeleted = await server.gql('mutation($id: ID!) { restoreCounty(id: $id) { id } }', { id: county.id }, { token: regional });
    expect(codes(notDeleted)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses to restore a department whose county is deleted', async () => {
    const county = await createCounty('540296');
    const dept = await server.ok('mutation($c: ID!) { createDepartment(input: { countyId: $c, name: "临时部门", kind: OTHER }) { id } }', { c: county.id }, { token: regional });
    await server.ok('mutation($id: ID!) { deleteDepartment(id: $id) }', { id: dept.createDepartment.id }, { token: regional });
    await server.ok('mutation($id: ID!) { deleteCounty(id: $id) }', { id: county.id }, { token: regional });
    const result = await server.gql('mutation($id: ID!) { restoreDepartment(id: $id) { id } }', { id: dept.createDepartment.id }, { token: regional });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('input validation', () => {
  it('names the offending field for blank text, a malformed code and a duplicate code', async () => {
    const blank = await server.gql('mutation($r: ID!) { createCounty(input: { regionId: $r, name: "  ", code: "540297" }) { id } }', { r: regionId }, { token: regional });
    expect(blank.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });

    const code = await server.gql('mutation($r: ID!) { createCounty(input: { regionId: $r, name: "某县", code: "54A" }) { id } }', { r: regionId }, { token: regional, lang: 'en' });
    expect(code.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(code.errors![0].message).toContain('6-digit');

    const duplicate = await server.gql('mutation($r: ID!) { createCounty(input: { regionId: $r, name: "重复", code: "540222" }) { id } }', { r: regionId }, { token: regional });
    expect(duplicate.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(duplicate.errors![0].message).toContain('540222');

    const region = await server.gql('mutation { createCounty(input: { regionId: "9999", name: "某县", code: "540298" }) { id } }', {}, { token: regional });
    expect(region.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionId' });
  });

  it('refuses null for a required field, on create and on update, naming it', async () => {
    const cadre = (await server.ok('{ cadres(limit: 1) { items { id version } } }', {}, { token: regional })).cadres.items[0];
    const update = await server.gql('mutation($id: ID!, $v: Int!) { updateCadre(id: $id, input: { version: $v, name: null }) { id } }', { id: cadre.id, v: cadre.version }, { token: regional });
    expect(update.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const move = await server.gql('mutation($id: ID!, $v: Int!) { updateCadre(id: $id, input: { version: $v, departmentId: null }) { id } }', { id: cadre.id, v: cadre.version }, { token: regional });
    expect(move.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'departmentId' });
    const user = await server.gql('mutation { createUser(input: { username: "nulls", password: "long-enough-1", role: ANALYST, regionId: "1", active: null }) { active } }', {}, { token: admin });
    expect(user.data?.createUser).toEqual({ active: true });
  });

  it('files the creation of a county under that county, so its users can read it', async () => {
    const county = await createCounty('540289');
    const trail = await auditFor('County', county.id);
    expect(trail.items[0]).toMatchObject({ action: 'CREATE' });
    const located = await server.ok('query($id: ID!) { auditEvents(filter: { entityType: { eq: "County" }, entityId: { eq: $id } }) { items { countyId regionId } } }', { id: county.id }, { token: admin });
    expect(located.auditEvents.items[0]).toEqual({ countyId: county.id, regionId });
  });

  it('writes no audit event when a change fails', async () => {
    const before = (await server.ok('{ auditEvents(limit: 0) { total } }', {}, { token: admin })).auditEvents.total;
    await server.gql('mutation($r: ID!) { createCounty(input: { regionId: $r, name: "重复", code: "540222" }) { id } }', { r: regionId }, { token: regional });
    await server.gql('mutation { updateCounty(id: "1", input: { version: 99, name: "x" }) { id } }', {}, { token: regional });
    const after = (await server.ok('{ auditEvents(limit: 0) { total } }', {}, { token: admin })).auditEvents.total;
    expect(after).toBe(before);
  });

  it('has no mutation that could change or delete an audit event', async () => {
    const data = await server.ok('{ __schema { mutationType { fields { name } } } }', {}, { token: admin });
    const names = data.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(names.filter((n: string) => /audit/i.test(n))).toEqual([]);
    expect(names).toContain('updateCounty');
  });

  it('answers in English when asked, in Chinese by default', async () => {
    const zh = await server.gql('mutation { updateCounty(id: "999999", input: { version: 1, name: "x" }) { id } }', {}, { token: regional });
    const en = await server.gql('mutation { updateCounty(id: "999999", input: { version: 1, name: "x" }) { id } }', {}, { token: regional, lang: 'en-US,en;q=0.9' });
    expect(zh.errors![0].message).toMatch(/不存在/);
    expect(en.errors![0].message).toMatch(/does not exist/);
  });
});
