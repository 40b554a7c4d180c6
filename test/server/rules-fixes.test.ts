import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startServer, type TestServer } from '../helpers/server.js';
import { targetFixtures } from '../helpers/targets.js';

/**
 * Rules a new user tripped on: bulletins of running periods, county ranks, unreviewed
 * figures, decompositions that drop progress, and mistakes the API let through.
 */
let server: TestServer;
let regional: string;
let admin: string;
let f: ReturnType<typeof targetFixtures>;
let directiveId: string;
const county: Record<string, string> = {};

const today = new Intl.DateTimeFormat('en-CA', { timeZone: process.env.LUOSHI_TIME_ZONE || 'Asia/Shanghai' }).format(new Date());
const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const month = (date: string) => date.slice(0, 7);
const previousMonth = (date: string) => month(addDays(`${month(date)}-01`, -1));

beforeAll(async () => {
  server = await startServer();
  regional = await server.token('region');
  admin = await server.token('admin');
  f = targetFixtures(server, regional);
  directiveId = await f.directive('规则修正测试');
  const data = await server.ok('{ counties(limit: 50) { items { id code } } }', {}, { token: regional });
  for (const c of data.counties.items) county[c.code] = c.id;
});
afterAll(() => server?.close());

describe('bulletins', () => {
  it('publishes only a period that has ended, saying from when', async () => {
    const running = month(today);
    const future = await server.gql('mutation { publishBulletin(period: "2099-05") { id } }', {}, { token: regional });
    expect(future.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    expect(future.errors![0].message).toContain('2099-06-01');
    const current = await server.gql('mutation($p: String!) { publishBulletin(period: $p) { id } }', { p: running }, { token: regional });
    expect(codes(current)).toEqual(['BAD_USER_INPUT']);
    const year = await server.gql('mutation($p: String!) { publishBulletin(period: $p) { id } }', { p: today.slice(0, 4) }, { token: regional });
    expect(codes(year)).toEqual(['BAD_USER_INPUT']);
  });

  it('withdraws a published bulletin with a reason, keeps its snapshot, and publishes the period again', async () => {
    const period = previousMonth(today);
    const first = (await server.ok('mutation($p: String!) { publishBulletin(period: $p) { id period live } }', { p: period }, { token: regional })).publishBulletin;
    const county = await server.token('county-540222');
    const noReason = await server.gql('mutation($p: String!) { withdrawBulletin(period: $p, reason: "  ") { id } }', { p: period }, { token: regional });
    expect(noReason.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const tooLong = await server.gql('mutation($p: String!, $r: String!) { withdrawBulletin(period: $p, reason: $r) { id } }', { p: period, r: '😀'.repeat(16_384) }, { token: regional });
    expect(tooLong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(codes(await server.gql('mutation($p: String!) { withdrawBulletin(period: $p, reason: "数据有误") { id } }', { p: period }, { token: county }))).toEqual(['FORBIDDEN']);
    const withdrawn = await server.ok('mutation($p: String!) { withdrawBulletin(period: $p, reason: "排名数据有误，撤回重发") { id withdrawnAt withdrawalReason } }', { p: period }, { token: regional });
    expect(withdrawn.withdrawBulletin).toMatchObject({ id: first.id, withdrawalReason: '排名数据有误，撤回重发' });
    expect(withdrawn.withdrawBulletin.withdrawnAt).toBeTruthy();
    // No standing bulletin now: the county sees none, the region the live one.
    expect((await server.ok('query($p: String!) { bulletin(period: $p) { id } }', { p: period }, { token: county })).bulletin).toBeNull();
    expect((await server.ok('query($p: String!) { bulletin(period: $p) { id live } }', { p: period }, { token: regional })).bulletin).toEqual({ id: null, live: true });
    const again = (await server.ok('mutation($p: String!) { publishBulletin(period: $p) { id } }', { p: period }, { token: regional })).publishBulletin;
    expect(again.id).not.toBe(first.id);
    const all = await server.ok('{ bulletins(includeWithdrawn: true) { id period withdrawalReason } }', {}, { token: regional });
    expect(all.bulletins.filter((b: any) => b.period === period).map((b: any) => [b.id, b.withdrawalReason])).toEqual(
      expect.arrayContaining([
        [first.id, '排名数据有误，撤回重发'],
        [again.id, null],
      ]),
    );
    expect((await server.ok('{ bulletins { id } }', {}, { token: regional })).bulletins.map((b: any) => b.id)).not.toContain(first.id);
    const trail = await server.ok('query($id: ID!) { auditEvents(filter: { entityType: { eq: "Bulletin" }, entityId: { eq: $id } }) { items { action changes } } }', { id: first.id }, { token: admin });
    expect(trail.auditEvents.items.map((e: any) => e.action)).toEqual(expect.arrayContaining(['PUBLISH', 'UPDATE']));
    expect(trail.auditEvents.items.find((e: any) => e.action === 'UPDATE').changes.withdrawalReason.after).toBe('排名数据有误，撤回重发');
  });

  it('two racing publications of one period: one wins, the other gets a coded error, never a 500', async () => {
    const period = addDays(`${month(today)}-01`, -70).slice(0, 7);
    const results = await Promise.all(Array.from({ length: 4 }, () => server.gql('mutation($p: String!) { publishBulletin(period: $p) { id } }', { p: period }, { token: regional })));
    expect(results.filter((r) => r.data?.publishBulletin).length).toBe(1);
    for (const r of results.filter((r) => r.errors)) expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(r.errors![0].extensions.code);
  });
});

describe('scoreboard seen by a county', () => {
  it('gives a county its true rank among all counties, the number ranked and the region’s mean, and no other county’s row', async () => {
    const region = (await server.ok('{ scoreboard(period: "2026-Q3", level: COUNTY) { unitsRanked regionMeanScheduleScore entries { rank unitName scheduleScore } } }', {}, { token: regional })).scoreboard;
    const ngamring = region.entries.find((e: any) => e.unitName === '昂仁县');
    const own = (await server.ok('{ scoreboard(period: "2026-Q3", level: COUNTY) { unitsRanked regionMeanScheduleScore entries { rank unitName scheduleScore } } }', {}, { token: await server.token('county-540226') })).scoreboard;
    expect(region.entries).toHaveLength(18);
    expect(region.unitsRanked).toBe(18);
    expect(own).toEqual({ unitsRanked: 18, regionMeanScheduleScore: region.regionMeanScheduleScore, entries: [ngamring] });
    expect(ngamring.rank).toBeGreaterThan(1);
  });
});

describe('official figures count reviewed reports', () => {
  it('a SUBMITTED report shows in reportedProgress, not in progress, status or warning, until it is approved', async () => {
    const t = await f.target({ directiveId, title: '审核口径', kind: 'QUANTITATIVE', baseline: 0, targetValue: 10, responsibleCountyId: county['540222'], startDate: '2025-01-01', deadline: '2025-04-11' });
    const jiangzi = await server.token('county-540222');
    const report = await f.report(t.id, '2025-03-01', { actualValue: 10 }, jiangzi, { approve: false });
    const q = 'query($id: ID!) { target(id: $id) { progress(asOf: "2025-03-02") reportedProgress(asOf: "2025-03-02") status(asOf: "2025-03-02") warning(asOf: "2025-03-02") latestReport(asOf: "2025-03-02") { id } } }';
    expect((await server.ok(q, { id: t.id }, { token: jiangzi })).target).toEqual({ progress: 0, reportedProgress: 1, status: 'NOT_STARTED', warning: 'RED', latestReport: null });
    const stats = async () =>
      (await server.ok('query($id: ID!) { targetStats(filter: { id: { eq: $id } }, groupBy: [STATUS], asOf: "2025-03-02") { status count } }', { id: t.id }, { token: regional })).targetStats;
    expect(await stats()).toEqual([{ status: 'NOT_STARTED', count: 1 }]);
    await server.ok('mutation($id: ID!, $v: Int!) { reviewProgressReport(id: $id, input: { version: $v, decision: APPROVED }) { status } }', { id: report.id, v: report.version }, { token: regional });
    expect((await server.ok(q, { id: t.id }, { token: jiangzi })).target).toEqual({ progress: 1, reportedProgress: 1, status: 'COMPLETED', warning: 'GREEN', latestReport: { id: report.id } });
    expect(await stats()).toEqual([{ status: 'COMPLETED', count: 1 }]);
  });

  it('a policy may count unreviewed reports for organizations that do not review', async () => {
    const t = await f.target({ directiveId, title: '不审核口径', responsibleCountyId: county['540222'] });
    await f.report(t.id, '2025-02-01', { percentComplete: 50 }, await server.token('county-540222'), { approve: false });
    const progress = async () => (await server.ok('query($id: ID!) { target(id: $id) { progress(asOf: "2025-02-02") } }', { id: t.id }, { token: regional })).target.progress;
    expect(await progress()).toBe(0);
    await server.ok('mutation { updateAssessmentPolicy(input: { countSubmittedReports: true, note: "本地区不设审核" }) { countSubmittedReports } }', {}, { token: admin });
    expect(await progress()).toBe(0.5);
    await server.ok('mutation { updateAssessmentPolicy(input: { countSubmittedReports: false, note: "恢复审核" }) { countSubmittedReports } }', {}, { token: admin });
    expect(await progress()).toBe(0);
  });

  it('lists reports waiting for review longer than the policy’s days for the reviewers', async () => {
    const before = await server.ok('{ overdueReviews(limit: 500) { total items { status waitingDays } } assessmentPolicy { reviewOverdueDays } }', {}, { token: regional });
    expect(before.assessmentPolicy.reviewOverdueDays).toBe(7);
    expect(before.overdueReviews.total).toBeGreaterThan(0);
    // The demo data has reports submitted in November that nobody reviewed yet.
    for (const r of before.overdueReviews.items) {
      expect(r.status).toBe('SUBMITTED');
      expect(r.waitingDays).toBeGreaterThan(7);
    }
    const t = await f.target({ directiveId, title: '刚报送', responsibleCountyId: county['540222'] });
    await f.report(t.id, '2025-02-01', { percentComplete: 10 }, await server.token('county-540222'), { approve: false });
    const fresh = await server.ok('{ overdueReviews(limit: 500) { total } }', {}, { token: regional });
    expect(fresh.overdueReviews.total).toBe(before.overdueReviews.total); // just submitted: not overdue
    await server.ok('mutation { updateAssessmentPolicy(input: { reviewOverdueDays: 1 }) { reviewOverdueDays } }', {}, { token: admin });
    const stricter = await server.ok('{ overdueReviews(limit: 0) { total } }', {}, { token: regional });
    expect(stricter.overdueReviews.total).toBeGreaterThanOrEqual(before.overdueReviews.total);
    await server.ok('mutation { updateAssessmentPolicy(input: { reviewOverdueDays: 7 }) { reviewOverdueDays } }', {}, { token: admin });
  });
});

describe('decomposing a target that has reports', () => {
  it('is refused with a message naming the reports unless the caller says to proceed; the reports stay', async () => {
    const t = await f.target({ directiveId, title: '已有报告', kind: 'QUANTITATIVE', baseline: 0, targetValue: 10 });
    const report = await f.report(t.id, '2025-02-01', { actualValue: 4 });
    const refused = await server.gql('mutation($id: ID!, $c: ID!) { decomposeTarget(id: $id, input: { children: [{ responsibleCountyId: $c, targetValue: 10 }] }) { id } }', { id: t.id, c: county['540222'] }, { token: regional });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'proceedWithReports' });
    expect(refused.errors![0].message).toContain(`#${report.id}`);
    const child = await server.gql('mutation($p: ID!) { createTarget(input: { parentId: $p, title: "子目标", targetValue: 5 }) { id } }', { p: t.id }, { token: regional });
    expect(child.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'proceedWithReports' });
    expect((await server.ok('query($id: ID!) { target(id: $id) { progress(asOf: "2025-02-02") isLeaf } }', { id: t.id }, { token: regional })).target).toEqual({ progress: 0.4, isLeaf: true });
    const done = await server.ok(
      'mutation($id: ID!, $c: ID!) { decomposeTarget(id: $id, input: { proceedWithReports: true, children: [{ responsibleCountyId: $c, targetValue: 10 }] }) { isLeaf progressReports { total } } }',
      { id: t.id, c: county['540222'] },
      { token: regional },
    );
    expect(done.decomposeTarget).toEqual({ isLeaf: false, progressReports: { total: 1 } });
  });
});

