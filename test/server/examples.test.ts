import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';

/**
 * Every saved analyst query in schema/examples runs against the demo data as the role its
 * header names (`# role: <demo user>`), without errors; the checks below pin what each finds.
 */
const DIR = 'schema/examples';
const examples = readdirSync(DIR).filter((f) => f.endsWith('.graphql')).sort();

let server: TestServer;
const results = new Map<string, any>();

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

async function run(file: string) {
  const text = readFileSync(join(DIR, file), 'utf8');
  const role = /^# role: (\S+)/m.exec(text)?.[1];
  if (!role) throw new Error(`${file} has no "# role:" header`);
  const result = await server.gql(text, {}, { token: await server.token(role) });
  expect(result.errors, file).toBeUndefined();
  results.set(file, result.data);
  return result.data;
}

describe('schema/examples', () => {
  it.each(examples)('%s runs without errors', async (file) => {
    await run(file);
  });

  it('county-hierarchy lists 江孜县 with its departments and cadres', async () => {
    const data = results.get('county-hierarchy.graphql') ?? (await run('county-hierarchy.graphql'));
    const county = data.counties.items[0];
    expect(county.name).toBe('江孜县');
    expect(county.departments.total).toBe(8);
    expect(county.departments.items.flatMap((d: any) => d.cadres.items).length).toBeGreaterThan(15);
  });

  it('cadres-under-40-by-county groups the young cadres of organization departments by county', async () => {
    const data = results.get('cadres-under-40-by-county.graphql') ?? (await run('cadres-under-40-by-county.graphql'));
    const counties = data.counties.items;
    expect(counties).toHaveLength(18);
    expect(counties.map((c: any) => c.code)).toEqual([...counties.map((c: any) => c.code)].sort());
    let young = 0;
    for (const county of counties) {
      for (const department of county.departments.items) {
        expect(department.name).toContain('组织部');
        expect(department.name.startsWith(county.name)).toBe(true);
        young += department.cadres.total;
        for (const c of department.cadres.items) expect(c.birthDate >= '1986-01-01').toBe(true);
      }
    }
    expect(young).toBeGreaterThan(0);
  });
});

