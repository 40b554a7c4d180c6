import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuerySql } from '../../server/src/common/query/sql.js';
import { builtMonths, loadStoredDay, recentClosedMonths, storedDay, targetMetricsSql, toMetrics } from '../../server/src/modules/targets/target-metrics.js';
import { monthEnd } from '../../server/src/common/dates.js';
import { startServer, type TestServer } from '../helpers/server.js';

/**
 * The maintained figures of today (target_metric, kept in every write transaction) must equal
 * what the reports give when computed from scratch, after any mix of changes.
 */
let server: TestServer;
let regional: string;
let admin: string;

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T,>(xs: T[]) => xs[Math.floor(next() * xs.length)] };
}

async function compare(asOf: string, snapshot: 'stored' | 'month' = 'stored'): Promise<{ stored: unknown[]; computed: unknown[] }> {
  const db = server.app.db.manager;
  const run = async (source: 'stored' | 'month' | 'reports', claimed: boolean) => {
    const sql = new QuerySql(db, 'a');
    const rows = await sql.run(targetMetricsSql(sql, asOf, undefined, { source, claimed }));
    return rows.map(toMetrics).sort((x, y) => x.targetId - y.targetId);
  };
  const [stored, computed, storedClaim, computedClaim] = await Promise.all([run(snapshot, false), run('reports', false), run(snapshot, true), run('reports', true)]);
  return { stored: [...stored, ...storedClaim.map((m) => m.progress)], computed: [...computed, ...computedClaim.map((m) => m.progress)] };
}

/**
 * The rows of the stored figures that do not stand for a live target with its region and county:
 * none may exist, and every live target has its row (today's, and each built month's), so a
 * query reading the figures alone counts what the join of the targets counts.
 */
async function mirrorMismatches(month?: string): Promise<number> {
  const db = server.app.db.manager;
  const e = (n: string) => db.connection.driver.escape(n);
  const table = e(month ? 'target_metric_month' : 'target_metric');
  const ofMonth = month ? ` AND ${e('m')}.${e('month')} = '${month}'` : '';
  const [stray] = await db.query(
    `SELECT COUNT(*) AS ${e('n')} FROM ${table} ${e('m')} LEFT JOIN ${e('target')} ${e('t')} ON ${e('t')}.${e('id')} = ${e('m')}.${e('targetId')}
     WHERE (${e('t')}.${e('id')} IS NULL OR ${e('t')}.${e('deletedAt')} IS NOT NULL OR ${e('m')}.${e('regionId')} <> ${e('t')}.${e('regionId')}
        OR COALESCE(${e('m')}.${e('countyId')}, 0) <> COALESCE(${e('t')}.${e('countyId')}, 0))${ofMonth}`,
  );
  const [missing] = await db.query(
    `SELECT COUNT(*) AS ${e('n')} FROM ${e('target')} ${e('t')} WHERE ${e('t')}.${e('deletedAt')} IS NULL
       AND NOT EXISTS (SELECT 1 FROM ${table} ${e('m')} WHERE ${e('m')}.${e('targetId')} = ${e('t')}.${e('id')}${ofMonth})`,
  );
  return Number(stray.n) + Number(missing.n);
}

/** The statements `work` sends, as the server's SQL logger sees them. */
async function statementsOf<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const logger = server.app.db.logger;
  const original = logger.logQuery.bind(logger);
  const statements: string[] = [];
  logger.logQuery = (query: string, ...rest: unknown[]) => {
    statements.push(query);
    return (original as (...a: unknown[]) => unknown)(query, ...rest);
  };
  try {
    return { result: await work(), statements };
  } finally {
    logger.logQuery = original;
  }
}

beforeAll(async () => {
  server = await startServer();
  regional = await server.token('region');
  admin = await server.token('admin');
});
afterAll(() => server?.close());

