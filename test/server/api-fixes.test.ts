import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, PortInUseError } from '../../server/src/app.js';
import { codes, startServer, type TestServer } from '../helpers/server.js';
import { targetFixtures } from '../helpers/targets.js';

/** Links, groupings and lookups analysts asked for; the audit trail of moves; restore rights; messages. */
let server: TestServer;
let regional: string;
let admin: string;
let f: ReturnType<typeof targetFixtures>;
const county: Record<string, string> = {};

beforeAll(async () => {
  server = await startServer();
  regional = await server.token('region');
  admin = await server.token('admin');
  f = targetFixtures(server, regional);
  const data = await server.ok('{ counties(limit: 50) { items { id code } } }', {}, { token: regional });
  for (const c of data.counties.items) county[c.code] = c.id;
});
afterAll(() => server?.close());

describe('links analysts asked for', () => {
  it('a report names its county; a notice its county, issuer and responder', async () => {
    const jiangzi = await server.token('county-540222');
    const report = await server.ok('{ progressReports(limit: 1, filter: { countyCode: { eq: "540222" } }) { items { county { code name } } } }', {}, { token: regional });
    expect(report.progressReports.items[0].county).toEqual({ code: '540222', name: '江孜县' });
    const notices = await server.ok('{ supervisionNotices(limit: 50, filter: { respondedOn: { isNull: false } }) { items { county { name } issuedBy { username } respondedBy { username } } } }', {}, { token: regional });
    const answered = notices.supervisionNotices.items.find((n: any) => n.respondedBy);
    expect(answered.county.name).toBeTruthy();
    expect(answered.issuedBy.username).toMatch(/^(region|admin)$/);
    expect(answered.respondedBy.username).toMatch(/^county-/);
    // Analysts see the same people; a county user its own county's notices, and no user outside its county.
    const asAnalyst = await server.ok('{ supervisionNotices(limit: 50, filter: { respondedOn: { isNull: false } }) { items { issuedBy { username } respondedBy { username } } } }', {}, { token: await server.token('analyst') });
    expect(asAnalyst.supervisionNotices.items.find((n: any) => n.respondedBy)?.issuedBy?.username).toMatch(/^(region|admin)$/);
    const own = await server.ok('{ supervisionNotices(limit: 50) { items { county { code } issuedBy { username } } } }', {}, { token: jiangzi });
    for (const n of own.supervisionNotices.items) expect(n).toEqual({ county: { code: '540222' }, issuedBy: null });
  });

  it('a directive rolls up its root targets: weighted progress, status and the worst warning, as of a date', async () => {
    const directiveId = await f.directive('汇总测试');
    const a = await f.target({ directiveId, title: 'A', weight: 3, startDate: '2025-01-01', deadline: '2025-04-11' });
    const b = await f.target({ directiveId, title: 'B', weight: 1, startDate: '2025-01-01', deadline: '2025-04-11' });
    await f.report(a.id, '2025-02-01', { percentComplete: 40 });
    await f.report(b.id, '2025-02-01', { percentComplete: 100 });
    const q = 'query($id: ID!, $d: LocalDate) { directive(id: $id) { progress(asOf: $d) status(asOf: $d) warning(asOf: $d) } }';
    // (3·0.4 + 1·1) / 4 = 0.55; on 2025-03-02 t = 0.6: A is 0.2 behind → YELLOW
    expect((await server.ok(q, { id: directiveId, d: '2025-03-02' }, { token: regional })).directive).toEqual({ progress: 0.55, status: 'IN_PROGRESS', warning: 'YELLOW' });
    expect((await server.ok(q, { id: directiveId, d: '2025-01-15' }, { token: regional })).directive).toEqual({ progress: 0, status: 'NOT_STARTED', warning: 'GREEN' });
    expect((await server.ok(q, { id: directiveId, d: '2025-05-01' }, { token: regional })).directive).toEqual({ progress: 0.55, status: 'OVERDUE', warning: 'RED' });
  });

  it('targetStats groups by directive, cadre, issuer level and month, with names in the same answer', async () => {
    const data = await server.ok(
      `{ byDirective: targetStats(groupBy: [DIRECTIVE], asOf: "2026-11-20") { directiveId directiveTitle count }
         byIssuer: targetStats(groupBy: [ISSUER_LEVEL], asOf: "2026-11-20") { issuerLevel count }
         byCadre: targetStats(groupBy: [CADRE], filter: { responsibleCadreId: { isNull: false } }, asOf: "2026-11-20") { cadreId cadreName count }
         all: targetStats(asOf: "2026-11-20") { count }
         trend: targetStats(groupBy: [MONTH], from: "2026-01", to: "2026-06") { month asOf count completed meanProgress }
         jan: targetStats(asOf: "2026-01-31") { completed meanProgress } }`,
      {},
      { token: regional },
    );
    const total = data.all[0].count;
    expect(data.byDirective.reduce((s: number, r: any) => s + r.count, 0)).toBe(total);
    expect(data.byDirective.every((r: any) => r.directiveId == null || typeof r.directiveTitle === 'string')).toBe(true);
    expect(data.byIssuer.reduce((s: number, r: any) => s + r.count, 0)).toBe(total);
    expect(data.byCadre.length).toBeGreaterThan(1);
    expect(data.byCadre.every((r: any) => r.cadreName)).toBe(true);
    expect(data.trend.map((r: any) => r.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(data.trend[0]).toMatchObject({ asOf: '2026-01-31', completed: data.jan[0].completed, meanProgress: data.jan[0].meanProgress });
    const tooLong = await server.gql('{ targetStats(groupBy: [MONTH], from: "2020-01", to: "2026-01") { count } }', {}, { token: regional });
    expect(tooLong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });

  it('a dashboard key gets county and department names in aggregates, and still no records or people', async () => {
    const key = (await server.ok('mutation { createApiKey(input: { name: "大屏" }) { key } }', {}, { token: admin })).createApiKey.key;
    const data = await server.ok('{ targetStats(groupBy: [COUNTY, DEPARTMENT], asOf: "2026-11-20") { countyId countyName departmentId departmentName county { id } } }', {}, { token: key });
    const row = data.targetStats.find((r: any) => r.countyId && r.departmentId);
    expect(row.countyName).toMatch(/[县区]$/);
    expect(row.departmentName).toBeTruthy();
    expect(row.county).toBeNull();
    const people = await server.ok('{ targetStats(groupBy: [CADRE], asOf: "2026-11-20") { cadreId cadreName } }', {}, { token: key });
    expect(people.targetStats.every((r: any) => r.cadreId === null && r.cadreName === null)).toBe(true);
    expect(codes(await server.gql('{ counties { total } }', {}, { token: key }))).toEqual(['FORBIDDEN']);
  });
});

describe('counties and regions by code', () => {
  it('looks a county and a region up by code, and scopes the lookup', async () => {
    const jz = await server.ok('{ county(code: "540222") { id name } region(code: "540200") { name } }', {}, { token: regional });
    expect(jz).toEqual({ county: { id: county['540222'], name: '江孜县' }, region: { name: '日喀则市' } });
    const jiangzi = await server.token('county-540222');
    expect((await server.ok('{ county(code: "540223") { id } }', {}, { token: jiangzi })).county).toBeNull();
    expect(codes(await server.gql('{ county { id } }', {}, { token: regional }))).toEqual(['BAD_USER_INPUT']);
  });

  it('takes a county code wherever a county id goes: filters, inputs, decompositions', async () => {
    const byCode = await server.ok('{ targets(filter: { responsibleCountyCode: { eq: "540222" } }, limit: 0) { total } departments(filter: { countyCode: { in: ["540222"] } }, limit: 0) { total } }', {}, { token: regional });
    const byId = await server.ok('query($c: ID!) { targets(filter: { responsibleCountyId: { eq: $c } }, limit: 0) { total } departments(filter: { countyId: { eq: $c } }, limit: 0) { total } }', { c: county['540222'] }, { token: regional });
    expect(byCode).toEqual(byId);
    const dept = await server.ok('mutation { createDepartment(input: { countyCode: "540223", name: "定日县测试局", kind: GOVERNMENT }) { countyId } }', {}, { token: regional });
    expect(dept.createDepartment.countyId).toBe(county['540223']);
    const directiveId = await f.directive('按代码分解');
    const parent = await f.target({ directiveId, title: '按代码', kind: 'QUANTITATIVE', baseline: 0, targetValue: 30 });
    const split = await server.ok(
      'mutation($id: ID!) { decomposeTarget(id: $id, input: { children: [{ responsibleCountyCode: "540222", targetValue: 10 }, { responsibleCountyCode: "540223", targetValue: 20 }] }) { allocationGap children { items { responsibleCounty { code } } } } }',
      { id: parent.id },
      { token: regional },
    );
    expect(split.decomposeTarget.allocationGap).toBe(0);
    expect(split.decomposeTarget.children.items.map((c: any) => c.responsibleCounty.code).sort()).toEqual(['540222', '540223']);
    const unknown = await server.gql('mutation { createDepartment(input: { countyCode: "999999", name: "无", kind: OTHER }) { id } }', {}, { token: regional });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'countyCode' });
    // A county user cannot reach another county through its code either.
    const jiangzi = await server.token('county-540222');
    const other = await server.gql('mutation { createFieldResearch(input: { countyCode: "540223", visitedOn: "2026-05-01", topic: "越权", participants: "x", findings: "x" }) { id } }', {}, { token: jiangzi });
    expect(other.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'countyCode' });
  });
});