describe('schema/examples on the targets and supervision demo data', () => {
  const get = async (file: string) => results.get(file) ?? (await run(file));

  it('county-red-targets lists the RED targets of 昂仁县 (a laggard), with cadres and latest reports', async () => {
    const data = await get('county-red-targets.graphql');
    const county = data.counties.items[0];
    expect(county.name).toBe('昂仁县');
    expect(county.targets.total).toBeGreaterThan(0);
    expect(county.targets.items.some((t: any) => t.responsibleCadre && t.latestReport)).toBe(true);
    for (const t of county.targets.items) {
      expect(t.elapsed - t.progress >= 0.3 - 1e-9 || t.status === 'OVERDUE').toBe(true);
    }
  });

  it('scoreboard-2026 ranks all 18 counties by schedule score, the laggards last', async () => {
    const data = await get('scoreboard-2026.graphql');
    const entries = data.scoreboard.entries;
    expect(entries).toHaveLength(18);
    expect(entries.map((e: any) => e.rank)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    const scores = entries.map((e: any) => e.scheduleScore);
    expect([...scores].sort((a: number, b: number) => b - a)).toEqual(scores);
    expect(entries.slice(-2).map((e: any) => e.unitName).sort()).toEqual(['仲巴县', '昂仁县']);
    expect(entries.reduce((n: number, e: any) => n + e.targetsDue, 0)).toBeGreaterThan(0);
  });

  it('directive-rollup shows each directive’s root targets with their county shares', async () => {
    const data = await get('directive-rollup.graphql');
    const roots = data.directives.items.flatMap((d: any) => d.targets.items);
    expect(roots.length).toBeGreaterThanOrEqual(6);
    for (const root of roots) {
      expect(root.children.total).toBe(18);
      const progress = root.children.items.map((c: any) => c.progress);
      expect([...progress].sort((a: number, b: number) => a - b)).toEqual(progress);
      if (root.kind === 'QUANTITATIVE' && root.unit !== '%') expect(typeof root.allocationGap).toBe('number');
    }
  });

  it('warnings-by-category covers the four areas of the source text and adds up to all targets', async () => {
    const data = await get('warnings-by-category.graphql');
    const categories = new Set(data.targetStats.map((r: any) => r.category));
    expect(categories).toEqual(new Set(['PARTY_BUILDING', 'CADRE_TEAM', 'PERSONNEL_TALENT', 'CADRE_TRAINING']));
    const total = data.targetStats.reduce((n: number, r: any) => n + r.count, 0);
    const all = await server.ok('{ targets(limit: 0) { total } }', {}, { token: await server.token('analyst') });
    expect(total).toBe(all.targets.total);
    expect(data.targetStats.some((r: any) => r.warning === 'RED')).toBe(true);
  });

  it('overdue-rectifications lists open rectifications past their deadline, oldest first', async () => {
    const data = await get('overdue-rectifications.graphql');
    expect(data.inspections.total).toBeGreaterThan(0);
    const deadlines = data.inspections.items.map((i: any) => i.rectificationDeadline);
    expect([...deadlines].sort()).toEqual(deadlines);
    expect(deadlines.every((d: string) => d < new Date().toISOString().slice(0, 10))).toBe(true);
  });

  it('suggested-notices proposes rungs of the ladder for YELLOW and RED targets', async () => {
    const data = await get('suggested-notices.graphql');
    expect(data.suggestedNotices.length).toBeGreaterThan(0);
    for (const s of data.suggestedNotices) {
      expect(['YELLOW', 'RED']).toContain(s.warning);
      expect(['REMINDER', 'URGE', 'BLUE', 'YELLOW', 'RED']).toContain(s.level);
      expect(s.reason.length).toBeGreaterThan(0);
    }
  });

  it('review-queue lists submitted reports, newest first', async () => {
    const data = await get('review-queue.graphql');
    expect(data.progressReports.total).toBeGreaterThan(0);
    const dates = data.progressReports.items.map((r: any) => r.reportedOn);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('monthly-bulletin shows the live October bulletin with its ranking and red targets', async () => {
    const data = await get('monthly-bulletin.graphql');
    expect(data.bulletin.live).toBe(true);
    expect(data.bulletin.content.asOf).toBe('2026-10-31');
    expect(data.bulletin.content.ranking).toHaveLength(18);
    expect(data.bulletin.content.redTargets.length).toBeGreaterThan(0);
  });
});

describe('schema/examples on the assessment demo data', () => {
  const get = async (file: string) => results.get(file) ?? (await run(file));
  const ORDER = ['PROMOTE', 'USE', 'CAUTION', 'DO_NOT_USE'];

  it('assessment-tiers-540222 ranks 江孜县’s cadres by tier and total, with tier counts that add up', async () => {
    const { assessmentRanking: r } = await get('assessment-tiers-540222.graphql');
    expect(r.entries.length).toBeGreaterThan(10);
    expect(r.tierCounts.map((t: any) => t.tier)).toEqual(ORDER);
    expect(r.tierCounts.reduce((s: number, t: any) => s + t.count, 0)).toBe(r.entries.length);
    expect(r.entries.every((e: any) => e.departmentName.startsWith('江孜县') && e.status === 'CONFIRMED')).toBe(true);
    for (let i = 1; i < r.entries.length; i++) {
      const [a, b] = [r.entries[i - 1], r.entries[i]];
      expect(ORDER.indexOf(a.tier) < ORDER.indexOf(b.tier) || (a.tier === b.tier && a.total >= b.total)).toBe(true);
    }
  });

  it('assessment-do-not-use-2026 names each DO_NOT_USE cadre with the reason: scores, a REMOVAL, incompetent votes', async () => {
    const { assessments } = await get('assessment-do-not-use-2026.graphql');
    expect(assessments.total).toBeGreaterThan(0);
    const rules = new Set(assessments.items.map((a: any) => a.tierRule));
    expect([...rules].sort()).toEqual(['INCOMPETENT_VOTES', 'REMOVAL', 'THRESHOLD']);
    const removed = assessments.items.find((a: any) => a.tierRule === 'REMOVAL');
    expect(removed.explanation.accountabilities.some((r: any) => r.measure === 'REMOVAL')).toBe(true);
    expect(removed.sentence).toContain('免职');
    for (const a of assessments.items) {
      const sum = a.explanation.components.reduce((s: number, c: any) => s + c.contribution, 0) - a.explanation.accountabilities.reduce((s: number, r: any) => s + r.penalty, 0);
      expect(sum).toBeCloseTo(a.total, 4);
      if (a.tierRule === 'INCOMPETENT_VOTES') expect(a.explanation.incompetentVotes * 3).toBeGreaterThan(a.explanation.votes);
      if (a.tierRule === 'THRESHOLD') expect(a.total).toBeLessThan(60);
    }
  });

  it('consistency-2026 finds the swinging and bursty counties INCONSISTENT and 江孜县 CONSISTENT', async () => {
    const { consistency } = await get('consistency-2026.graphql');
    expect(consistency.months).toEqual(Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    expect(consistency.counties).toHaveLength(18);
    const county = (name: string) => consistency.counties.find((c: any) => c.countyName === name);
    expect(county('南木林县')).toMatchObject({ verdict: 'INCONSISTENT' });
    expect(county('南木林县').findings.map((x: any) => x.rule)).toContain('ALTERNATING');
    expect(county('定日县').findings.map((x: any) => x.rule)).toEqual(expect.arrayContaining(['MISSED_REPORTS', 'BURSTY_REPORTING']));
    expect(county('江孜县')).toMatchObject({ verdict: 'CONSISTENT', findings: [], missedMonths: [] });
  });

  it('unit-assessments-2026 ranks the 18 counties by total, the laggards last', async () => {
    const { unitAssessments: u } = await get('unit-assessments-2026.graphql');
    expect(u.entries).toHaveLength(18);
    expect(u.entries.map((e: any) => e.rank)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    const totals = u.entries.map((e: any) => e.total);
    expect([...totals].sort((a: number, b: number) => b - a)).toEqual(totals);
    expect(u.entries.slice(-2).map((e: any) => e.unitName).sort()).toEqual(['仲巴县', '昂仁县']);
    expect(u.tierCounts.reduce((s: number, t: any) => s + t.count, 0)).toBe(18);
  });
});
