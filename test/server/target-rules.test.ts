import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { targetFixtures } from '../helpers/targets.js';

/**
 * The rules of docs/rules.md with figures computed by hand. Fixtures live in 2025, apart from the demo
 * data (2026): start 2025-01-01, deadline 2025-04-11 — 100 days — so on 2025-03-02 the
 * elapsed share t is exactly 0.60, and on 2025-03-29 it is 0.87 with 13 days left.
 */
let server: TestServer;
let f: ReturnType<typeof targetFixtures>;
let directiveId: string;

beforeAll(async () => {
  server = await startServer();
  f = targetFixtures(server, await server.token('region'));
  directiveId = await f.directive('规则测试');
});
afterAll(() => server?.close());

describe('progress of a leaf', () => {
  it('quantitative: (actual − baseline) / (target − baseline) from the latest report', async () => {
    const t = await f.target({ directiveId, title: '培训人数', kind: 'QUANTITATIVE', unit: '人', baseline: 20, targetValue: 120 });
    await f.report(t.id, '2025-02-01', { actualValue: 45 });
    await f.report(t.id, '2025-03-01', { actualValue: 70 });
    expect((await f.metrics(t.id, '2025-01-15')).progress).toBe(0);
    expect((await f.metrics(t.id, '2025-02-15')).progress).toBe(0.25);
    expect((await f.metrics(t.id, '2025-03-15')).progress).toBe(0.5);
  });

  it('decreasing: from 50 down to 10, clamped to 0..1', async () => {
    const t = await f.target({ directiveId, title: '空缺率', kind: 'QUANTITATIVE', unit: '%', baseline: 50, targetValue: 10 });
    await f.report(t.id, '2025-02-01', { actualValue: 60 });
    await f.report(t.id, '2025-02-10', { actualValue: 40 });
    await f.report(t.id, '2025-02-20', { actualValue: 5 });
    expect((await f.metrics(t.id, '2025-02-05')).progress).toBe(0); // (60−50)/(10−50) = −0.25 → 0
    expect((await f.metrics(t.id, '2025-02-15')).progress).toBe(0.25); // (40−50)/(10−50)
    expect((await f.metrics(t.id, '2025-02-25')).progress).toBe(1); // 1.125 → 1
  });

  it('qualitative: percentComplete / 100', async () => {
    const t = await f.target({ directiveId, title: '制度建设' });
    await f.report(t.id, '2025-02-01', { percentComplete: 35 });
    expect((await f.metrics(t.id, '2025-02-02')).progress).toBe(0.35);
  });

  it('ignores a rejected report and falls back to the one before', async () => {
    const t = await f.target({ directiveId, title: '退回测试', kind: 'QUANTITATIVE', baseline: 0, targetValue: 10 });
    await f.report(t.id, '2025-02-01', { actualValue: 4 });
    const late = await f.report(t.id, '2025-03-01', { actualValue: 10 }, undefined, { approve: false });
    expect((await f.metrics(t.id, '2025-03-15')).progress).toBe(0.4); // not reviewed yet: does not count
    const admin = await server.token('admin');
    await server.ok('mutation($id: ID!, $v: Int!) { reviewProgressReport(id: $id, input: { version: $v, decision: REJECTED, note: "数据不实" }) { status } }', { id: late.id, v: late.version }, { token: admin });
    expect((await f.metrics(t.id, '2025-03-15')).progress).toBe(0.4);
  });
});

