import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startServer, type TestServer } from '../helpers/server.js';
import { targetFixtures } from '../helpers/targets.js';

/**
 * Assessments (docs/rules.md "Assessment") with figures computed by hand. Fixtures live in
 * 2025, apart from the demo data (2026): fresh cadres of 江孜县委组织部 with their own
 * targets, inspections, votes and accountability records.
 */
let server: TestServer;
let f: ReturnType<typeof targetFixtures>;
let region: string;
let admin: string;
let directiveId: string;
let countyId: string;
let departmentId: string;

const ASSESSMENT = `id version status total penalty computedTier tierRule tier overrideTier overrideReason policyId
  targetScore timelinessScore inspectionScore democraticScore sentence
  explanation { policyId asOf weightedScore penalty total tier rule threshold votes incompetentVotes
    components { kind present value policyWeight weight contribution }
    targets { targetId title progress status onTime weight }
    inspections { inspectionId rating rectificationOverdue }
    evaluations { evaluationId period excellent incompetent }
    accountabilities { accountabilityId measure penalty }
    up { tier points reachableByScore targets { targetId potentialPoints } }
    down { tier points } }`;

const ok = <T = any>(query: string, variables: Record<string, unknown> = {}, token = region) => server.ok<T>(query, variables, { token });

async function cadre(name: string): Promise<string> {
  const data = await ok('mutation($d: ID!, $n: String!) { createCadre(input: { departmentId: $d, name: $n, gender: FEMALE, ethnicity: "藏族", position: "科员", rank: "一级科员" }) { id } }', { d: departmentId, n: name });
  return data.createCadre.id;
}

async function target(cadreId: string, title: string, deadline: string, weight = 1): Promise<string> {
  return (await f.target({ directiveId, title, deadline, weight, responsibleCountyId: countyId, responsibleDepartmentId: departmentId, responsibleCadreId: cadreId })).id;
}

async function votes(cadreId: string, period: string, v: [number, number, number, number]): Promise<{ id: string; version: number }> {
  const data = await ok(
    'mutation($input: CreateDemocraticEvaluationInput!) { createDemocraticEvaluation(input: $input) { id version } }',
    { input: { cadreId, period, excellent: v[0], competent: v[1], basicallyCompetent: v[2], incompetent: v[3], meetingDate: '2025-12-20' } },
  );
  return data.createDemocraticEvaluation;
}

async function accountability(cadreId: string, measure: string, decidedOn = '2025-10-10', targetId: string | null = null): Promise<string> {
  const data = await ok(
    'mutation($input: CreateAccountabilityInput!) { createAccountability(input: $input) { id } }',
    { input: { cadreId, targetId, measure, decidedOn, reason: '目标任务推进不力', decidingBody: '江孜县纪委监委' } },
  );
  return data.createAccountability.id;
}

async function compute(cadreId: string, period = '2025'): Promise<any> {
  return (await ok(`mutation($c: ID!, $p: String!) { computeAssessment(cadreId: $c, period: $p) { ${ASSESSMENT} } }`, { c: cadreId, p: period })).computeAssessment;
}

beforeAll(async () => {
  server = await startServer();
  region = await server.token('region');
  admin = await server.token('admin');
  f = targetFixtures(server, region);
  directiveId = await f.directive('考核测试');
  countyId = (await ok('{ counties(filter: { code: { eq: "540222" } }) { items { id } } }')).counties.items[0].id;
  departmentId = (await ok('query($c: ID!) { departments(filter: { countyId: { eq: $c }, name: { contains: "组织部" } }) { items { id } } }', { c: countyId })).departments.items[0].id;
});
afterAll(() => server?.close());