describe('the audit trail', () => {
  it('analysts read the region’s trail, with phone numbers withheld', async () => {
    const cadre = (await server.ok('{ cadres(limit: 1) { items { id version } } }', {}, { token: regional })).cadres.items[0];
    await server.ok('mutation($id: ID!, $v: Int!) { updateCadre(id: $id, input: { version: $v, phone: "13800000001" }) { id } }', { id: cadre.id, v: cadre.version }, { token: regional });
    const analyst = await server.token('analyst');
    const trail = await server.ok('query($id: ID!) { auditEvents(filter: { entityType: { eq: "Cadre" }, entityId: { eq: $id } }) { total items { changes } } }', { id: cadre.id }, { token: analyst });
    expect(trail.auditEvents.total).toBeGreaterThan(0);
    expect(JSON.stringify(trail.auditEvents.items)).not.toContain('13800000001');
    expect(trail.auditEvents.items.some((e: any) => e.changes?.phone?.after === '[redacted]')).toBe(true);
    const asRegion = await server.ok('query($id: ID!) { auditEvents(filter: { entityType: { eq: "Cadre" }, entityId: { eq: $id } }) { items { changes } } }', { id: cadre.id }, { token: regional });
    expect(JSON.stringify(asRegion.auditEvents.items)).toContain('13800000001');
  });

  it('a row moved between counties: each county sees it leave or arrive, never the other county’s reference', async () => {
    const dept = await server.ok('mutation($c: ID!) { createDepartment(input: { countyId: $c, name: "搬迁测试办", kind: OTHER }) { id version } }', { c: county['540221'] }, { token: regional });
    await server.ok('mutation($id: ID!, $v: Int!, $c: ID!) { updateDepartment(id: $id, input: { version: $v, countyId: $c }) { id } }', { id: dept.createDepartment.id, v: dept.createDepartment.version, c: county['540222'] }, { token: regional });
    const trail = async (who: string) =>
      (await server.ok('query($id: ID!) { auditEvents(filter: { entityType: { eq: "Department" }, entityId: { eq: $id }, action: { eq: UPDATE } }) { items { countyId changes } } }', { id: dept.createDepartment.id }, { token: await server.token(who) }))
        .auditEvents.items;
    const namling = await trail('county-540221');
    const gyantse = await trail('county-540222');
    expect(namling).toEqual([{ countyId: county['540221'], changes: { countyId: { before: Number(county['540221']), after: null, withheld: 'after' } } }]);
    expect(gyantse).toEqual([{ countyId: county['540222'], changes: { countyId: { before: null, after: Number(county['540222']), withheld: 'before' } } }]);
    expect(await trail('region')).toHaveLength(2);
  });
});

