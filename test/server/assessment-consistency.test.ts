import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startServer, type TestServer } from '../helpers/server.js';
import { targetFixtures } from '../helpers/targets.js';

/**
 * Consistency (docs/rules.md "Consistency") on hand-made 2025 series — the demo data lives in
 * 2026 — and on the demo counties of 2026. One qualitative target per county from 2025-01-01
 * to 2025-12-31 (364 days): at a month's end its elapsed share is t = days / 364.
 */
let server: TestServer;
let f: ReturnType<typeof targetFixtures>;
let region: string;
const county: Record<string, string> = {};

const MONTHS = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
const monthEnd = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).toISOString().slice(0, 10);
const t = (m: string) => Math.min(1, (Date.parse(`${monthEnd(m)}T00:00:00Z`) - Date.parse('2025-01-01T00:00:00Z')) / 86_400_000 / 364);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

const QUERY = `query($ids: [ID!]) { consistency(from: "2025-01", to: "2025-12", countyIds: $ids) { months counties {
  countyId countyName mean standardDeviation reversals missedMonths burstiness verdict findings { rule months description }
  months { month scheduleScore change due reported reports missed } } } }`;

async function series(code: string, percentOf: (m: string, i: number) => number | null): Promise<void> {
  const id = (await f.target({ directiveId: await f.directive(`稳定性 ${code}`), title: `稳定性 ${code}`, startDate: '2025-01-01', deadline: '2025-12-31', responsibleCountyId: county[code] })).id;
  for (const [i, m] of MONTHS.entries()) {
    const percent = percentOf(m, i);
    if (percent !== null) await f.report(id, monthEnd(m), { percentComplete: percent });
  }
}

beforeAll(async () => {
  server = await startServer();
  region = await server.token('region');
  f = targetFixtures(server, region);
  for (const c of (await server.ok('{ counties(limit: 50) { items { id code } } }', {}, { token: region })).counties.items) county[c.code] = c.id;
  // 江孜县: always on schedule, a wobble of under a point (percent rounded down).
  await series('540222', (m) => Math.floor(100 * t(m)));
  // 白朗县: on schedule one month, 20 points behind the next (时好时坏).
  await series('540228', (m, i) => (i % 2 === 0 ? Math.ceil(100 * t(m)) : Math.max(0, Math.floor(100 * t(m)) - 20)));
  // 康马县: reports once a quarter, catching up each time (时紧时松).
  await series('540230', (m, i) => (i % 3 === 2 ? Math.ceil(100 * t(m)) : null));
});
afterAll(() => server?.close());

const consistency = async (codes: string[]) =>
  (await server.ok(QUERY, { ids: codes.map((c) => county[c]) }, { token: region })).consistency.counties as any[];