describe('democratic evaluations and accountability records', () => {
  it('validates the votes: none negative, at least one, one evaluation per cadre and period', async () => {
    const k = await cadre('测评校验');
    const create = (v: number[], period = '2025') =>
      server.gql('mutation($input: CreateDemocraticEvaluationInput!) { createDemocraticEvaluation(input: $input) { id } }', {
        input: { cadreId: k, period, excellent: v[0], competent: v[1], basicallyCompetent: v[2], incompetent: v[3] },
      }, { token: region });
    expect(codes(await create([-1, 5, 0, 0]))).toEqual(['BAD_USER_INPUT']);
    expect((await create([0, 0, 0, 0])).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'excellent' });
    expect((await create([1, 0, 0, 0], '2025-13')).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    const first = await create([10, 5, 1, 0]);
    expect(first.errors).toBeUndefined();
    expect((await create([3, 0, 0, 0])).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    expect((await create([3, 0, 0, 0], '2025-Q4')).errors).toBeUndefined(); // another period is fine
  });

  it('two evaluations of one cadre and period sent at once: one is recorded, the other refused', async () => {
    const k = await cadre('并发测评');
    const send = () =>
      server.gql('mutation($k: ID!) { createDemocraticEvaluation(input: { cadreId: $k, period: "2025", excellent: 1, competent: 0, basicallyCompetent: 0, incompetent: 0 }) { id } }', { k }, { token: region });
    const results = await Promise.all([send(), send(), send()]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions)).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'period' }),
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'period' }),
    ]);
  });

  it('updates with the version, soft-deletes, restores, and refuses a restore that would make a second evaluation', async () => {
    const k = await cadre('测评更新');
    const e = await votes(k, '2025', [8, 2, 0, 0]);
    const stale = await server.gql('mutation($id: ID!) { updateDemocraticEvaluation(id: $id, input: { version: 99, excellent: 9 }) { id } }', { id: e.id }, { token: region });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    const updated = await ok('mutation($id: ID!, $v: Int!) { updateDemocraticEvaluation(id: $id, input: { version: $v, excellent: 9 }) { version excellent score } }', { id: e.id, v: e.version });
    expect(updated.updateDemocraticEvaluation).toEqual({ version: 2, excellent: 9, score: 96.363636 }); // (900 + 2·80) / 11
    expect((await ok('mutation($id: ID!) { deleteDemocraticEvaluation(id: $id) }', { id: e.id })).deleteDemocraticEvaluation).toBe(true);
    const again = await votes(k, '2025', [1, 1, 0, 0]); // the period is free again
    const restore = await server.gql('mutation($id: ID!) { restoreDemocraticEvaluation(id: $id) { id } }', { id: e.id }, { token: region });
    expect(restore.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    await ok('mutation($id: ID!) { deleteDemocraticEvaluation(id: $id) }', { id: again.id });
    expect((await ok('mutation($id: ID!) { restoreDemocraticEvaluation(id: $id) { id deletedAt } }', { id: e.id })).restoreDemocraticEvaluation.deletedAt).toBeNull();
    const events = await ok('query($id: ID!) { auditEvents(filter: { entityType: { eq: "DemocraticEvaluation" }, entityId: { eq: $id } }, orderBy: [{ field: AT, direction: ASC }]) { items { action } } }', { id: e.id }, admin);
    expect(events.auditEvents.items.map((x: { action: string }) => x.action)).toEqual(['CREATE', 'UPDATE', 'DELETE', 'RESTORE']);
  });

  it('records accountability with an optional target; relation fields list them; a cadre with records is not deleted', async () => {
    const k = await cadre('问责记录');
    const t = await target(k, '问责目标', '2025-06-30');
    await accountability(k, 'CRITICISM', '2025-07-15', t);
    await accountability(k, 'ADMONISHMENT', '2025-03-01');
    await votes(k, '2025', [1, 0, 0, 0]);
    const data = await ok(
      `query($k: ID!, $t: ID!) { cadre(id: $k) { evaluations { total items { period } } accountabilities(orderBy: [{ field: DECIDED_ON, direction: ASC }]) { total items { measure target { id } } } }
        target(id: $t) { accountabilities { total items { measure cadre { id } } } }
        accountabilities(filter: { cadreId: { eq: $k }, measure: { eq: CRITICISM } }) { total } }`,
      { k, t },
    );
    expect(data.cadre.evaluations).toEqual({ total: 1, items: [{ period: '2025' }] });
    expect(data.cadre.accountabilities).toEqual({ total: 2, items: [{ measure: 'ADMONISHMENT', target: null }, { measure: 'CRITICISM', target: { id: t } }] });
    expect(data.target.accountabilities).toEqual({ total: 1, items: [{ measure: 'CRITICISM', cadre: { id: k } }] });
    expect(data.accountabilities.total).toBe(1);
    const del = await server.gql('mutation($k: ID!) { deleteCadre(id: $k) }', { k }, { token: region });
    expect(del.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('batches the relation fields: a page of cadres with their evaluations, records and assessments costs a fixed number of statements', async () => {
    const q = (limit: number) =>
      server.gql(`{ cadres(limit: ${limit}) { items { id evaluations { total } accountabilities { total } assessments { total } } } }`, {}, { token: region });
    const [small, large] = [await q(5), await q(200)];
    expect(small.errors).toBeUndefined();
    expect(large.extensions!.sqlStatements).toBe(small.extensions!.sqlStatements);
  });
});

describe('computing an assessment', () => {
  let a: string;
  let t1: string;
  let t2: string;

  beforeAll(async () => {
    a = await cadre('考核甲');
    t1 = await target(a, '甲·按期完成', '2025-06-30', 3);
    t2 = await target(a, '甲·逾期未完', '2025-09-30', 1);
    await f.report(t1, '2025-06-01', { percentComplete: 100 });
    await f.report(t2, '2025-09-01', { percentComplete: 40 });
    await ok('mutation($t: ID!) { createInspection(input: { targetId: $t, inspectedOn: "2025-05-01", kind: ROUTINE, inspectors: "督查组", findings: "扎实", rating: 90 }) { id } }', { t: t1 });
    await ok('mutation($t: ID!) { createInspection(input: { targetId: $t, inspectedOn: "2025-08-01", kind: SPECIAL, inspectors: "督查组", findings: "滞后", rating: 70, rectificationRequired: true, rectificationDeadline: "2025-09-15" }) { id } }', { t: t2 });
  });

  it('without votes leaves the democratic component out and rescales the other weights', async () => {
    const x = await compute(a);
    // target 100·(3·1 + 1·0.4)/4 = 85; timeliness 100·3/4 = 75; inspection (90 + 70)/2 − 10 = 70
    expect(x).toMatchObject({ status: 'DRAFT', targetScore: 85, timelinessScore: 75, inspectionScore: 70, democraticScore: null, penalty: 0, computedTier: 'USE', tierRule: 'THRESHOLD', policyId: '0' });
    // weights 0.40, 0.20, 0.15 over 0.75: 0.533333, 0.266667, 0.2 → 45.33 + 20 + 14 = 79.33
    expect(x.explanation.components.map((c: any) => [c.kind, c.present, c.weight])).toEqual([
      ['TARGET', true, 0.533333],
      ['TIMELINESS', true, 0.266667],
      ['INSPECTION', true, 0.2],
      ['DEMOCRATIC', false, 0],
    ]);
    expect(x.total).toBeCloseTo(79.333333, 4);
    expect(x.explanation.targets).toEqual([
      { targetId: t1, title: '甲·按期完成', progress: 1, status: 'COMPLETED', onTime: true, weight: 3 },
      { targetId: t2, title: '甲·逾期未完', progress: 0.4, status: 'OVERDUE', onTime: false, weight: 1 },
    ]);
    expect(x.explanation.inspections.map((i: any) => [i.rating, i.rectificationOverdue])).toEqual([[90, false], [70, true]]);
  });

  it('with votes and an admonishment: 0.40·85 + 0.20·75 + 0.15·70 + 0.25·83 − 5 = 75.25 (USE), and the figures add up', async () => {
    await votes(a, '2025', [10, 6, 3, 1]); // (1000 + 480 + 180 + 0) / 20 = 83
    await accountability(a, 'ADMONISHMENT', '2025-10-10', t2);
    const x = await compute(a);
    expect(x).toMatchObject({ targetScore: 85, timelinessScore: 75, inspectionScore: 70, democraticScore: 83, penalty: 5, total: 75.25, computedTier: 'USE', tier: 'USE', tierRule: 'THRESHOLD' });
    const e = x.explanation;
    expect(e.components.map((c: any) => c.contribution)).toEqual([34, 15, 10.5, 20.75]);
    expect(e.weightedScore).toBe(80.25);
    expect(e.components.reduce((s: number, c: any) => s + c.contribution, 0) - e.penalty).toBeCloseTo(x.total, 6);
    expect(e).toMatchObject({ threshold: 75, votes: 20, incompetentVotes: 1, rule: 'THRESHOLD', tier: 'USE' });
    expect(e.accountabilities).toEqual([expect.objectContaining({ measure: 'ADMONISHMENT', penalty: 5 })]);
    // 14.75 points to PROMOTE; the open target could still add 0.40·100·¼·0.6 = 6 (it is past its deadline: no timeliness)
    expect(e.up).toMatchObject({ tier: 'PROMOTE', points: 14.75, reachableByScore: true, targets: [{ targetId: t2, potentialPoints: 6 }] });
    expect(e.down).toMatchObject({ tier: 'CAUTION', points: 0.25 });
    // the earlier draft was replaced by this one
    const drafts = await ok('query($k: ID!) { assessments(filter: { cadreId: { eq: $k } }) { total items { id } } }', { k: a });
    expect(drafts.assessments).toEqual({ total: 1, items: [{ id: x.id }] });
  });

  it('says it in a sentence, in Chinese by default and in English on request', async () => {
    const [x] = (await ok('query($k: ID!) { assessments(filter: { cadreId: { eq: $k } }) { items { id } } }', { k: a })).assessments.items;
    const zh = await server.ok('query($id: ID!) { assessment(id: $id) { sentence } }', { id: x.id }, { token: region });
    const en = (await server.gql('query($id: ID!) { assessment(id: $id) { sentence } }', { id: x.id }, { token: region, lang: 'en' })).data!;
    expect(zh.assessment.sentence).toBe('2025 考核总分 75.25 = 目标完成 85.00 × 0.4 + 按时完成 75.00 × 0.2 + 督查 70.00 × 0.15 + 民主测评 83.00 × 0.25 − 问责扣分 5.00；建议等次：使用（总分不低于 75.00）。');
    expect(en.assessment.sentence).toBe(
      'Assessment 2025: total 75.25 = targets 85.00 × 0.4 + timeliness 75.00 × 0.2 + inspections 70.00 × 0.15 + democratic evaluation 83.00 × 0.25 − accountability penalties 5.00; suggested tier: USE (使用) (total at least 75.00).',
    );
  });

  it('refuses a cadre with nothing to assess, and a bad period', async () => {
    const k = await cadre('无可考核');
    expect((await server.gql('mutation($c: ID!) { computeAssessment(cadreId: $c, period: "2025") { id } }', { c: k }, { token: region })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cadreId' });
    expect((await server.gql('mutation($c: ID!) { computeAssessment(cadreId: $c, period: "2025-Q5") { id } }', { c: k }, { token: region })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    expect(codes(await server.gql('mutation { computeAssessment(cadreId: "999999", period: "2025") { id } }', {}, { token: region }))).toEqual(['NOT_FOUND']);
  });
});

describe('tiers on both sides of each threshold (votes only: the democratic score is the total)', () => {
  const cases: [string, [number, number, number, number], number, string][] = [
    ['90 → PROMOTE', [1, 1, 0, 0], 90, 'PROMOTE'],
    ['89 → USE', [9, 11, 0, 0], 89, 'USE'],
    ['75 → USE', [0, 3, 1, 0], 75, 'USE'],
    ['74 → CAUTION', [0, 7, 3, 0], 74, 'CAUTION'],
    ['60 → CAUTION', [0, 0, 5, 0], 60, 'CAUTION'],
    ['59 → DO_NOT_USE', [0, 0, 59, 1], 59, 'DO_NOT_USE'],
  ];
  it.each(cases)('%s', async (name, v, total, tier) => {
    const k = await cadre(`等次 ${name}`);
    await votes(k, '2025', v);
    const x = await compute(k);
    expect(x).toMatchObject({ total, computedTier: tier, tierRule: 'THRESHOLD', democraticScore: total });
    expect(x.explanation.components.find((c: any) => c.kind === 'DEMOCRATIC').weight).toBe(1);
  });
});

describe('penalties and vetoes', () => {
  it('takes off 5, 10 and 20 points for an admonishment, a criticism and a reassignment', async () => {
    const k = await cadre('扣分');
    await votes(k, '2025', [4, 0, 0, 0]); // 100
    await accountability(k, 'ADMONISHMENT');
    expect((await compute(k)).total).toBe(95);
    await accountability(k, 'CRITICISM');
    expect((await compute(k)).total).toBe(85);
    await accountability(k, 'REASSIGNMENT');
    const x = await compute(k);
    expect(x).toMatchObject({ total: 65, penalty: 35, computedTier: 'CAUTION' });
    expect(x.explanation.accountabilities.map((r: any) => [r.measure, r.penalty])).toEqual([['ADMONISHMENT', 5], ['CRITICISM', 10], ['REASSIGNMENT', 20]]);
    await accountability(k, 'CRITICISM', '2024-12-31'); // outside the period: not counted
    expect((await compute(k)).total).toBe(65);
  });

  it('a REMOVAL in the period gives DO_NOT_USE whatever the score', async () => {
    const k = await cadre('免职');
    await votes(k, '2025', [5, 0, 0, 0]);
    await accountability(k, 'REMOVAL');
    const x = await compute(k);
    expect(x).toMatchObject({ total: 100, computedTier: 'DO_NOT_USE', tierRule: 'REMOVAL' });
    expect(x.explanation.up).toMatchObject({ tier: 'CAUTION', reachableByScore: false });
    expect(x.explanation.down).toBeNull();
  });

  it('incompetent votes above one third give DO_NOT_USE; exactly one third does not', async () => {
    const third = await cadre('三分之一');
    await votes(third, '2025', [2, 0, 0, 1]); // 1/3: 200/3 = 66.67
    expect(await compute(third)).toMatchObject({ computedTier: 'CAUTION', tierRule: 'THRESHOLD' });
    const above = await cadre('超过三分之一');
    await votes(above, '2025', [3, 0, 0, 2]); // 2/5 > 1/3, score 60
    expect(await compute(above)).toMatchObject({ total: 60, computedTier: 'DO_NOT_USE', tierRule: 'INCOMPETENT_VOTES' });
  });
});

describe('periods', () => {
  it('a quarter or a month selects the targets due in it, and the evaluations of periods within it', async () => {
    const k = await cadre('分期');
    const feb = await target(k, '二月到期', '2025-02-15');
    const may = await target(k, '五月到期', '2025-05-20');
    const aug = await target(k, '八月到期', '2025-08-10');
    await f.report(feb, '2025-02-10', { percentComplete: 100 });
    await f.report(may, '2025-05-10', { percentComplete: 50 });
    await votes(k, '2025-Q2', [1, 0, 0, 0]);
    const ids = (x: any) => x.explanation.targets.map((t: any) => t.targetId);
    const q2 = await compute(k, '2025-Q2');
    expect(ids(q2)).toEqual([may]);
    expect(q2).toMatchObject({ targetScore: 50, timelinessScore: 0, democraticScore: 100 });
    expect(ids(await compute(k, '2025-02'))).toEqual([feb]);
    const q3 = await compute(k, '2025-Q3');
    expect(ids(q3)).toEqual([aug]);
    expect(q3.democraticScore).toBeNull(); // the Q2 evaluation is not within Q3
    const year = await compute(k, '2025');
    expect(ids(year)).toEqual([feb, may, aug]);
    expect(year.democraticScore).toBe(100);
  });
});

describe('review: override and confirm', () => {
  it('an override needs a reason, is audited, and only a draft can be overridden', async () => {
    const k = await cadre('调整');
    await votes(k, '2025', [0, 1, 0, 0]);
    const x = await compute(k);
    const refused = await server.gql('mutation($id: ID!, $v: Int!) { overrideAssessmentTier(id: $id, input: { version: $v, tier: PROMOTE }) { id } }', { id: x.id, v: x.version }, { token: region });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const blank = await server.gql('mutation($id: ID!, $v: Int!) { overrideAssessmentTier(id: $id, input: { version: $v, tier: PROMOTE, reason: "  " }) { id } }', { id: x.id, v: x.version }, { token: region });
    expect(blank.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const o = (await ok('mutation($id: ID!, $v: Int!) { overrideAssessmentTier(id: $id, input: { version: $v, tier: PROMOTE, reason: "援藏期间表现突出" }) { version tier computedTier overrideReason sentence } }', { id: x.id, v: x.version })).overrideAssessmentTier;
    expect(o).toMatchObject({ tier: 'PROMOTE', computedTier: 'USE', overrideReason: '援藏期间表现突出' });
    expect(o.sentence).toContain('审核调整为重用：援藏期间表现突出');
    const events = await ok('query($id: ID!) { auditEvents(filter: { entityType: { eq: "Assessment" }, entityId: { eq: $id } }, orderBy: [{ field: AT, direction: ASC }]) { items { action changes } } }', { id: x.id }, admin);
    expect(events.auditEvents.items.map((e: any) => e.action)).toEqual(['CREATE', 'UPDATE']);
    expect(events.auditEvents.items[1].changes.overrideTier).toEqual({ before: null, after: 'PROMOTE' });
    const c = (await ok('mutation($id: ID!, $v: Int!) { confirmAssessment(id: $id, version: $v) { status version } }', { id: x.id, v: o.version })).confirmAssessment;
    expect(c.status).toBe('CONFIRMED');
    const late = await server.gql('mutation($id: ID!, $v: Int!) { overrideAssessmentTier(id: $id, input: { version: $v, tier: USE, reason: "再议" }) { id } }', { id: x.id, v: c.version }, { token: region });
    expect(late.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(codes(await server.gql('mutation($id: ID!) { deleteAssessment(id: $id) }', { id: x.id }, { token: region }))).toEqual(['BAD_USER_INPUT']);
  });

  it('a confirmed assessment is unchanged after new reports, votes and a policy change; computing again makes a new draft beside it', async () => {
    const k = await cadre('冻结');
    const t = await target(k, '冻结目标', '2025-06-30');
    await f.report(t, '2025-03-01', { percentComplete: 50 });
    const ev = await votes(k, '2025', [1, 1, 0, 0]); // 90
    const x = await compute(k);
    // target 50, timeliness 0, inspection 100, democratic 90: 20 + 0 + 15 + 22.5 = 57.5
    expect(x).toMatchObject({ total: 57.5, computedTier: 'DO_NOT_USE' });
    const confirmed = (await ok('mutation($id: ID!, $v: Int!) { confirmAssessment(id: $id, version: $v) { ' + ASSESSMENT + ' } }', { id: x.id, v: x.version })).confirmAssessment;

    await f.report(t, '2025-06-20', { percentComplete: 100 });
    await ok('mutation($id: ID!, $v: Int!) { updateDemocraticEvaluation(id: $id, input: { version: $v, excellent: 3 }) { id } }', { id: ev.id, v: ev.version });
    const policy = (await ok('mutation { updateAssessmentPolicy(input: { weightTarget: 0.5, note: "测试" }) { id weightTarget } }', {}, admin)).updateAssessmentPolicy;
    try {
      const again = (await ok('query($id: ID!) { assessment(id: $id) { ' + ASSESSMENT + ' } }', { id: x.id })).assessment;
      expect(again).toEqual(confirmed);
      const draft = await compute(k);
      // target 100, timeliness 100, inspection 100, democratic (300 + 80)/4 = 95 with weights 0.5/0.2/0.15/0.25 over 1.1
      expect(draft.id).not.toBe(x.id);
      expect(draft).toMatchObject({ status: 'DRAFT', policyId: policy.id, democraticScore: 95 });
      expect(draft.total).toBeCloseTo((50 + 20 + 15 + 23.75) / 1.1, 4);
      const all = await ok('query($k: ID!) { assessments(filter: { cadreId: { eq: $k } }, orderBy: [{ field: ID, direction: ASC }]) { items { id status total } } }', { k });
      expect(all.assessments.items).toEqual([
        { id: x.id, status: 'CONFIRMED', total: 57.5 },
        { id: draft.id, status: 'DRAFT', total: draft.total },
      ]);
    } finally {
      await ok('mutation { updateAssessmentPolicy(input: { weightTarget: 0.4, note: "还原" }) { id } }', {}, admin);
    }
  });
});

describe('computing again', () => {
  const events = async (id: string) =>
    (await ok('query($id: ID!) { auditEvents(filter: { entityType: { eq: "Assessment" }, entityId: { eq: $id } }, orderBy: [{ field: ID, direction: ASC }]) { items { action } } }', { id }, admin)).auditEvents.items.map((e: any) => e.action);
  const computeFull = async (k: string) =>
    (await ok(`mutation($c: ID!) { computeAssessment(cadreId: $c, period: "2025") { ${ASSESSMENT} createdAt updatedAt } }`, { c: k })).computeAssessment;

  it('keeps a draft that would be stored again as it is (no write, no event); changed facts recompute it in place; an override makes a new draft', async () => {
    const k = await cadre('重算不变');
    const t = await target(k, '重算目标', '2025-06-30');
    await f.report(t, '2025-03-01', { percentComplete: 50 });
    const x = await computeFull(k);
    const again = await computeFull(k);
    expect(again).toEqual(x); // the same draft: id, version, timestamps, figures
    expect(await events(x.id)).toEqual(['CREATE']);

    // New figures: the same draft, recomputed (version + 1), its UPDATE event naming what moved.
    await f.report(t, '2025-05-01', { percentComplete: 80 });
    const changed = await computeFull(k);
    expect(changed).toMatchObject({ id: x.id, version: x.version + 1, targetScore: 80, createdAt: x.createdAt });
    expect(changed.updatedAt >= x.updatedAt).toBe(true);
    expect(await events(x.id)).toEqual(['CREATE', 'UPDATE']);
    const update = (await ok('query($id: ID!) { auditEvents(filter: { entityType: { eq: "Assessment" }, entityId: { eq: $id }, action: { eq: UPDATE } }) { items { changes } } }', { id: x.id }, admin)).auditEvents.items[0];
    expect(update.changes.targetScore).toEqual({ before: 50, after: 80 });
    expect(update.changes.total).toEqual({ before: x.total, after: changed.total });
    expect(Object.keys(update.changes)).not.toContain('explanation'); // figures moved: they are what it records
    const drafts = await ok('query($k: ID!) { assessments(filter: { cadreId: { eq: $k } }) { items { id } } }', { k });
    expect(drafts.assessments.items).toEqual([{ id: x.id }]);
    // A reviewer holding the earlier version cannot confirm figures that are no longer the draft's.
    const stale = await server.gql('mutation($id: ID!, $v: Int!) { confirmAssessment(id: $id, version: $v) { id } }', { id: x.id, v: x.version }, { token: region });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');

    // An overridden draft is superseded by a new one even when the figures are the same: the
    // reviewer's tier stays with the draft it was given for.
    const o = (await ok('mutation($id: ID!, $v: Int!) { overrideAssessmentTier(id: $id, input: { version: $v, tier: PROMOTE, reason: "复核" }) { version } }', { id: changed.id, v: changed.version })).overrideAssessmentTier;
    expect(o.version).toBe(3);
    const replaced = await computeFull(k);
    expect(replaced.id).not.toBe(changed.id);
    expect(replaced).toMatchObject({ overrideTier: null, version: 1, targetScore: 80 });
    expect(await events(changed.id)).toEqual(['CREATE', 'UPDATE', 'UPDATE', 'DELETE']);
    const overridden = await ok('query($k: ID!) { assessments(deleted: true, filter: { cadreId: { eq: $k } }) { items { id deletedAt overrideTier overrideReason } } }', { k }, admin);
    const kept = overridden.assessments.items.find((a: any) => a.id === changed.id);
    expect(kept).toMatchObject({ overrideTier: 'PROMOTE', overrideReason: '复核' });
    expect(kept.deletedAt).not.toBeNull();

    // A fact that moves no figure but shows in the explanation (a target's title) recomputes it
    // too; its event says that the explanation alone changed.
    expect((await computeFull(k)).id).toBe(replaced.id);
    const tv = (await ok('query($id: ID!) { target(id: $id) { version } }', { id: t })).target.version;
    await ok('mutation($id: ID!, $v: Int!) { updateTarget(id: $id, input: { version: $v, title: "重算目标（改名）" }) { id } }', { id: t, v: tv });
    const renamed = await ok(`mutation($c: ID!) { computeAssessment(cadreId: $c, period: "2025") { id version targetScore explanation { targets { title } } } }`, { c: k });
    expect(renamed.computeAssessment).toMatchObject({ id: replaced.id, version: 2, targetScore: 80, explanation: { targets: [{ title: '重算目标（改名）' }] } });
    const read = await ok('query($id: ID!) { assessment(id: $id) { explanation { targets { title } } } }', { id: replaced.id });
    expect(read.assessment.explanation.targets).toEqual([{ title: '重算目标（改名）' }]);
    const renameEvent = (await ok('query($id: ID!) { auditEvents(filter: { entityType: { eq: "Assessment" }, entityId: { eq: $id }, action: { eq: UPDATE } }) { items { changes } } }', { id: replaced.id }, admin)).auditEvents.items[0];
    expect(Object.keys(renameEvent.changes)).toEqual(['explanation']);
  });

  it('a draft whose figures are the same a day later, or computed by another user, gets the new date or user without being written again', async () => {
    const k = await cadre('重算换戳');
    const t = await target(k, '换戳目标', '2025-06-30');
    await f.report(t, '2025-03-01', { percentComplete: 60 });
    const compute = async (token = region) =>
      (await server.ok(`mutation($c: ID!) { computeAssessment(cadreId: $c, period: "2025") { id version asOf total targetScore computedById explanation { asOf targets { title progress } } } }`, { c: k }, { token })).computeAssessment;
    const x = await compute();
    expect(x.asOf).toBe('2025-12-31');
    const db = server.app.db;
    const quote = (name: string) => db.driver.escape(name);
    const storedLength = async () => Number((await db.query(`SELECT LENGTH(${quote('explanation')}) AS n FROM ${quote('assessment')} WHERE ${quote('id')} = ${Number(x.id)}`))[0].n);
    // As if it had been computed the day before: the stored date moves back. The stored
    // explanation is laid out again (the same JSON, indented), so that a write would show.
    const compact = await storedLength();
    const [{ e }] = await db.query(`SELECT ${quote('explanation')} AS e FROM ${quote('assessment')} WHERE ${quote('id')} = ${Number(x.id)}`);
    const stored = JSON.stringify(typeof e === 'string' ? JSON.parse(e) : e, null, 1);
    await db.query(`UPDATE ${quote('assessment')} SET ${quote('asOf')} = '2025-12-30', ${quote('explanation')} = ? WHERE ${quote('id')} = ${Number(x.id)}`, [stored]);
    const spaced = await storedLength();
    expect(spaced).toBeGreaterThan(compact);
    const dated = await compute();
    expect(dated).toMatchObject({ id: x.id, version: x.version + 1, asOf: '2025-12-31', total: x.total, targetScore: 60 });
    const byAdmin = await compute(admin);
    expect(byAdmin.computedById).not.toBe(x.computedById);
    expect(byAdmin).toMatchObject({ id: x.id, version: x.version + 2, asOf: '2025-12-31', explanation: { asOf: '2025-12-31', targets: [{ title: '换戳目标', progress: 0.6 }] } });
    // The stored explanation was not written again; each new stamp is one UPDATE event naming it.
    expect(await storedLength()).toBe(spaced);
    const changes = (await ok('query($id: ID!) { auditEvents(filter: { entityType: { eq: "Assessment" }, entityId: { eq: $id }, action: { eq: UPDATE } }, orderBy: [{ field: ID, direction: ASC }]) { items { changes } } }', { id: x.id }, admin)).auditEvents.items.map((e: any) => e.changes);
    expect(changes[0]).toEqual({ asOf: { before: '2025-12-30', after: '2025-12-31' } });
    expect(Object.keys(changes[1])).toEqual(['computedById']);
    const read = (await ok('query($id: ID!) { assessment(id: $id) { version asOf explanation { asOf total } } }', { id: x.id })).assessment;
    expect(read).toEqual({ version: x.version + 2, asOf: '2025-12-31', explanation: { asOf: '2025-12-31', total: x.total } });
  });

  it('a county or the region computed again unchanged writes nothing, returns the same drafts, with the same number of statements', async () => {
    const countyQuery = `mutation($c: ID!) { computeAssessments(period: "2026", filter: { countyId: { eq: $c } }) { id version } }`;
    const regionQuery = 'mutation { computeAssessments(period: "2026") { id version } }';
    await server.gql(countyQuery, { c: countyId }, { token: region });
    const first = await server.gql(regionQuery, {}, { token: region });
    const c2 = await server.gql(countyQuery, { c: countyId }, { token: region });
    const r2 = await server.gql(regionQuery, {}, { token: region });
    expect(r2.errors).toBeUndefined();
    expect(r2.data!.computeAssessments).toEqual(first.data!.computeAssessments);
    expect(c2.data!.computeAssessments.length).toBeGreaterThan(0);
    expect(r2.data!.computeAssessments.length).toBeGreaterThan(5 * c2.data!.computeAssessments.length);
    expect(r2.extensions!.sqlStatements).toBe(c2.extensions!.sqlStatements);
    const ids = new Set(r2.data!.computeAssessments.map((a: any) => a.id));
    expect(c2.data!.computeAssessments.every((a: any) => ids.has(a.id))).toBe(true);
  });
});

describe('the assessment policy', () => {
  it('keeps its tiers descending and its weights above zero; every change is a new version', async () => {
    const before = (await ok('{ assessmentPolicies { id } }', {}, admin)).assessmentPolicies.length;
    const bad = await server.gql('mutation { updateAssessmentPolicy(input: { tierUse: 95 }) { id } }', {}, { token: admin });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tierUse' });
    const zero = await server.gql('mutation { updateAssessmentPolicy(input: { weightTarget: 0, weightTimeliness: 0, weightInspection: 0, weightDemocratic: 0 }) { id } }', {}, { token: admin });
    expect(zero.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'weightTarget' });
    expect(codes(await server.gql('mutation { updateAssessmentPolicy(input: { tierUse: 70 }) { id } }', {}, { token: region }))).toEqual(['FORBIDDEN']);
    expect((await ok('{ assessmentPolicies { id } }', {}, admin)).assessmentPolicies.length).toBe(before);
    const current = (await ok('{ assessmentPolicy { weightTarget weightTimeliness weightInspection weightDemocratic tierPromote tierUse tierCaution penaltyAdmonishment penaltyCriticism penaltyReassignment voteCompetent incompetentVetoShare consistencyNoiseTolerance consistencyReversals } }')).assessmentPolicy;
    expect(current).toEqual({
      weightTarget: 0.4, weightTimeliness: 0.2, weightInspection: 0.15, weightDemocratic: 0.25, tierPromote: 90, tierUse: 75, tierCaution: 60,
      penaltyAdmonishment: 5, penaltyCriticism: 10, penaltyReassignment: 20, voteCompetent: 80, incompetentVetoShare: 1 / 3, consistencyNoiseTolerance: 0.02, consistencyReversals: 5,
    });
  });
});

describe('whole units in one call', () => {
  it('computeAssessments costs the same number of statements for a county (~20 cadres) and the region (~400)', async () => {
    const county = await server.gql('mutation($c: ID!) { computeAssessments(period: "2026", filter: { countyId: { eq: $c } }) { id cadreId } }', { c: countyId }, { token: region });
    const all = await server.gql('mutation { computeAssessments(period: "2026") { id cadreId } }', {}, { token: region });
    expect(county.errors).toBeUndefined();
    expect(all.errors).toBeUndefined();
    const cadres = await ok('{ cadres(limit: 1) { total } }');
    expect(cadres.cadres.total).toBeGreaterThan(350);
    expect(all.data!.computeAssessments.length).toBeGreaterThan(5 * county.data!.computeAssessments.length);
    expect(all.extensions!.sqlStatements).toBe(county.extensions!.sqlStatements);
  });
});

describe('rankings', () => {
  it('ranks the cadres of the region by tier, then total, with the tier counts; a confirmed assessment stands for its cadre', async () => {
    const r = (await ok('{ assessmentRanking(period: "2025") { tierCounts { tier count } entries { rank cadreId cadreName tier total status countyName } } }')).assessmentRanking;
    const order = ['PROMOTE', 'USE', 'CAUTION', 'DO_NOT_USE'];
    expect(r.tierCounts.map((t: any) => t.tier)).toEqual(order);
    expect(r.tierCounts.reduce((s: number, t: any) => s + t.count, 0)).toBe(r.entries.length);
    for (const [i, e] of r.entries.entries()) {
      expect(e.rank).toBe(i + 1);
      if (i === 0) continue;
      const prev = r.entries[i - 1];
      expect(order.indexOf(prev.tier) < order.indexOf(e.tier) || (prev.tier === e.tier && prev.total >= e.total)).toBe(true);
    }
    const frozen = r.entries.find((e: any) => e.cadreName === '冻结');
    expect(frozen).toMatchObject({ status: 'CONFIRMED', total: 57.5, tier: 'DO_NOT_USE', countyName: '江孜县' });
    const overridden = r.entries.find((e: any) => e.cadreName === '调整');
    expect(overridden).toMatchObject({ tier: 'PROMOTE', status: 'CONFIRMED' });
    expect(new Set(r.entries.map((e: any) => e.cadreId)).size).toBe(r.entries.length); // one entry per cadre
  });

  it('a county user sees its own cadres with their true rank in the region; other counties see none of them', async () => {
    const all = (await ok('{ assessmentRanking(period: "2026") { entries { rank cadreId countyId } } }')).assessmentRanking.entries;
    const mine = (await ok('{ assessmentRanking(period: "2026") { tierCounts { count } entries { rank cadreId countyId } } }', {}, await server.token('county-540222'))).assessmentRanking;
    expect(mine.entries.length).toBeGreaterThan(0);
    expect(mine.entries).toEqual(all.filter((e: any) => e.countyId === countyId));
    expect(mine.tierCounts.reduce((s: number, t: any) => s + t.count, 0)).toBe(mine.entries.length);
    const filtered = (await ok('query($c: ID!) { assessmentRanking(period: "2026", filter: { countyId: { eq: $c } }) { entries { rank countyId } } }', { c: countyId })).assessmentRanking.entries;
    expect(filtered.map((e: any) => e.rank)).toEqual(filtered.map((_: unknown, i: number) => i + 1)); // ranked within the county
    expect(filtered.every((e: any) => e.countyId === countyId)).toBe(true);
  });

  it('counts the tiers in SQL when no entry is asked for, with the same counts for the region, a county filter and a county user', async () => {
    const both = '{ assessmentRanking(period: "2026") { tierCounts { tier count } entries { rank } } }';
    const counts = '{ assessmentRanking(period: "2026") { tierCounts { tier count } } }';
    const byFilter = (fields: string) => `query($c: ID!) { assessmentRanking(period: "2026", filter: { countyId: { eq: $c } }) { ${fields} } }`;
    const county = await server.token('county-540222');
    const cases: [string, string, Record<string, unknown>, string | undefined][] = [
      [both, counts, {}, undefined],
      [byFilter('tierCounts { tier count } entries { rank }'), byFilter('tierCounts { tier count }'), { c: countyId }, undefined],
      [both, counts, {}, county],
    ];
    for (const [withEntries, alone, vars, token] of cases) {
      const full = (await ok(withEntries, vars, token)).assessmentRanking;
      const counted = (await ok(alone, vars, token)).assessmentRanking;
      expect(full.tierCounts.reduce((sum: number, t: any) => sum + t.count, 0)).toBeGreaterThan(0);
      expect(counted.tierCounts).toEqual(full.tierCounts);
    }
  });
});

describe('unit assessments', () => {
  it('assesses a department and its county on the same components, by hand', async () => {
    const tingri = (await ok('{ counties(filter: { code: { eq: "540223" } }) { items { id } } }')).counties.items[0].id;
    const d = (await ok('mutation($c: ID!) { createDepartment(input: { countyId: $c, name: "定日县考核试点办", kind: GOVERNMENT }) { id } }', { c: tingri })).createDepartment.id;
    const person = async (name: string) =>
      (await ok('mutation($d: ID!, $n: String!) { createCadre(input: { departmentId: $d, name: $n, gender: MALE, ethnicity: "藏族", position: "主任", rank: "正科级" }) { id } }', { d, n: name })).createCadre.id;
    const [k1, k2] = [await person('单位甲'), await person('单位乙')];
    const t = (k: string, title: string, deadline: string) => f.target({ directiveId, title, deadline, responsibleCountyId: tingri, responsibleDepartmentId: d, responsibleCadreId: k });
    const t1 = (await t(k1, '单位·按期', '2025-06-30')).id;
    const t2 = (await t(k2, '单位·过半', '2025-10-31')).id;
    await f.report(t1, '2025-06-01', { percentComplete: 100 });
    await f.report(t2, '2025-09-01', { percentComplete: 50 });
    await ok('mutation($t: ID!) { createInspection(input: { targetId: $t, inspectedOn: "2025-09-10", kind: ROUTINE, inspectors: "督查组", findings: "一般", rating: 80 }) { id } }', { t: t2 });
    await votes(k1, '2025', [10, 0, 0, 0]);
    await votes(k2, '2025', [0, 10, 0, 0]);
    await accountability(k2, 'CRITICISM', '2025-11-01', t2);

    const units = (await ok('{ unitAssessments(period: "2025", level: DEPARTMENT) { asOf entries { unitId unitName targets cadres targetScore timelinessScore inspectionScore democraticScore penalty total tier } } }')).unitAssessments;
    expect(units.asOf).toBe('2025-12-31');
    // target (1 + 0.5)/2 = 75, timeliness 50, inspection 80, democratic (1000 + 800)/20 = 90, penalty 10 per 2 cadres
    // 0.4·75 + 0.2·50 + 0.15·80 + 0.25·90 − 5 = 69.5
    expect(units.entries.find((e: any) => e.unitId === d)).toMatchObject({
      unitName: '定日县考核试点办', targets: 2, cadres: 2, targetScore: 75, timelinessScore: 50, inspectionScore: 80, democraticScore: 90, penalty: 5, total: 69.5, tier: 'CAUTION',
    });
    const cadres = (await ok('query($c: ID!) { cadres(filter: { countyId: { eq: $c } }, limit: 1) { total } }', { c: tingri })).cadres.total;
    const counties = (await ok('{ unitAssessments(period: "2025", level: COUNTY) { tierCounts { tier count } entries { rank unitId targets penalty total } } }')).unitAssessments;
    expect(counties.entries).toHaveLength(18);
    const county = counties.entries.find((e: any) => e.unitId === tingri);
    expect(county).toMatchObject({ rank: 1, targets: 2, penalty: Math.round((10 / cadres) * 1e6) / 1e6 });
    expect(county.total).toBeCloseTo(74.5 - 10 / cadres, 5);
  });
});
