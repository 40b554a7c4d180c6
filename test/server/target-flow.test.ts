import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startServer, type TestServer } from '../helpers/server.js';
import { targetFixtures } from '../helpers/targets.js';

/**
 * The supervision loop through the API: a regional user takes a directive, fans a target out
 * to the counties, county staff report, warnings and notices follow, a bulletin is published.
 * Fixtures live in 2025 (start 2025-01-01, deadline 2025-04-11), apart from the 2026 demo data.
 */
let server: TestServer;
let regional: string;
let admin: string;
let jiangziUser: string;
let f: ReturnType<typeof targetFixtures>;
let directiveId: string;
const county: Record<string, string> = {};
let root: { id: string; version: number };
const child: Record<string, string> = {};

beforeAll(async () => {
  server = await startServer();
  regional = await server.token('region');
  admin = await server.token('admin');
  jiangziUser = await server.token('county-540222');
  f = targetFixtures(server, regional);
  const data = await server.ok('{ counties(limit: 500, orderBy: [{ field: CODE }]) { items { id code } } }', {}, { token: regional });
  for (const c of data.counties.items) county[c.code] = c.id;
  directiveId = await f.directive('关于开展2025年一季度干部培训的通知');
  root = await f.target({ directiveId, title: '一季度干部培训', kind: 'QUANTITATIVE', unit: '人', baseline: 0, targetValue: 100 });
});
afterAll(() => server?.close());

const DECOMPOSE = 'mutation($id: ID!, $input: DecomposeTargetInput!) { decomposeTarget(id: $id, input: $input) { id allocationGap children(limit: 50) { total items { id title targetValue responsibleCounty { code } countyId } } } }';

describe('decomposition', () => {
  it('is all or nothing: one bad child and no child is created, no event written', async () => {
    const before = (await server.ok('{ auditEvents(limit: 0) { total } }', {}, { token: admin })).auditEvents.total;
    const result = await server.gql(
      DECOMPOSE,
      { id: root.id, input: { children: [{ responsibleCountyId: county['540202'], targetValue: 30 }, { responsibleCountyId: '999999', targetValue: 30 }] } },
      { token: regional },
    );
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'children.1.responsibleCountyId' });
    const quantitativeWithoutValue = await server.gql(DECOMPOSE, { id: root.id, input: { children: [{ responsibleCountyId: county['540202'] }] } }, { token: regional });
    expect(quantitativeWithoutValue.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'children.0.targetValue' });
    const duplicate = await server.gql(
      DECOMPOSE,
      { id: root.id, input: { children: [{ responsibleCountyId: county['540202'], targetValue: 1 }, { responsibleCountyId: county['540202'], targetValue: 1 }] } },
      { token: regional },
    );
    expect(codes(duplicate)).toEqual(['BAD_USER_INPUT']);
    const after = (await server.ok('{ auditEvents(limit: 0) { total } }', {}, { token: admin })).auditEvents.total;
    expect(after).toBe(before);
    const children = await server.ok('query($id: ID!) { target(id: $id) { isLeaf children { total } } }', { id: root.id }, { token: regional });
    expect(children.target).toEqual({ isLeaf: true, children: { total: 0 } });
  });

  it('fans a target out to counties with their allocations and reports the allocation gap', async () => {
    const data = await server.ok(
      DECOMPOSE,
      {
        id: root.id,
        input: {
          children: [
            { responsibleCountyId: county['540202'], targetValue: 30 },
            { responsibleCountyId: county['540221'], targetValue: 30 },
            { responsibleCountyId: county['540222'], targetValue: 30, weight: 2 },
          ],
        },
      },
      { token: regional },
    );
    const result = data.decomposeTarget;
    expect(result.allocationGap).toBe(10);
    expect(result.children.total).toBe(3);
    expect(result.children.items.map((c: any) => c.title)).toEqual(['一季度干部培训（桑珠孜区）', '一季度干部培训（南木林县）', '一季度干部培训（江孜县）']);
    for (const c of result.children.items) {
      child[c.responsibleCounty.code] = c.id;
      expect(c.countyId).toBe(county[c.responsibleCounty.code]);
    }
    const events = await server.ok('{ auditEvents(filter: { entityType: { eq: "Target" }, action: { eq: CREATE } }) { total } }', {}, { token: admin });
    expect(events.auditEvents.total).toBeGreaterThanOrEqual(4);
  });

  it('fans out to all 18 counties in one action', async () => {
    const wide = await f.target({ directiveId, title: '全地区推开', kind: 'QUANTITATIVE', baseline: 0, targetValue: 180 });
    const children = Object.values(county).map((id) => ({ responsibleCountyId: id, targetValue: 10 }));
    const data = await server.ok(DECOMPOSE, { id: wide.id, input: { children } }, { token: regional });
    expect(data.decomposeTarget.children.total).toBe(18);
    expect(data.decomposeTarget.allocationGap).toBe(0);
  });

  it('reports no allocation gap for a rate, whose children’s values do not add up', async () => {
    const rate = await f.target({ directiveId, title: '空缺率', kind: 'QUANTITATIVE', unit: '%', baseline: 8, targetValue: 2, additive: false, startDate: '2025-06-01', deadline: '2025-12-31' });
    const data = await server.ok(DECOMPOSE, { id: rate.id, input: { children: [{ responsibleCountyId: county['540202'], targetValue: 2, baseline: 6 }, { responsibleCountyId: county['540221'], targetValue: 3, baseline: 9 }] } }, { token: regional });
    expect(data.decomposeTarget.allocationGap).toBeNull();
  });

  it('refuses a stale version with CONFLICT', async () => {
    const t = await f.target({ directiveId, title: '版本' });
    await server.ok('mutation($id: ID!) { updateTarget(id: $id, input: { version: 1, title: "版本2" }) { version } }', { id: t.id }, { token: regional });
    const stale = await server.gql('mutation($id: ID!) { updateTarget(id: $id, input: { version: 1, title: "版本3" }) { version } }', { id: t.id }, { token: regional });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
  });
});