describe('consistency of hand-made series', () => {
  it('a steady series with small wobbles is CONSISTENT: no reversal beyond the noise tolerance', async () => {
    const [c] = await consistency(['540222']);
    const expected = MONTHS.map((m) => 1 - (t(m) - Math.floor(100 * t(m)) / 100));
    expect(c.months.map((m: any) => m.scheduleScore)).toEqual(expected.map((x) => expect.closeTo(x, 6)));
    expect(c.mean).toBeCloseTo(mean(expected), 6);
    expect(c.standardDeviation).toBeCloseTo(sd(expected), 6);
    expect(c).toMatchObject({ verdict: 'CONSISTENT', findings: [], reversals: 0, missedMonths: [], burstiness: -1 });
    expect(c.months.every((m: any) => m.due === 1 && m.reported === 1)).toBe(true);
  });

  it('an alternating series is INCONSISTENT by the alternating rule (Nelson 4), with the months that reversed', async () => {
    const [c] = await consistency(['540228']);
    const expected = MONTHS.map((m, i) => (i % 2 === 0 ? 1 : 1 - (t(m) - Math.max(0, Math.floor(100 * t(m)) - 20) / 100)));
    expect(c.months.map((m: any) => m.scheduleScore)).toEqual(expected.map((x) => expect.closeTo(x, 6)));
    expect(c.mean).toBeCloseTo(mean(expected), 6);
    expect(c.standardDeviation).toBeCloseTo(sd(expected), 6);
    expect(c.reversals).toBe(10);
    expect(c.verdict).toBe('INCONSISTENT');
    expect(c.findings.map((x: any) => x.rule)).toEqual(['ALTERNATING']);
    expect(c.findings[0].months).toEqual(MONTHS.slice(2));
    expect(c.findings[0].description).toContain('时好时坏');
  });

  it('a bursty series is INCONSISTENT by missed reports and burstiness', async () => {
    const [c] = await consistency(['540230']);
    const missed = MONTHS.filter((_, i) => i % 3 !== 2);
    expect(c.missedMonths).toEqual(missed);
    // reporting rate 1 in 4 of 12 months: μ = 1/3, σ = √2/3, (σ − μ)/(σ + μ) = 3 − 2√2
    expect(c.burstiness).toBeCloseTo(3 - 2 * Math.SQRT2, 6);
    expect(c.verdict).toBe('INCONSISTENT');
    const rules = c.findings.map((x: any) => x.rule);
    expect(rules).toContain('MISSED_REPORTS');
    expect(rules).toContain('BURSTY_REPORTING');
    expect(c.findings.find((x: any) => x.rule === 'MISSED_REPORTS').months).toEqual(missed);
    expect(c.findings.find((x: any) => x.rule === 'BURSTY_REPORTING').months).toEqual(['2025-03', '2025-06', '2025-09', '2025-12']);
  });

  it('uses the policy’s thresholds: a looser reversal count lets the alternating series pass', async () => {
    const admin = await server.token('admin');
    await server.ok('mutation { updateAssessmentPolicy(input: { consistencyReversals: 11, note: "测试" }) { id } }', {}, { token: admin });
    try {
      expect((await consistency(['540228']))[0].verdict).toBe('CONSISTENT');
    } finally {
      await server.ok('mutation { updateAssessmentPolicy(input: { consistencyReversals: 5, note: "还原" }) { id } }', {}, { token: admin });
    }
  });

  it('costs the same statements for three months or twelve, and refuses a bad range', async () => {
    const short = await server.gql('{ consistency(from: "2025-01", to: "2025-03") { counties { verdict } } }', {}, { token: region });
    const long = await server.gql('{ consistency(from: "2025", to: "2025") { months counties { verdict } } }', {}, { token: region });
    expect(long.data!.consistency.months).toEqual(MONTHS);
    expect(long.extensions!.sqlStatements).toBe(short.extensions!.sqlStatements);
    for (const [from, to] of [['2025-05', '2025-01'], ['2022-01', '2025-12'], ['2025-13', '2025-12']]) {
      expect(codes(await server.gql('query($a: String!, $b: String!) { consistency(from: $a, to: $b) { months } }', { a: from, b: to }, { token: region })), `${from}..${to}`).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('consistency of the demo counties in 2026', () => {
  it('finds the swinging and bursty counties INCONSISTENT for the right reason and the steady ones CONSISTENT', async () => {
    const data = await server.ok('{ consistency(from: "2026-01", to: "2026-11") { counties { countyId verdict reversals findings { rule } } } }', {}, { token: region });
    const byCode = new Map(Object.entries(county).map(([code, id]) => [code, data.consistency.counties.find((c: any) => c.countyId === id)]));
    const rules = (code: string) => byCode.get(code).findings.map((x: any) => x.rule);
    for (const code of ['540221', '540225', '540229', '540234']) {
      expect(byCode.get(code).verdict, code).toBe('INCONSISTENT');
      expect(rules(code), code).toContain('ALTERNATING');
    }
    for (const code of ['540223', '540230', '540236']) {
      expect(byCode.get(code).verdict, code).toBe('INCONSISTENT');
      expect(rules(code), code).toContain('MISSED_REPORTS');
      expect(rules(code), code).toContain('BURSTY_REPORTING');
    }
    for (const code of ['540202', '540222', '540224', '540227', '540228', '540231', '540233', '540235', '540237']) {
      expect(byCode.get(code).verdict, `${code} ${JSON.stringify(byCode.get(code))}`).toBe('CONSISTENT');
    }
  });
});

describe('consistency figures kept for the built months', () => {
  it('equal the figures computed from the reports, and follow a change that reaches back into a month', async () => {
    const db = server.app.db.manager;
    const kept = async (since = '0000-00') => Number((await db.query('SELECT COUNT(*) AS n FROM consistency_month WHERE month >= ?', [since]))[0].n);
    const q = '{ consistency(from: "2025-11", to: "2026-11") { months counties { countyId mean standardDeviation reversals missedMonths burstiness verdict findings { rule months } months { month scheduleScore targets due reported reports missed } } } }';
    await server.app.snapshots.runOnce();
    await server.app.snapshots.buildFacts();
    expect(await kept()).toBeGreaterThan(0);
    const viaKept = await server.ok(q, {}, { token: region });
    await db.query('DELETE FROM consistency_month');
    const computed = await server.ok(q, {}, { token: region });
    expect(viaKept).toEqual(computed);

    // A report dated in March 2026 drops that month's figures and the later ones, not February's.
    await server.app.snapshots.buildFacts();
    const leaf = (await server.ok('{ targets(filter: { isLeaf: { eq: true }, kind: { eq: QUALITATIVE }, countyId: { isNull: false }, startDate: { lte: "2026-03-01" }, deadline: { gte: "2026-06-30" } }, limit: 1) { items { id } } }', {}, { token: region })).targets.items[0];
    await f.report(leaf.id, '2026-03-15', { percentComplete: 100 }, region, { approve: true });
    expect(await kept('2026-03')).toBe(0);
    expect(await kept('2026-02')).toBeGreaterThan(0);
    const after = await server.ok(q, {}, { token: region });
    expect(after).not.toEqual(computed);
    await server.app.snapshots.buildFacts();
    expect(await kept('2026-03')).toBeGreaterThan(0);
    expect(await server.ok(q, {}, { token: region })).toEqual(after);
    await db.query('DELETE FROM consistency_month');
    expect(await server.ok(q, {}, { token: region })).toEqual(after);
  });
});