describe('maintained figures', () => {
  it('equal a recomputation from the reports on the demo data', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const { stored, computed } = await compare(today);
    expect(stored.length).toBeGreaterThan(400);
    expect(stored).toEqual(computed);
  });

  it('equal a recomputation after a random mix of reports, reviews, withdrawals, decompositions, deletions, restores and a policy change', async () => {
    const r = rng(20261201);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    // The snapshots of the last closed months exist before the changes (the builder runs at start).
    await server.app.snapshots.runOnce();
    const months = recentClosedMonths(13);
    for (const month of months) expect(builtMonths(server.app.db.manager).has(month)).toBe(true);
    const ok = (q: string, v: Record<string, unknown> = {}, token = regional) => server.ok(q, v, { token });
    const leaves = (await ok('{ targets(filter: { isLeaf: { eq: true }, countyId: { isNull: false } }, limit: 500) { items { id kind targetValue startDate countyId } } }')).targets.items;
    const counties = (await ok('{ counties(limit: 50) { items { id code } } }')).counties.items;
    const userOf = new Map(counties.map((c: any) => [c.id, `county-${c.code}`]));
    const submitted: { id: string; version: number }[] = [];
    let done = 0;
    for (let step = 0; step < 60; step++) {
      const action = r.pick(['report', 'report', 'report', 'review', 'review', 'withdraw', 'decompose', 'deleteRestore', 'reweight']);
      const leaf = r.pick(leaves) as any;
      if (action === 'report') {
        const value = leaf.kind === 'QUANTITATIVE' ? { actualValue: Math.round(r.next() * (leaf.targetValue ?? 10) * 1.1) } : { percentComplete: r.int(0, 100) };
        const day = new Date(Math.max(Date.parse(leaf.startDate), Date.parse(today) - r.int(0, 200) * 86_400_000)).toISOString().slice(0, 10);
        const res = await server.gql('mutation($i: SubmitProgressReportInput!) { submitProgressReport(input: $i) { id version } }', { i: { targetId: leaf.id, reportedOn: day <= today ? day : today, narrative: '随机', ...value } }, { token: await server.token(userOf.get(leaf.countyId) as string) });
        if (res.data) submitted.push(res.data.submitProgressReport);
      } else if (action === 'review' && submitted.length) {
        const report = submitted.splice(r.int(0, submitted.length - 1), 1)[0];
        await server.gql('mutation($id: ID!, $v: Int!, $d: ReviewStatus!) { reviewProgressReport(id: $id, input: { version: $v, decision: $d }) { id } }', { id: report.id, v: report.version, d: r.next() < 0.8 ? 'APPROVED' : 'REJECTED' }, { token: regional });
      } else if (action === 'withdraw' && submitted.length) {
        const report = submitted.splice(r.int(0, submitted.length - 1), 1)[0];
        await server.gql('mutation($id: ID!) { deleteProgressReport(id: $id) }', { id: report.id }, { token: regional });
      } else if (action === 'decompose') {
        await server.gql('mutation($id: ID!) { createTarget(input: { parentId: $id, title: "随机子任务", targetValue: 3, proceedWithReports: true }) { id } }', { id: leaf.id }, { token: regional });
      } else if (action === 'deleteRestore') {
        const child = await server.gql('mutation($id: ID!) { createTarget(input: { parentId: $id, title: "临时子任务", targetValue: 1, proceedWithReports: true }) { id } }', { id: leaf.id }, { token: regional });
        if (child.data) {
          await ok('mutation($id: ID!) { deleteTarget(id: $id) }', { id: child.data.createTarget.id });
          if (r.next() < 0.5) await ok('mutation($id: ID!) { restoreTarget(id: $id) { id } }', { id: child.data.createTarget.id });
        }
      } else if (action === 'reweight') {
        const t = (await ok('query($id: ID!) { target(id: $id) { id version parent { id } } }', { id: leaf.id })).target;
        await server.gql('mutation($id: ID!, $v: Int!, $w: Float!) { updateTarget(id: $id, input: { version: $v, weight: $w }) { id } }', { id: t.id, v: t.version, w: r.int(1, 5) }, { token: regional });
      }
      done++;
    }
    expect(done).toBe(60);
    let { stored, computed } = await compare(today);
    expect(stored).toEqual(computed);
    expect(await mirrorMismatches()).toBe(0);
    // The month-end snapshots built before the changes were kept right by them.
    for (const month of months) {
      ({ stored, computed } = await compare(monthEnd(month), 'month'));
      expect(stored, month).toEqual(computed);
      expect(await mirrorMismatches(month), month).toBe(0);
    }

    // The counting rule changes: every figure follows, both ways.
    await ok('mutation { updateAssessmentPolicy(input: { countSubmittedReports: true }) { id } }', {}, admin);
    ({ stored, computed } = await compare(today));
    expect(stored).toEqual(computed);
    await ok('mutation { updateAssessmentPolicy(input: { countSubmittedReports: false }) { id } }', {}, admin);
    ({ stored, computed } = await compare(today));
    expect(stored).toEqual(computed);
    // The snapshots went with the old rule; built again, they follow the new one.
    expect(builtMonths(server.app.db.manager).size).toBe(0);
    await server.app.snapshots.runOnce();
    ({ stored, computed } = await compare(monthEnd(months[2]), 'month'));
    expect(stored).toEqual(computed);
  }, 120_000);

  it('keep today\'s stored status and warning right when the warning thresholds change', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const db = server.app.db.manager;
    const reds = async () => (await db.query(`SELECT COUNT(*) AS n FROM target_metric WHERE warning = 'RED'`))[0].n;
    const before = Number(await reds());
    await server.ok('mutation { updateAssessmentPolicy(input: { redGap: 0.05, yellowGap: 0.02 }) { id } }', {}, { token: admin });
    expect(Number(await reds())).toBeGreaterThan(before);
    let { stored, computed } = await compare(today);
    expect(stored).toEqual(computed);
    await server.ok('mutation { updateAssessmentPolicy(input: { redGap: 0.3, yellowGap: 0.15 }) { id } }', {}, { token: admin });
    expect(Number(await reds())).toBe(before);
    ({ stored, computed } = await compare(today));
    expect(stored).toEqual(computed);
  });

  it('are computed at query time after the day changed, until every row is recomputed for the new day', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const db = server.app.db.manager;
    const esc = (n: string) => db.connection.driver.escape(n);
    // As the table stands the morning after: rows of another day (made visibly wrong here).
    await db.query(`UPDATE ${esc('target_metric_day')} SET ${esc('day')} = '2000-01-01'`);
    await db.query(`UPDATE ${esc('target_metric')} SET ${esc('status')} = 'NOT_STARTED', ${esc('warning')} = 'GREEN', ${esc('elapsed')} = 0, ${esc('daysLeft')} = 0`);
    expect(await loadStoredDay(db)).toBe('2000-01-01');
    let { stored, computed } = await compare(today);
    expect(stored).toEqual(computed); // not read from the stale rows
    const api = await server.ok('{ targetStats(groupBy: [WARNING]) { warning count } }', {}, { token: regional });
    expect(api.targetStats.some((r: { warning: string }) => r.warning === 'RED')).toBe(true);
    await server.app.snapshots.turnDay();
    expect(storedDay(db)).toBe(today);
    const red = (await db.query(`SELECT COUNT(*) AS n FROM target_metric WHERE warning = 'RED'`))[0].n;
    expect(Number(red)).toBeGreaterThan(0);
    ({ stored, computed } = await compare(today));
    expect(stored).toEqual(computed);
    const again = await server.ok('{ targetStats(groupBy: [WARNING]) { warning count } }', {}, { token: regional });
    expect(again).toEqual(api);
  });

  it('answer region-wide aggregates from the stored figures alone, as the join of the targets does', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await server.app.snapshots.runOnce();
    const monthBack = monthEnd(recentClosedMonths(13)[5]);
    expect(builtMonths(server.app.db.manager).has(monthBack.slice(0, 7))).toBe(true);
    const e = (n: string) => server.app.db.manager.connection.driver.escape(n);
    const readsTargets = (statements: string[]) => statements.some((q) => q.includes(`FROM ${e('target')} ${e('x')}`));
    const stats = `query($d: LocalDate!, $f: TargetFilter) { targetStats(groupBy: [COUNTY, WARNING, STATUS], asOf: $d, filter: $f) { countyId countyName warning status count meanProgress completed overdue red yellow green } }`;
    const totals = `query($d: LocalDate!, $f: TargetFilter!) {
      red: targets(filter: { and: [{ warning: { eq: RED } }, $f] }, asOf: $d, limit: 1) { total }
      open: targets(filter: { and: [{ status: { in: [IN_PROGRESS, OVERDUE] } }, $f] }, asOf: $d, orderBy: [{ field: PROGRESS }], limit: 1) { total }
    }`;
    // A filter that keeps every target but names a column the stored figures do not hold: the join.
    const everyTitle = { title: { contains: '' } };
    for (const asOf of [today, monthBack]) {
      for (const [query, user] of [[stats, 'analyst'], [totals, 'region']] as const) {
        const token = await server.token(user);
        const alone = await statementsOf(() => server.ok(query, { d: asOf, f: {} }, { token }));
        const joined = await statementsOf(() => server.ok(query, { d: asOf, f: everyTitle }, { token }));
        expect(readsTargets(joined.statements), `${asOf} joined`).toBe(true);
        expect(alone.result, asOf).toEqual(joined.result);
        if (query === stats) {
          expect(readsTargets(alone.statements), `${asOf} alone`).toBe(false);
          expect((alone.result as { targetStats: unknown[] }).targetStats.length).toBeGreaterThan(10);
        } else {
          // The pages read the targets; their totals read the figures alone.
          expect(alone.statements.filter((q) => q.includes('COUNT(*)') && !q.includes(`FROM ${e('target')} ${e('x')}`)).length, asOf).toBe(2);
        }
      }
    }
    // A county's scope names more than the region and county: its aggregates join the targets, with the same answers.
    const county = await server.token('county-540222');
    const own = await statementsOf(() => server.ok(stats, { d: today, f: {} }, { token: county }));
    expect(readsTargets(own.statements)).toBe(true);
    expect((own.result as { targetStats: { countyName: string }[] }).targetStats.every((r) => r.countyName === '江孜县' || r.countyName == null)).toBe(true);
  });
});