describe('carriers of targets stay in their county', () => {
  it('a department or cadre that carries targets cannot move to another county; without targets it can', async () => {
    const carrier = (await server.ok('{ targets(filter: { countyCode: { eq: "540222" }, responsibleDepartmentId: { isNull: false }, responsibleCadreId: { isNull: false } }, limit: 1) { items { responsibleDepartment { id version } responsibleCadre { id version } } } }', {}, { token: regional })).targets.items[0];
    const dept = carrier.responsibleDepartment;
    const moved = await server.gql('mutation($id: ID!, $v: Int!) { updateDepartment(id: $id, input: { version: $v, countyCode: "540221" }) { id } }', { id: dept.id, v: dept.version }, { token: regional });
    expect(moved.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'countyId' });
    const elsewhere = (await server.ok('{ departments(filter: { countyCode: { eq: "540221" } }, limit: 1) { items { id } } }', {}, { token: regional })).departments.items[0];
    const cadre = carrier.responsibleCadre;
    const cadreMoved = await server.gql('mutation($id: ID!, $v: Int!, $d: ID!) { updateCadre(id: $id, input: { version: $v, departmentId: $d }) { id } }', { id: cadre.id, v: cadre.version, d: elsewhere.id }, { token: regional });
    expect(cadreMoved.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'departmentId' });
    const free = (await server.ok('mutation { createDepartment(input: { countyCode: "540222", name: "无目标科室", kind: OTHER }) { id version } }', {}, { token: regional })).createDepartment;
    expect((await server.ok('mutation($id: ID!, $v: Int!) { updateDepartment(id: $id, input: { version: $v, countyCode: "540221" }) { county { code } } }', { id: free.id, v: free.version }, { token: regional })).updateDepartment.county.code).toBe('540221');
  });

  it('a county records votes for its cadres; correcting or deleting recorded votes is the prefecture’s', async () => {
    const jiangzi = await server.token('county-540222');
    const cadre = (await server.ok('{ cadres(filter: { countyCode: { eq: "540222" } }, limit: 1, orderBy: [{ field: ID, direction: DESC }]) { items { id } } }', {}, { token: jiangzi })).cadres.items[0];
    const votes = await server.ok('mutation($c: ID!) { createDemocraticEvaluation(input: { cadreId: $c, period: "2025", excellent: 10, competent: 5, basicallyCompetent: 1, incompetent: 0 }) { id version } }', { c: cadre.id }, { token: jiangzi });
    const id = votes.createDemocraticEvaluation.id;
    expect(codes(await server.gql('mutation($id: ID!) { updateDemocraticEvaluation(id: $id, input: { version: 1, excellent: 16 }) { id } }', { id }, { token: jiangzi }))).toEqual(['FORBIDDEN']);
    expect(codes(await server.gql('mutation($id: ID!) { deleteDemocraticEvaluation(id: $id) }', { id }, { token: jiangzi }))).toEqual(['FORBIDDEN']);
    expect((await server.ok('mutation($id: ID!) { updateDemocraticEvaluation(id: $id, input: { version: 1, excellent: 16 }) { excellent } }', { id }, { token: regional })).updateDemocraticEvaluation.excellent).toBe(16);
  });

  it('a report covers a period that has begun by its date', async () => {
    const directiveId = await f.directive('期间校验');
    const t = await f.target({ directiveId, title: '期间', startDate: '2025-01-01', deadline: '2025-12-31' });
    const r = await server.gql('mutation($t: ID!) { submitProgressReport(input: { targetId: $t, reportedOn: "2025-03-01", period: "2025-06", percentComplete: 5, narrative: "x" }) { id } }', { t: t.id }, { token: regional });
    expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    await server.ok('mutation($t: ID!) { submitProgressReport(input: { targetId: $t, reportedOn: "2025-04-03", period: "2025-03", percentComplete: 5, narrative: "x" }) { id } }', { t: t.id }, { token: regional });
  });
});