describe('roll-up', () => {
  it('is the weight-weighted mean of the children, recursively, as of any date', async () => {
    const parent = await f.target({ directiveId, title: '总目标' });
    const a = await f.target({ parentId: parent.id, title: 'A', weight: 3 });
    const a1 = await f.target({ parentId: a.id, title: 'A1' });
    const a2 = await f.target({ parentId: a.id, title: 'A2' });
    const b = await f.target({ parentId: parent.id, title: 'B', weight: 1, kind: 'QUANTITATIVE', baseline: 0, targetValue: 10 });
    await f.report(a1.id, '2025-02-10', { percentComplete: 20 });
    await f.report(a2.id, '2025-02-10', { percentComplete: 60 });
    await f.report(b.id, '2025-02-01', { actualValue: 4 });
    await f.report(b.id, '2025-03-01', { actualValue: 10 });
    // A = (0.2 + 0.6) / 2 = 0.4; on 2025-02-15 B = 0.4 → parent = (3·0.4 + 1·0.4) / 4 = 0.4
    expect((await f.metrics(parent.id, '2025-02-15')).progress).toBe(0.4);
    // on 2025-03-15 B = 1 → parent = (3·0.4 + 1·1) / 4 = 0.55
    expect((await f.metrics(parent.id, '2025-03-15')).progress).toBe(0.55);
    expect((await f.metrics(a.id, '2025-03-15')).progress).toBe(0.4);
    // a leaf with no report counts as 0: on 2025-02-05 only B's first report exists
    expect((await f.metrics(parent.id, '2025-02-05')).progress).toBe(0.1);
  });

  it('refuses reports on a target that has sub-targets', async () => {
    const parent = await f.target({ directiveId, title: '有子目标' });
    await f.target({ parentId: parent.id, title: '子目标' });
    const result = await server.gql(
      'mutation($id: ID!) { submitProgressReport(input: { targetId: $id, reportedOn: "2025-02-01", percentComplete: 10, narrative: "x" }) { id } }',
      { id: parent.id },
      { token: await server.token('region') },
    );
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targetId' });
  });
});

describe('status', () => {
  it('NOT_STARTED without a report, IN_PROGRESS with one, OVERDUE past the deadline below 1', async () => {
    const t = await f.target({ directiveId, title: '状态' });
    expect((await f.metrics(t.id, '2025-02-01')).status).toBe('NOT_STARTED');
    await f.report(t.id, '2025-02-10', { percentComplete: 50 });
    expect((await f.metrics(t.id, '2025-02-15')).status).toBe('IN_PROGRESS');
    expect((await f.metrics(t.id, '2025-04-11')).status).toBe('IN_PROGRESS'); // the deadline day itself
    expect((await f.metrics(t.id, '2025-04-12')).status).toBe('OVERDUE');
  });

  it('COMPLETED when progress reaches 1 by the deadline, COMPLETED_LATE after it', async () => {
    const onTime = await f.target({ directiveId, title: '按期' });
    await f.report(onTime.id, '2025-04-11', { percentComplete: 100 });
    expect(await f.metrics(onTime.id, '2025-05-01')).toMatchObject({ status: 'COMPLETED', completedOn: '2025-04-11', progress: 1, warning: 'GREEN' });

    const late = await f.target({ directiveId, title: '逾期完成' });
    await f.report(late.id, '2025-03-01', { percentComplete: 50 });
    await f.report(late.id, '2025-04-20', { percentComplete: 100 });
    expect((await f.metrics(late.id, '2025-04-15')).status).toBe('OVERDUE');
    expect(await f.metrics(late.id, '2025-05-01')).toMatchObject({ status: 'COMPLETED_LATE', completedOn: '2025-04-20' });
  });

  it('dates a completion from the latest run at 1: reaching 1, falling back and reaching it again late is late', async () => {
    const t = await f.target({ directiveId, title: '反复' });
    await f.report(t.id, '2025-04-01', { percentComplete: 100 });
    await f.report(t.id, '2025-04-05', { percentComplete: 50 });
    await f.report(t.id, '2025-04-20', { percentComplete: 100 });
    expect(await f.metrics(t.id, '2025-04-02')).toMatchObject({ status: 'COMPLETED', completedOn: '2025-04-01' });
    expect(await f.metrics(t.id, '2025-04-10')).toMatchObject({ status: 'IN_PROGRESS', completedOn: null });
    expect(await f.metrics(t.id, '2025-05-01')).toMatchObject({ status: 'COMPLETED_LATE', completedOn: '2025-04-20' });
  });

  it('a parent is complete when its last leaf is, and late if that was after the deadline', async () => {
    const parent = await f.target({ directiveId, title: '父目标完成' });
    const x = await f.target({ parentId: parent.id, title: 'X' });
    const y = await f.target({ parentId: parent.id, title: 'Y' });
    await f.report(x.id, '2025-03-01', { percentComplete: 100 });
    await f.report(y.id, '2025-04-15', { percentComplete: 100 });
    expect(await f.metrics(parent.id, '2025-04-12')).toMatchObject({ status: 'OVERDUE', progress: 0.5 });
    expect(await f.metrics(parent.id, '2025-05-01')).toMatchObject({ status: 'COMPLETED_LATE', completedOn: '2025-04-15' });
  });
});