describe('mistakes refused with the field named', () => {
  it('a report dated before the target’s start or in the future', async () => {
    const t = await f.target({ directiveId, title: '日期校验', startDate: '2025-02-01', deadline: '2025-06-30' });
    const early = await server.gql('mutation($t: ID!) { submitProgressReport(input: { targetId: $t, reportedOn: "2025-01-31", percentComplete: 5, narrative: "x" }) { id } }', { t: t.id }, { token: regional });
    expect(early.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reportedOn' });
    const late = await server.gql('mutation($t: ID!, $d: LocalDate!) { submitProgressReport(input: { targetId: $t, reportedOn: $d, percentComplete: 5, narrative: "x" }) { id } }', { t: t.id, d: addDays(today, 1) }, { token: regional });
    expect(late.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reportedOn' });
  });

  it('a child whose deadline is after its parent’s, or whose start is before it; a parent moved inside its children', async () => {
    const parent = await f.target({ directiveId, title: '时间框', startDate: '2025-02-01', deadline: '2025-06-30' });
    const late = await server.gql('mutation($p: ID!) { createTarget(input: { parentId: $p, title: "晚", deadline: "2025-07-01" }) { id } }', { p: parent.id }, { token: regional });
    expect(late.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deadline' });
    const early = await server.gql('mutation($p: ID!) { createTarget(input: { parentId: $p, title: "早", startDate: "2025-01-31" }) { id } }', { p: parent.id }, { token: regional });
    expect(early.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startDate' });
    const split = await server.gql('mutation($id: ID!, $c: ID!) { decomposeTarget(id: $id, input: { children: [{ responsibleCountyId: $c, deadline: "2025-08-01" }] }) { id } }', { id: parent.id, c: county['540222'] }, { token: regional });
    expect(split.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'children.0.deadline' });
    await server.ok('mutation($p: ID!) { createTarget(input: { parentId: $p, title: "准时", deadline: "2025-06-30" }) { id } }', { p: parent.id }, { token: regional });
    const shrink = await server.gql('mutation($id: ID!, $v: Int!) { updateTarget(id: $id, input: { version: $v, deadline: "2025-05-31" }) { id } }', { id: parent.id, v: parent.version }, { token: regional });
    expect(shrink.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deadline' });
  });

  it('a responsible department or cadre outside the target’s county', async () => {
    const units = await server.ok(
      'query($c: ID!) { prefecture: departments(filter: { countyId: { isNull: true } }, limit: 1) { items { id cadres(limit: 1) { items { id } } } } other: departments(filter: { countyId: { eq: $c } }, limit: 1) { items { id cadres(limit: 1) { items { id } } } } }',
      { c: county['540221'] },
      { token: regional },
    );
    const parent = await f.target({ directiveId, title: '责任校验' });
    const tingri = county['540223'];
    const prefectureDept = await server.gql('mutation($p: ID!, $c: ID!, $d: ID!) { createTarget(input: { parentId: $p, title: "定日", responsibleCountyId: $c, responsibleDepartmentId: $d }) { id } }', { p: parent.id, c: tingri, d: units.prefecture.items[0].id }, { token: regional });
    expect(prefectureDept.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'responsibleDepartmentId' });
    const otherCadre = await server.gql('mutation($p: ID!, $c: ID!, $k: ID!) { createTarget(input: { parentId: $p, title: "定日", responsibleCountyId: $c, responsibleCadreId: $k }) { id } }', { p: parent.id, c: tingri, k: units.other.items[0].cadres.items[0].id }, { token: regional });
    expect(otherCadre.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'responsibleCadreId' });
    const prefectureCadre = await server.gql('mutation($p: ID!, $c: ID!, $k: ID!) { createTarget(input: { parentId: $p, title: "定日", responsibleCountyId: $c, responsibleCadreId: $k }) { id } }', { p: parent.id, c: tingri, k: units.prefecture.items[0].cadres.items[0].id }, { token: regional });
    expect(prefectureCadre.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'responsibleCadreId' });
    // A prefecture unit still carries a prefecture target.
    await server.ok('mutation($p: ID!, $d: ID!) { createTarget(input: { parentId: $p, title: "地直", responsibleDepartmentId: $d }) { id } }', { p: parent.id, d: units.prefecture.items[0].id }, { token: regional });
  });

  it('a notice on a GREEN target or one that skips rungs needs a reason, which is recorded; a notice can be corrected until answered', async () => {
    const green = await f.target({ directiveId, title: '绿灯目标', responsibleCountyId: county['540222'], startDate: addDays(today, -10), deadline: addDays(today, 300) });
    const refused = await server.gql('mutation($t: ID!) { issueSupervisionNotice(input: { targetId: $t, content: "请加快" }) { id } }', { t: green.id }, { token: regional });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'issueReason' });
    const withReason = await server.ok('mutation($t: ID!) { issueSupervisionNotice(input: { targetId: $t, content: "请加快", issueReason: "群众反映强烈，提前督办" }) { id version level issueReason } }', { t: green.id }, { token: regional });
    expect(withReason.issueSupervisionNotice).toMatchObject({ level: 'REMINDER', issueReason: '群众反映强烈，提前督办' });

    const lagging = await f.target({ directiveId, title: '黄灯目标', responsibleCountyId: county['540222'], startDate: addDays(today, -60), deadline: addDays(today, 140) });
    await f.report(lagging.id, addDays(today, -1), { percentComplete: 10 });
    const skip = await server.gql('mutation($t: ID!) { issueSupervisionNotice(input: { targetId: $t, level: RED, content: "红色督办" }) { id } }', { t: lagging.id }, { token: regional });
    expect(skip.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'issueReason' });
    const notice = (await server.ok('mutation($t: ID!) { issueSupervisionNotice(input: { targetId: $t, content: "请说明" }) { id version level } }', { t: lagging.id }, { token: regional })).issueSupervisionNotice;
    expect(notice.level).toBe('REMINDER');
    const corrected = await server.ok('mutation($id: ID!, $v: Int!) { updateSupervisionNotice(id: $id, input: { version: $v, content: "请于一周内说明原因" }) { version content } }', { id: notice.id, v: notice.version }, { token: regional });
    expect(corrected.updateSupervisionNotice).toEqual({ version: notice.version + 1, content: '请于一周内说明原因' });
    const stale = await server.gql('mutation($id: ID!, $v: Int!) { updateSupervisionNotice(id: $id, input: { version: $v, content: "旧" }) { version } }', { id: notice.id, v: notice.version }, { token: regional });
    expect(codes(stale)).toEqual(['CONFLICT']);
    const jiangzi = await server.token('county-540222');
    await server.ok('mutation($id: ID!, $v: Int!) { respondToSupervisionNotice(id: $id, input: { version: $v, response: "已部署" }) { id } }', { id: notice.id, v: notice.version + 1 }, { token: jiangzi });
    const afterAnswer = await server.gql('mutation($id: ID!, $v: Int!) { updateSupervisionNotice(id: $id, input: { version: $v, content: "改" }) { version } }', { id: notice.id, v: notice.version + 2 }, { token: regional });
    expect(afterAnswer.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('a top-level target without its dates: every missing field at once', async () => {
    const r = await server.gql('mutation { createTarget(input: { title: "缺项", category: PARTY_BUILDING, kind: QUANTITATIVE }) { id } }', {}, { token: regional });
    expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startDate', fields: ['startDate', 'deadline', 'targetValue'] });
    const schema = await server.ok('{ __type(name: "CreateTargetInput") { description inputFields { name description } } }', {}, { token: regional });
    expect(schema.__type.description).toMatch(/root needs/);
  });

  it('a county user’s new record without a county is its own county’s', async () => {
    const jiangzi = await server.token('county-540222');
    const target = await server.ok('mutation { createTarget(input: { title: "本县自定目标", category: PARTY_BUILDING, kind: QUALITATIVE, startDate: "2026-01-01", deadline: "2026-12-31" }) { countyId responsibleCounty { code } } }', {}, { token: jiangzi });
    expect(target.createTarget).toEqual({ countyId: county['540222'], responsibleCounty: { code: '540222' } });
    const dept = await server.ok('mutation { createDepartment(input: { name: "江孜县测试办公室", kind: OTHER }) { county { code } } }', {}, { token: jiangzi });
    expect(dept.createDepartment.county.code).toBe('540222');
    const visit = await server.ok('mutation { createFieldResearch(input: { visitedOn: "2026-05-01", topic: "走访", participants: "县委组织部", findings: "需要补训" }) { county { code } } }', {}, { token: jiangzi });
    expect(visit.createFieldResearch.county.code).toBe('540222');
  });
});