describe('a county user (江孜县)', () => {
  it('sees its own target and, read-only, its ancestor; not the other counties’ targets', async () => {
    const data = await server.ok(
      `query($root: ID!, $own: ID!, $other: ID!) {
         root: target(id: $root) { title children { total items { id } } }
         own: target(id: $own) { title parent { id } }
         other: target(id: $other) { id }
         all: targets(filter: { directiveId: { isNull: false } }, limit: 500) { total items { id countyId } } }`,
      { root: root.id, own: child['540222'], other: child['540202'] },
      { token: jiangziUser },
    );
    expect(data.root.title).toBe('一季度干部培训');
    expect(data.root.children).toEqual({ total: 1, items: [{ id: child['540222'] }] });
    expect(data.own.parent).toEqual({ id: root.id });
    expect(data.other).toBeNull();
    expect(data.all.items.every((t: any) => t.countyId === county['540222'] || t.countyId === null)).toBe(true);
  });

  it('cannot change the ancestor, nor report on another county’s target', async () => {
    const update = await server.gql('mutation($id: ID!) { updateTarget(id: $id, input: { version: 1, title: "改" }) { id } }', { id: root.id }, { token: jiangziUser });
    expect(codes(update)).toEqual(['FORBIDDEN']);
    const decompose = await server.gql(DECOMPOSE, { id: root.id, input: { children: [{ responsibleCountyId: county['540222'], targetValue: 1 }] } }, { token: jiangziUser });
    expect(codes(decompose)).toEqual(['FORBIDDEN']);
    const report = await server.gql(
      'mutation($id: ID!) { submitProgressReport(input: { targetId: $id, reportedOn: "2025-02-01", actualValue: 5, narrative: "越权" }) { id } }',
      { id: child['540202'] },
      { token: jiangziUser },
    );
    expect(report.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targetId' });
  });

  it('reports on its own target, which only the prefecture may review', async () => {
    const report = await f.report(child['540222'], '2025-02-15', { actualValue: 12 }, jiangziUser, { approve: false });
    const own = await server.gql('mutation($id: ID!) { reviewProgressReport(id: $id, input: { version: 1, decision: APPROVED }) { status } }', { id: report.id }, { token: jiangziUser });
    expect(codes(own)).toEqual(['FORBIDDEN']);
    const reviewed = await server.ok(
      'mutation($id: ID!) { reviewProgressReport(id: $id, input: { version: 1, decision: APPROVED, note: "属实" }) { status reviewNote reviewer { username } reporter { username } } }',
      { id: report.id },
      { token: regional },
    );
    expect(reviewed.reviewProgressReport).toEqual({ status: 'APPROVED', reviewNote: '属实', reviewer: { username: 'region' }, reporter: { username: 'county-540222' } });
    const again = await server.gql('mutation($id: ID!) { reviewProgressReport(id: $id, input: { version: 2, decision: REJECTED }) { status } }', { id: report.id }, { token: regional });
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    const withdraw = await server.gql('mutation($id: ID!) { deleteProgressReport(id: $id) }', { id: report.id }, { token: jiangziUser });
    expect(codes(withdraw)).toEqual(['BAD_USER_INPUT']); // a reviewed report stays
    const mine = await server.ok('{ progressReports(limit: 500) { items { countyId } } }', {}, { token: jiangziUser });
    expect(mine.progressReports.items.every((r: any) => r.countyId === county['540222'])).toBe(true);
  });

  it('decomposes its own target onward to its departments and cadres', async () => {
    const data = await server.ok('query($c: ID!) { departments(filter: { countyId: { eq: $c } }, limit: 1) { items { id cadres(limit: 1) { items { id } } } } }', { c: county['540222'] }, { token: jiangziUser });
    const dept = data.departments.items[0];
    const sub = await server.gql(
      'mutation($p: ID!, $d: ID!, $k: ID!) { createTarget(input: { parentId: $p, title: "组织部培训", responsibleDepartmentId: $d, responsibleCadreId: $k, targetValue: 30, proceedWithReports: true }) { countyId responsibleDepartment { id } responsibleCadre { id } } }',
      { p: child['540222'], d: dept.id, k: dept.cadres.items[0].id },
      { token: jiangziUser },
    );
    expect(sub.errors).toBeUndefined();
    expect(sub.data.createTarget).toEqual({ countyId: county['540222'], responsibleDepartment: { id: dept.id }, responsibleCadre: { id: dept.cadres.items[0].id } });
  });
});

describe('analysts and dashboards', () => {
  it('an analyst reads targets but cannot create them', async () => {
    const analyst = await server.token('analyst');
    const [asAnalyst, asRegional] = await Promise.all([
      server.ok('{ targets(limit: 0) { total } }', {}, { token: analyst }),
      server.ok('{ targets(limit: 0) { total } }', {}, { token: regional }),
    ]);
    expect(asAnalyst.targets.total).toBe(asRegional.targets.total);
    const create = await server.gql('mutation { createTarget(input: { title: "x", category: OTHER, kind: QUALITATIVE, startDate: "2025-01-01", deadline: "2025-02-01" }) { id } }', {}, { token: analyst });
    expect(codes(create)).toEqual(['FORBIDDEN']);
  });

  it('an API key reaches the analytics queries and nothing else, until revoked', async () => {
    const created = await server.ok('mutation { createApiKey(input: { name: "大屏" }) { key apiKey { id name keyPrefix revokedAt } } }', {}, { token: admin });
    const { key, apiKey } = created.createApiKey;
    expect(key.startsWith(apiKey.keyPrefix)).toBe(true);
    const board = await server.gql('{ scoreboard(period: "2025-03") { entries { unitName } } }', {}, { token: key });
    expect(board.errors).toBeUndefined();
    expect(board.data.scoreboard.entries).toHaveLength(18);
    expect(codes(await server.gql('{ targets { total } }', {}, { token: key }))).toEqual(['FORBIDDEN']);
    expect(codes(await server.gql('{ me { id } }', {}, { token: key }))).toEqual(['FORBIDDEN']);
    expect(codes(await server.gql('mutation { publishBulletin(period: "2025-01") { id } }', {}, { token: key }))).toEqual(['FORBIDDEN']);
    expect(codes(await server.gql('{ __schema { types { name } } }', {}, { token: key }))).toEqual(['FORBIDDEN']);
    const keys = await server.ok('{ apiKeys { items { name } } }', {}, { token: admin });
    expect(JSON.stringify(keys)).not.toContain(key);
    expect(codes(await server.gql('{ apiKeys { total } }', {}, { token: regional }))).toEqual(['FORBIDDEN']);
    await server.ok('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: apiKey.id }, { token: admin });
    expect(codes(await server.gql('{ scoreboard(period: "2025-03") { period } }', {}, { token: key }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('inspections, notices and bulletins', () => {
  it('lists a rectification left open past its deadline as overdue; the county closes it', async () => {
    const inspection = await server.ok(
      'mutation($t: ID!) { createInspection(input: { targetId: $t, inspectedOn: "2025-02-20", kind: SPECIAL, inspectors: "督查组", findings: "台账不全", rating: 72, rectificationRequired: true, rectificationDeadline: "2025-03-10" }) { id version countyId rectificationStatus rectificationOverdue(asOf: "2025-03-11") } }',
      { t: child['540222'] },
      { token: regional },
    );
    expect(inspection.createInspection).toMatchObject({ countyId: county['540222'], rectificationStatus: 'OPEN', rectificationOverdue: true });
    const overdue = await server.ok('{ inspections(filter: { rectificationOverdue: { eq: true } }) { items { id } } }', {}, { token: jiangziUser });
    expect(overdue.inspections.items.map((i: any) => i.id)).toContain(inspection.createInspection.id);
    const createByCounty = await server.gql('mutation($t: ID!) { createInspection(input: { targetId: $t, inspectedOn: "2025-02-20", kind: ROUTINE, inspectors: "自查", findings: "x", rating: 99 }) { id } }', { t: child['540222'] }, { token: jiangziUser });
    expect(codes(createByCounty)).toEqual(['FORBIDDEN']);
    const closed = await server.ok(
      'mutation($id: ID!, $v: Int!) { completeRectification(id: $id, input: { version: $v, closedOn: "2025-03-20", note: "已补齐台账" }) { rectificationStatus closedOn rectificationOverdue(asOf: "2025-03-21") } }',
      { id: inspection.createInspection.id, v: inspection.createInspection.version },
      { token: jiangziUser },
    );
    expect(closed.completeRectification).toEqual({ rectificationStatus: 'DONE', closedOn: '2025-03-20', rectificationOverdue: false });
  });

  it('suggests the next rung of the ladder for a lagging target, and waits while a notice is open', async () => {
    const target = child['540221']; // no report: t = 0.6, p = 0 on 2025-03-02 → RED
    const suggest = (asOf: string) =>
      server.ok('query($d: LocalDate, $c: ID) { suggestedNotices(asOf: $d, countyId: $c) { level warning target { id } lastNotice { id } } }', { d: asOf, c: county['540221'] }, { token: regional });
    const first = (await suggest('2025-03-02')).suggestedNotices.find((s: any) => s.target.id === target);
    expect(first).toMatchObject({ level: 'URGE', warning: 'RED', lastNotice: null });

    const issued = await server.ok('mutation($t: ID!) { issueSupervisionNotice(input: { targetId: $t, issuedOn: "2025-03-02", content: "请于一周内说明进度滞后原因" }) { id version level dueOn overdue(asOf: "2025-03-10") } }', { t: target }, { token: regional });
    expect(issued.issueSupervisionNotice).toMatchObject({ level: 'URGE', dueOn: '2025-03-09', overdue: true });
    expect((await suggest('2025-03-05')).suggestedNotices.find((s: any) => s.target.id === target)).toBeUndefined();
    expect((await suggest('2025-03-10')).suggestedNotices.find((s: any) => s.target.id === target)).toMatchObject({ level: 'BLUE' });

    const nanmulin = await server.token('county-540221');
    const answered = await server.ok(
      'mutation($id: ID!, $v: Int!) { respondToSupervisionNotice(id: $id, input: { version: $v, response: "已部署补训", respondedOn: "2025-03-08" }) { respondedOn overdue(asOf: "2025-03-10") } }',
      { id: issued.issueSupervisionNotice.id, v: issued.issueSupervisionNotice.version },
      { token: nanmulin },
    );
    expect(answered.respondToSupervisionNotice).toEqual({ respondedOn: '2025-03-08', overdue: false });
    const twice = await server.gql('mutation($id: ID!) { respondToSupervisionNotice(id: $id, input: { version: 2, response: "再答" }) { id } }', { id: issued.issueSupervisionNotice.id }, { token: nanmulin });
    expect(codes(twice)).toEqual(['BAD_USER_INPUT']);
    expect((await suggest('2025-03-10')).suggestedNotices.find((s: any) => s.target.id === target)).toMatchObject({ level: 'BLUE' });
    expect(codes(await server.gql('mutation($t: ID!) { issueSupervisionNotice(input: { targetId: $t, content: "x" }) { id } }', { t: target }, { token: nanmulin }))).toEqual(['FORBIDDEN']);
  });

  it('ranks counties on the scoreboard by how far behind schedule they are', async () => {
    await f.report(child['540202'], '2025-03-01', { actualValue: 18 }); // 0.6 of 30
    const data = await server.ok('{ scoreboard(period: "2025-03") { asOf entries { rank unitName targetsInPlay targetsDue meanProgress scheduleScore red overdueRectifications } } }', {}, { token: regional });
    const board = data.scoreboard;
    expect(board.asOf).toBe('2025-03-31');
    // On 2025-03-31 t = 89/100. Each county has its share of the root and of the 18-county
    // fan-out in play. 桑珠孜区: p = 0.6 and 0 → mean 0.3, shortfall (0.29 + 0.89) / 2 → 0.41;
    // 江孜县 decomposed its target further (above), so its own report no longer counts: its
    // progress is its sub-target's, 0 — like 南木林县: 0 and 0 → 0.11; ties break on id.
    expect(board.entries.slice(0, 3)).toEqual([
      { rank: 1, unitName: '桑珠孜区', targetsInPlay: 2, targetsDue: 0, meanProgress: 0.3, scheduleScore: 0.41, red: 1, overdueRectifications: 0 },
      { rank: 2, unitName: '南木林县', targetsInPlay: 2, targetsDue: 0, meanProgress: 0, scheduleScore: 0.11, red: 2, overdueRectifications: 0 },
      { rank: 3, unitName: '江孜县', targetsInPlay: 2, targetsDue: 0, meanProgress: 0, scheduleScore: 0.11, red: 2, overdueRectifications: 0 },
    ]);
    expect(board.entries.slice(3).every((e: any) => e.targetsInPlay === 1 && e.scheduleScore === 0.11)).toBe(true);
    expect(board.entries).toHaveLength(18);
  });

  it('publishes a bulletin once; the snapshot does not change afterwards', async () => {
    const published = await server.ok('mutation { publishBulletin(period: "2025-03") { id live period content { asOf regionName ranking { rank unitName } redTargets { title countyName } notices { level overdue } } } }', {}, { token: regional });
    const bulletin = published.publishBulletin;
    expect(bulletin).toMatchObject({ live: false, period: '2025-03', content: { asOf: '2025-03-31', regionName: '日喀则市' } });
    expect(bulletin.content.ranking.slice(0, 2)).toEqual([{ rank: 1, unitName: '桑珠孜区' }, { rank: 2, unitName: '南木林县' }]);
    expect(bulletin.content.redTargets.map((t: any) => t.countyName)).toContain('南木林县');
    expect(bulletin.content.notices).toEqual([{ level: 'URGE', overdue: false }]);

    expect(codes(await server.gql('mutation { publishBulletin(period: "2025-03") { id } }', {}, { token: regional }))).toEqual(['BAD_USER_INPUT']);
    await f.report(child['540221'], '2025-03-15', { actualValue: 30 });
    const later = await server.ok('{ bulletin(period: "2025-03") { id live content { ranking { rank unitName } } } }', {}, { token: jiangziUser });
    expect(later.bulletin).toEqual({ id: bulletin.id, live: false, content: { ranking: bulletin.content.ranking } });
    expect((await server.ok('{ bulletin(period: "2025-02") { id } }', {}, { token: jiangziUser })).bulletin).toBeNull();
    const live = await server.ok('{ bulletin(period: "2025-02") { id live } }', {}, { token: regional });
    expect(live.bulletin).toEqual({ id: null, live: true });
    const trail = await server.ok('{ auditEvents(filter: { action: { eq: PUBLISH } }) { items { entityType changes } } }', {}, { token: admin });
    expect(trail.auditEvents.items).toEqual([{ entityType: 'Bulletin', changes: { period: { before: null, after: '2025-03' } } }]);
  });
});

describe('field research and public feedback (摸清下情)', () => {
  it('links a visit and an opinion to the targets they led to', async () => {
    const visit = await server.ok(
      'mutation($c: ID!, $t: ID!) { createFieldResearch(input: { countyId: $c, visitedOn: "2024-12-10", topic: "基层干部培训需求", participants: "地委组织部调研组", findings: "乡镇干部希望增加双语培训", targetIds: [$t] }) { id county { name } targets { id } } }',
      { c: county['540222'], t: child['540222'] },
      { token: regional },
    );
    expect(visit.createFieldResearch.county.name).toBe('江孜县');
    expect(visit.createFieldResearch.targets).toEqual([{ id: child['540222'] }]);
    const feedback = await server.ok(
      'mutation($c: ID!, $t: ID!) { createPublicFeedback(input: { countyId: $c, receivedOn: "2025-01-05", channel: HOTLINE, content: "希望培训送到村里", targetId: $t }) { id version status } }',
      { c: county['540222'], t: child['540222'] },
      { token: jiangziUser },
    );
    expect(feedback.createPublicFeedback.status).toBe('OPEN');
    const answered = await server.gql('mutation($id: ID!) { updatePublicFeedback(id: $id, input: { version: 1, status: ANSWERED }) { status } }', { id: feedback.createPublicFeedback.id }, { token: jiangziUser });
    expect(answered.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'response' });
    const linked = await server.ok('query($id: ID!) { target(id: $id) { fieldResearches { topic } publicFeedbacks { total items { content } } } }', { id: child['540222'] }, { token: jiangziUser });
    expect(linked.target).toEqual({ fieldResearches: [{ topic: '基层干部培训需求' }], publicFeedbacks: { total: 1, items: [{ content: '希望培训送到村里' }] } });
    const other = await server.token('county-540223');
    expect((await server.ok('{ fieldResearches { total } publicFeedbacks(filter: { content: { contains: "培训送到村里" } }) { total } }', {}, { token: other }))).toEqual({ fieldResearches: { total: expect.any(Number) }, publicFeedbacks: { total: 0 } });
  });
});

describe('batching', () => {
  const page = (limit: number) =>
    `{ targets(limit: ${limit}, orderBy: [{ field: ID }]) { items { id progress(asOf: "2026-10-31") status(asOf: "2026-10-31") warning(asOf: "2026-10-31") allocationGap latestReport { id } parent { id } responsibleCounty { name } children(limit: 3) { total } } } }`;

  it('computes progress, status and warning for a page of 500 targets in a fixed number of statements', async () => {
    const small = await server.gql(page(20), {}, { token: regional });
    const large = await server.gql(page(500), {}, { token: regional });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.targets.items.length).toBeGreaterThan(20);
    expect(large.extensions!.sqlStatements).toBe(small.extensions!.sqlStatements);
    expect(large.extensions!.sqlStatements).toBeLessThanOrEqual(12);
  });
});

describe('guards', () => {
  it('a county cannot change the allocation or dates of a target assigned to it, nor delete it', async () => {
    const own = await server.ok('query($id: ID!) { target(id: $id) { version } }', { id: child['540202'] }, { token: regional });
    const sangzhuzi = await server.token('county-540202');
    for (const change of ['targetValue: 1', 'weight: 100', 'deadline: "2027-12-31"']) {
      const result = await server.gql(`mutation($id: ID!, $v: Int!) { updateTarget(id: $id, input: { version: $v, ${change} }) { id } }`, { id: child['540202'], v: own.target.version }, { token: sangzhuzi });
      expect(codes(result), change).toEqual(['FORBIDDEN']);
    }
    const retitled = await server.gql('mutation($id: ID!, $v: Int!) { updateTarget(id: $id, input: { version: $v, qualityStandard: "按期保质完成" }) { qualityStandard } }', { id: child['540202'], v: own.target.version }, { token: sangzhuzi });
    expect(retitled.data?.updateTarget).toEqual({ qualityStandard: '按期保质完成' });
    expect(codes(await server.gql('mutation($id: ID!) { deleteTarget(id: $id) }', { id: child['540202'] }, { token: sangzhuzi }))).toEqual(['FORBIDDEN']);
  });

  it('a target with reports cannot move to another county; a county cannot get a second share', async () => {
    const t = await server.ok('query($id: ID!) { target(id: $id) { version } }', { id: child['540202'] }, { token: regional });
    const move = await server.gql('mutation($id: ID!, $v: Int!, $c: ID!) { updateTarget(id: $id, input: { version: $v, responsibleCountyId: $c }) { id } }', { id: child['540202'], v: t.target.version, c: county['540223'] }, { token: regional });
    expect(move.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'responsibleCountyId' });
    const again = await server.gql(DECOMPOSE, { id: root.id, input: { children: [{ responsibleCountyId: `0${county['540202']}`, targetValue: 5 }] } }, { token: regional });
    expect(again.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'children.0.responsibleCountyId' });
  });

  it('refuses values out of range, dates before the record they answer, and malformed periods', async () => {
    const huge = await server.gql(
      'mutation($id: ID!) { submitProgressReport(input: { targetId: $id, reportedOn: "2025-02-01", actualValue: 1e308, narrative: "x" }) { id } }',
      { id: child['540202'] },
      { token: regional },
    );
    expect(huge.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actualValue' });
    expect(codes(await server.gql('{ scoreboard(period: "0050-02") { period } }', {}, { token: regional }))).toEqual(['BAD_USER_INPUT']);
    const notice = await server.ok('mutation($t: ID!) { issueSupervisionNotice(input: { targetId: $t, issuedOn: "2025-03-20", content: "请说明" }) { id version } }', { t: child['540202'] }, { token: regional });
    const backdated = await server.gql(
      'mutation($id: ID!, $v: Int!) { respondToSupervisionNotice(id: $id, input: { version: $v, response: "已说明", respondedOn: "2025-03-01" }) { id } }',
      { id: notice.issueSupervisionNotice.id, v: notice.issueSupervisionNotice.version },
      { token: await server.token('county-540202') },
    );
    expect(backdated.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'respondedOn' });
  });

  it('a deleted notice leaves the live bulletin; notices of other regions never enter it', async () => {
    const notice = await server.ok('mutation($t: ID!) { issueSupervisionNotice(input: { targetId: $t, issuedOn: "2025-01-10", dueOn: "2025-01-12", content: "逾期未复", issueReason: "提前提醒" }) { id } }', { t: child['540221'] }, { token: regional });
    const listed = async () => (await server.ok('{ bulletin(period: "2025-01") { content { notices { noticeId } } } }', {}, { token: regional })).bulletin.content.notices.map((n: any) => n.noticeId);
    expect(await listed()).toContain(notice.issueSupervisionNotice.id);
    await server.ok('mutation($id: ID!) { deleteSupervisionNotice(id: $id) }', { id: notice.issueSupervisionNotice.id }, { token: regional });
    expect(await listed()).not.toContain(notice.issueSupervisionNotice.id);
  });

  it('latestReport agrees with progress when two reports share a date', async () => {
    const t = await f.target({ directiveId, title: '同日两报', kind: 'QUANTITATIVE', baseline: 0, targetValue: 20 });
    await f.report(t.id, '2025-02-01', { actualValue: 15 });
    await f.report(t.id, '2025-02-01', { actualValue: 4 });
    const data = await server.ok('query($id: ID!) { target(id: $id) { progress(asOf: "2025-02-02") latestReport(asOf: "2025-02-02") { actualValue } } }', { id: t.id }, { token: regional });
    expect(data.target).toEqual({ progress: 0.2, latestReport: { actualValue: 4 } });
  });

  it('changing only a visit’s linked targets is a versioned, audited change', async () => {
    const visit = await server.ok('mutation($c: ID!) { createFieldResearch(input: { countyId: $c, visitedOn: "2025-01-20", topic: "走访", participants: "调研组", findings: "需要补训" }) { id version } }', { c: county['540202'] }, { token: regional });
    const relinked = await server.ok('mutation($id: ID!, $t: ID!) { updateFieldResearch(id: $id, input: { version: 1, targetIds: [$t] }) { version targets { id } } }', { id: visit.createFieldResearch.id, t: child['540202'] }, { token: regional });
    expect(relinked.updateFieldResearch).toEqual({ version: 2, targets: [{ id: child['540202'] }] });
    const stale = await server.gql('mutation($id: ID!) { updateFieldResearch(id: $id, input: { version: 1, targetIds: [] }) { version } }', { id: visit.createFieldResearch.id }, { token: regional });
    expect(codes(stale)).toEqual(['CONFLICT']);
    const trail = await server.ok('query($id: ID!) { auditEvents(filter: { entityType: { eq: "FieldResearch" }, entityId: { eq: $id }, action: { eq: UPDATE } }) { items { changes } } }', { id: visit.createFieldResearch.id }, { token: admin });
    expect(trail.auditEvents.items).toEqual([{ changes: { targetIds: { before: [], after: [Number(child['540202'])] } } }]);
  });

  it('an API key’s statistics carry no records: related counties and departments are null', async () => {
    const key = (await server.ok('mutation { createApiKey(input: { name: "统计屏" }) { key } }', {}, { token: admin })).createApiKey.key;
    const data = await server.gql('{ targetStats(groupBy: [COUNTY]) { countyId count county { name departments { total } } } }', {}, { token: key });
    expect(data.errors).toBeUndefined();
    expect(data.data.targetStats.length).toBeGreaterThan(0);
    expect(data.data.targetStats.every((r: any) => r.county === null)).toBe(true);
  });
});