describe('restore rights and county links', () => {
  it('a county cannot restore what the prefecture deleted, nor relink an assigned target to another directive', async () => {
    const directiveId = await f.directive('恢复权限');
    const other = await f.directive('另一部署');
    const parent = await f.target({ directiveId, title: '地区目标' });
    const child = (await server.ok('mutation($p: ID!, $c: ID!) { createTarget(input: { parentId: $p, title: "江孜分解", responsibleCountyId: $c }) { id version } }', { p: parent.id, c: county['540222'] }, { token: regional })).createTarget;
    const jiangzi = await server.token('county-540222');
    const relink = await server.gql('mutation($id: ID!, $v: Int!, $d: ID!) { updateTarget(id: $id, input: { version: $v, directiveId: $d }) { id } }', { id: child.id, v: child.version, d: other }, { token: jiangzi });
    expect(codes(relink)).toEqual(['FORBIDDEN']);
    await server.ok('mutation($id: ID!) { deleteTarget(id: $id) }', { id: child.id }, { token: regional });
    const restore = await server.gql('mutation($id: ID!) { restoreTarget(id: $id) { id } }', { id: child.id }, { token: jiangzi });
    expect(codes(restore)).toEqual(['FORBIDDEN']);
    expect((await server.ok('mutation($id: ID!) { restoreTarget(id: $id) { id } }', { id: child.id }, { token: regional })).restoreTarget.id).toBe(child.id);
  });

  it('a county links its opinions and visits only to its own targets, and links never block the prefecture', async () => {
    const directiveId = await f.directive('关联规则');
    const regionTarget = await f.target({ directiveId, title: '地区级目标' });
    const jiangzi = await server.token('county-540222');
    const feedback = await server.gql('mutation($t: ID!) { createPublicFeedback(input: { receivedOn: "2026-05-01", channel: LETTER, content: "建议", targetId: $t }) { id } }', { t: regionTarget.id }, { token: jiangzi });
    expect(feedback.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targetId' });
    const visit = await server.gql('mutation($t: ID!) { createFieldResearch(input: { visitedOn: "2026-05-01", topic: "走访", participants: "x", findings: "x", targetIds: [$t] }) { id } }', { t: regionTarget.id }, { token: jiangzi });
    expect(visit.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targetIds.0' });
    // The prefecture links its own opinion; deleting the target is not blocked by it.
    const linked = await server.ok('mutation($t: ID!, $c: ID!) { createPublicFeedback(input: { countyId: $c, receivedOn: "2026-05-01", channel: LETTER, content: "建议", targetId: $t }) { id } }', { t: regionTarget.id, c: county['540222'] }, { token: regional });
    expect((await server.ok('mutation($id: ID!) { deleteTarget(id: $id) }', { id: regionTarget.id }, { token: regional })).deleteTarget).toBe(true);
    const after = await server.ok('query($id: ID!) { publicFeedback(id: $id) { target { id } } }', { id: linked.createPublicFeedback.id }, { token: regional });
    expect(after.publicFeedback.target).toBeNull();
  });
});

describe('messages', () => {
  it('GraphQL’s own validation messages come in the caller’s language, Chinese by default', async () => {
    const zh = await server.gql('{ counties { items { nmae } } }', {}, { token: regional });
    expect(zh.errors![0].message).toContain('类型 County 上没有字段 "nmae"');
    const en = await server.gql('{ counties { items { nmae } } }', {}, { token: regional, lang: 'en' });
    expect(en.errors![0].message).toContain('Cannot query field "nmae" on type "County"');
    const badEnum = await server.gql('{ targets(filter: { warning: { eq: PURPLE } }) { total } }', {}, { token: regional });
    expect(badEnum.errors![0].message).toMatch(/枚举|WarningLevel/);
    expect(badEnum.errors![0].message).not.toMatch(/^Value|^Enum/);
    const badScalar = await server.gql('query($n: Int) { counties(limit: $n) { total } }', { n: 'many' }, { token: regional });
    expect(badScalar.errors![0].message).toContain('变量 $n');
    const syntax = await server.gql('{ counties { ', {}, { token: regional });
    expect(syntax.errors![0].message).toMatch(/^语法错误：应为名称/);
    const badDate = await server.gql('{ targets(asOf: "2026-13-45") { total } }', {}, { token: regional });
    expect(badDate.errors![0].message).toContain('LocalDate 应为 YYYY-MM-DD');
    const badId = await server.gql('{ targets(filter: { id: { eq: 1.5 } }) { total } }', {}, { token: regional });
    expect(badId.errors![0].message).toContain('ID 只能是字符串或整数');
  });

  it('a busy port is said in words, with how to choose another', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const attempt = createApp({ ...server.config, port, seed: 'none' });
      await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
      await expect(attempt).rejects.toThrow(new RegExp(`端口 ${port} 已被占用.*PORT=`, 's'));
    } finally {
      blocker.close();
    }
  });
});