describe('warning (t = 0.60 on 2025-03-02)', () => {
  const cases: [string, string, number, string][] = [
    ['RED at t − p = 0.30', '2025-03-02', 30, 'RED'],
    ['YELLOW just below 0.30', '2025-03-02', 31, 'YELLOW'],
    ['YELLOW at t − p = 0.15', '2025-03-02', 45, 'YELLOW'],
    ['GREEN just below 0.15', '2025-03-02', 46, 'GREEN'],
    ['YELLOW with 13 days left and p = 0.79 < 0.8', '2025-03-29', 79, 'YELLOW'],
    ['GREEN with 13 days left and p = 0.80', '2025-03-29', 80, 'GREEN'],
    ['GREEN with 14 days left and p = 0.79', '2025-03-28', 79, 'GREEN'],
    ['RED when overdue, even at p = 0.99', '2025-04-12', 99, 'RED'],
  ];
  it.each(cases)('%s', async (_name, asOf, percent, warning) => {
    const t = await f.target({ directiveId, title: `预警 ${asOf} ${percent}` });
    await f.report(t.id, '2025-02-15', { percentComplete: percent });
    expect((await f.metrics(t.id, asOf)).warning).toBe(warning);
  });

  it('reports the elapsed share', async () => {
    const t = await f.target({ directiveId, title: '时间进度' });
    expect((await f.metrics(t.id, '2025-03-02')).elapsed).toBe(0.6);
    expect((await f.metrics(t.id, '2024-12-01')).elapsed).toBe(0);
    expect((await f.metrics(t.id, '2025-06-01')).elapsed).toBe(1);
  });

  it('takes its thresholds from the current policy', async () => {
    const t = await f.target({ directiveId, title: '政策阈值' });
    await f.report(t.id, '2025-02-15', { percentComplete: 40 }); // gap 0.20: YELLOW under the default policy
    expect((await f.metrics(t.id, '2025-03-02')).warning).toBe('YELLOW');
    const admin = await server.token('admin');
    await server.ok('mutation { updateAssessmentPolicy(input: { redGap: 0.2, note: "收紧" }) { id redGap yellowGap } }', {}, { token: admin });
    expect((await f.metrics(t.id, '2025-03-02')).warning).toBe('RED');
    const history = await server.ok('{ assessmentPolicies { redGap note } assessmentPolicy { redGap yellowGap } }', {}, { token: admin });
    expect(history.assessmentPolicy).toEqual({ redGap: 0.2, yellowGap: 0.15 });
    await server.ok('mutation { updateAssessmentPolicy(input: { redGap: 0.3, note: "恢复" }) { id } }', {}, { token: admin });
    expect((await f.metrics(t.id, '2025-03-02')).warning).toBe('YELLOW');
  });

  it('filters and counts by warning and status as of a date', async () => {
    const data = await server.ok(
      `query($d: ID!) {
         red: targets(asOf: "2025-03-02", filter: { directiveId: { eq: $d }, title: { startsWith: "预警 2025-03-02" }, warning: { eq: RED } }) { total items { title } }
         stats: targetStats(asOf: "2025-03-02", filter: { directiveId: { eq: $d }, title: { startsWith: "预警 2025-03-02" } }, groupBy: [WARNING]) { warning count } }`,
      { d: directiveId },
      { token: await server.token('region') },
    );
    expect(data.red).toEqual({ total: 1, items: [{ title: '预警 2025-03-02 30' }] });
    expect(data.stats).toEqual([
      { warning: 'GREEN', count: 1 },
      { warning: 'RED', count: 1 },
      { warning: 'YELLOW', count: 2 },
    ]);
  });
});
