import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startServer, type TestServer } from '../helpers/server.js';

/** Who reads and writes evaluations, accountability records and assessments (docs/rules.md). */
let server: TestServer;
let jiangzi: string;
let ownCadre: string;
let otherCadre: string;
let otherEvaluation: string;
let ownAssessment: { id: string; version: number };

const LISTS = `{
  democraticEvaluations(limit: 500) { total items { countyId } }
  accountabilities(limit: 500) { total items { countyId } }
  assessments(limit: 500, filter: { period: { eq: "2026" } }) { total items { countyId } }
}`;

beforeAll(async () => {
  server = await startServer();
  const token = await server.token('region');
  const ok = (q: string, v: Record<string, unknown> = {}) => server.ok(q, v, { token });
  const county = async (code: string) => (await ok('query($c: String!) { counties(filter: { code: { eq: $c } }) { items { id } } }', { c: code })).counties.items[0].id;
  jiangzi = await county('540222');
  const tingri = await county('540223');
  const cadreOf = async (c: string) => (await ok('query($c: ID!) { cadres(filter: { countyId: { eq: $c } }, limit: 1, orderBy: [{ field: ID, direction: DESC }]) { items { id } } }', { c })).cadres.items[0].id;
  [ownCadre, otherCadre] = [await cadreOf(jiangzi), await cadreOf(tingri)];
  for (const k of [ownCadre, otherCadre]) {
    const e = await ok('mutation($k: ID!) { createDemocraticEvaluation(input: { cadreId: $k, period: "2026-Q1", excellent: 5, competent: 5, basicallyCompetent: 0, incompetent: 0 }) { id } }', { k });
    if (k === otherCadre) otherEvaluation = e.createDemocraticEvaluation.id;
    await ok('mutation($k: ID!) { createAccountability(input: { cadreId: $k, decidedOn: "2026-05-01", measure: ADMONISHMENT, reason: "报送不及时", decidingBody: "县委组织部" }) { id } }', { k });
  }
  await ok('mutation { computeAssessments(period: "2026") { id } }');
  ownAssessment = (await ok('query($k: ID!) { computeAssessment(cadreId: $k, period: "2026") { id version } }'.replace('query', 'mutation'), { k: ownCadre })).computeAssessment;
});
afterAll(() => server?.close());

describe('a county user', () => {
  it('reads only its own county’s evaluations, accountability records and assessments', async () => {
    const mine = await server.ok(LISTS, {}, { token: await server.token('county-540222') });
    const all = await server.ok(LISTS, {}, { token: await server.token('region') });
    for (const type of Object.keys(all)) {
      expect(mine[type].total, type).toBeGreaterThan(0);
      expect(mine[type].total, type).toBeLessThan(all[type].total);
      expect(mine[type].items.every((r: { countyId: string }) => r.countyId === jiangzi), type).toBe(true);
    }
    const other = await server.ok('query($id: ID!) { democraticEvaluation(id: $id) { id } }', { id: otherEvaluation }, { token: await server.token('county-540222') });
    expect(other.democraticEvaluation).toBeNull();
  });

  it('records votes for its own cadres only, and computes, overrides, confirms and decides accountability not at all', async () => {
    const token = await server.token('county-540222');
    const vote = (k: string) =>
      server.gql('mutation($k: ID!) { createDemocraticEvaluation(input: { cadreId: $k, period: "2026-Q2", excellent: 3, competent: 1, basicallyCompetent: 0, incompetent: 0 }) { id countyId } }', { k }, { token });
    expect((await vote(ownCadre)).data!.createDemocraticEvaluation.countyId).toBe(jiangzi);
    expect((await vote(otherCadre)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cadreId' });
    const refused = [
      ['mutation($k: ID!) { createAccountability(input: { cadreId: $k, decidedOn: "2026-05-01", measure: CRITICISM, reason: "x", decidingBody: "x" }) { id } }', { k: ownCadre }],
      ['mutation($k: ID!) { computeAssessment(cadreId: $k, period: "2026") { id } }', { k: ownCadre }],
      ['mutation { computeAssessments(period: "2026") { id } }', {}],
      ['mutation($id: ID!, $v: Int!) { overrideAssessmentTier(id: $id, input: { version: $v, tier: USE, reason: "x" }) { id } }', { id: ownAssessment.id, v: ownAssessment.version }],
      ['mutation($id: ID!, $v: Int!) { confirmAssessment(id: $id, version: $v) { id } }', { id: ownAssessment.id, v: ownAssessment.version }],
    ] as const;
    for (const [m, v] of refused) expect(codes(await server.gql(m, v, { token })), m).toEqual(['FORBIDDEN']);
  });
});

describe('an analyst', () => {
  it('reads all of the region and writes nothing', async () => {
    const token = await server.token('analyst');
    const [mine, all] = [await server.ok(LISTS, {}, { token }), await server.ok(LISTS, {}, { token: await server.token('region') })];
    for (const type of Object.keys(all)) expect(mine[type].total, type).toBe(all[type].total);
    const refused = [
      ['mutation($k: ID!) { createDemocraticEvaluation(input: { cadreId: $k, period: "2026-Q3", excellent: 1, competent: 0, basicallyCompetent: 0, incompetent: 0 }) { id } }', { k: ownCadre }],
      ['mutation($k: ID!) { createAccountability(input: { cadreId: $k, decidedOn: "2026-05-01", measure: CRITICISM, reason: "x", decidingBody: "x" }) { id } }', { k: ownCadre }],
      ['mutation($k: ID!) { computeAssessment(cadreId: $k, period: "2026") { id } }', { k: ownCadre }],
      ['mutation($id: ID!, $v: Int!) { confirmAssessment(id: $id, version: $v) { id } }', { id: ownAssessment.id, v: ownAssessment.version }],
    ] as const;
    for (const [m, v] of refused) expect(codes(await server.gql(m, v, { token })), m).toEqual(['FORBIDDEN']);
  });
});

describe('an API key', () => {
  it('reaches assessmentRanking, unitAssessments and consistency, and no record of the assessment module', async () => {
    const key = (await server.ok('mutation { createApiKey(input: { name: "考核看板" }) { key } }', {}, { token: await server.token('admin') })).createApiKey.key;
    const analytics = await server.gql(
      `{ assessmentRanking(period: "2026") { tierCounts { tier count } entries { rank cadreName tier total assessment { id } } }
         unitAssessments(period: "2026") { entries { unitName total } }
         consistency(from: "2026-01", to: "2026-06") { counties { countyName verdict } } }`,
      {},
      { token: key },
    );
    expect(analytics.errors, JSON.stringify(analytics.errors)).toBeUndefined();
    expect(analytics.data.assessmentRanking.entries.length).toBeGreaterThan(0);
    expect(analytics.data.assessmentRanking.entries.every((e: { assessment: unknown }) => e.assessment === null)).toBe(true);
    expect(analytics.data.unitAssessments.entries).toHaveLength(18);
    expect(analytics.data.consistency.counties).toHaveLength(18);
    for (const q of ['{ assessments { total } }', '{ democraticEvaluations { total } }', '{ accountabilities { total } }', 'mutation { computeAssessments(period: "2026") { id } }']) {
      expect(codes(await server.gql(q, {}, { token: key })), q).toEqual(['FORBIDDEN']);
    }
  });
});

describe('consistency for a county user', () => {
  it('analyses its own county only', async () => {
    const mine = await server.ok('{ consistency(from: "2026-01", to: "2026-06") { counties { countyId } } }', {}, { token: await server.token('county-540222') });
    expect(mine.consistency.counties).toEqual([{ countyId: jiangzi }]);
  });
});