describe('the cost of heavy analytics', () => {
  it('a request holds only a few consistency analyses: each computes a year of month-end figures', async () => {
    const key = (await server.ok('mutation { createApiKey(input: { name: "一致性大屏" }) { key } }', {}, { token: admin })).createApiKey.key;
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `c${i}: consistency(from: "2026-01", to: "2026-06") { counties { verdict } }`).join(' ')} }`;
    expect(codes(await server.gql(aliases(4), {}, { token: key }))).toEqual(['QUERY_TOO_COMPLEX']);
    expect((await server.gql(aliases(1), {}, { token: key })).errors).toBeUndefined();
  });
});

describe('usernames as they are stored', () => {
  it('a new user named with spaces or full-width letters is created under the normalized name, and a county by code', async () => {
    const created = await server.ok('mutation { createUser(input: { username: " ＮｅｗＡｎａｌｙｓｔ ", password: "long-enough-1", role: COUNTY, countyCode: "540223" }) { username county { code } } }', {}, { token: admin });
    expect(created.createUser).toEqual({ username: 'newanalyst', county: { code: '540223' } });
    const again = await server.gql('mutation { createUser(input: { username: "NewAnalyst", password: "long-enough-1", role: ANALYST, regionId: "1" }) { id } }', {}, { token: admin });
    expect(again.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'username' });
  });
});

describe('a removal decides the tier on its own', () => {
  it('a cadre removed in the period with no target due and no votes is DO_NOT_USE by the REMOVAL rule', async () => {
    const cadre = (await server.ok('mutation { createCadre(input: { departmentId: "1", name: "测试免职", gender: MALE, ethnicity: "汉族", position: "科员", rank: "一级科员" }) { id } }', {}, { token: regional })).createCadre;
    await server.ok('mutation($c: ID!) { createAccountability(input: { cadreId: $c, decidedOn: "2025-08-01", measure: REMOVAL, reason: "失职", decidingBody: "地委" }) { id } }', { c: cadre.id }, { token: regional });
    const a = await server.ok('mutation($c: ID!) { computeAssessment(cadreId: $c, period: "2025-Q3") { computedTier explanation { rule } } }', { c: cadre.id }, { token: regional });
    expect(a.computeAssessment).toEqual({ computedTier: 'DO_NOT_USE', explanation: { rule: 'REMOVAL' } });
  });
});

describe('sorting by warning', () => {
  it('goes by severity: DESC lists the red targets first, then the yellow, then the green', async () => {
    const data = await server.ok('{ targets(orderBy: [{ field: WARNING, direction: DESC }], limit: 500, asOf: "2026-11-20") { items { warning(asOf: "2026-11-20") } } }', {}, { token: regional });
    const rank = { RED: 2, YELLOW: 1, GREEN: 0 } as Record<string, number>;
    const ranks = data.targets.items.map((t: any) => rank[t.warning]);
    expect(new Set(ranks).size).toBe(3);
    expect(ranks).toEqual([...ranks].sort((a: number, b: number) => b - a));
  });
});
