import type { DataSource, EntityManager } from 'typeorm';
import { workContext, type Context } from '../../common/context.js';
import { monthEnd, parsePeriod, today } from '../../common/dates.js';
import { errors } from '../../common/errors.js';
import { translate, type MessageKey } from '../../common/i18n.js';
import { listPage, ScopedQuery } from '../../common/query/list.js';
import { Role } from '../../common/scope.js';
import { inTransaction } from '../../common/transaction.js';
import { MAX_IN } from '../../common/query/where.js';
import { countyResource } from '../hierarchy/county.service.js';
import { policyService, type PolicyValues } from '../policy/policy.service.js';
import { ReviewStatus } from '../targets/progress-report.entity.js';
import { Target } from '../targets/target.entity.js';
import { targetResource } from '../targets/target.service.js';
import { builtMonths, COMPLETE, targetMetricsSql, withoutStatementLimit } from '../targets/target-metrics.js';
import { ConsistencyMonth as ConsistencyMonthRow } from './consistency-month.entity.js';
import { ConsistencyRule, ConsistencyVerdict, type ConsistencyFinding, type ConsistencyMonth, type ConsistencyReport, type CountyConsistency } from './consistency.types.js';

const num = (v: unknown) => Number(v ?? 0);
const dateText = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const MAX_MONTHS = 36;
/** Leaf ids passed to the metrics of all months together: far below SQLite's 32 766 and MySQL's 65 535 parameters. */
const MAX_LEAF_PARAMETERS = 12_000;

interface Month {
  label: string;
  start: string;
  end: string;
}

/** The months from `from` to `to` (YYYY-MM, or a year or quarter) that have ended. */
function monthsOf(from: string, to: string): Month[] {
  const a = parsePeriod(from);
  const b = parsePeriod(to);
  if (!a || !b || a.from > b.to) throw errors.badInput('from', 'badMonthRange');
  const months: Month[] = [];
  let [y, m] = [Number(a.from.slice(0, 4)), Number(a.from.slice(5, 7))];
  const now = today();
  for (;;) {
    const label = `${y}-${String(m).padStart(2, '0')}`;
    if (`${label}-01` > b.to) break;
    if (months.length >= MAX_MONTHS) throw errors.badInput('to', 'badMonthRange');
    const end = monthEnd(label);
    if (end < now) months.push({ label, start: `${label}-01`, end });
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const stdDev = (xs: number[]) => {
  const mu = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - mu) ** 2, 0) / xs.length);
};

export const consistencyService = {
  /**
   * docs/rules.md, "Consistency": per county the monthly schedule score as of each month's end
   * (one statement: the target metrics once per month, UNION ALL, grouped by month and
   * county), and the reporting against what was due (a second statement); the rules run on
   * those aggregates.
   */
  async consistency(ctx: Context, from: string, to: string, countyIds: string[] | null | undefined): Promise<ConsistencyReport> {
    const months = monthsOf(from, to);
    if (countyIds && countyIds.length > MAX_IN) throw errors.badInput('countyIds', 'tooManyValues', { max: MAX_IN, count: countyIds.length });
    const ids = countyIds?.map((id) => {
      if (!/^\d{1,15}$/.test(id)) throw errors.badInput('countyIds', 'badId', { value: id });
      return Number(id);
    });
    const db = ctx.db.manager;
    const policy = await policyService.current(db);
    // A county user analyses its own county; everyone else the counties of the region.
    const countyFilter = {
      ...(ids ? { id: { in: ids.map(String) } } : {}),
      ...(ctx.scope.level === 'COUNTY' ? { and: [{ id: { eq: String(ctx.scope.countyId) } }] } : {}),
      ...(ctx.scope.level === 'ALL' && ctx.principal?.regionId != null ? { regionId: { eq: String(ctx.principal.regionId) } } : {}),
    };
    const counties = (await listPage(ctx, countyResource, { limit: 500, filter: countyFilter, orderBy: [{ field: 'CODE', direction: 'ASC' as never }] }, { aggregate: true })).items;
    if (months.length === 0 || counties.length === 0) return { months: months.map((m) => m.label), counties: [] };
    const countyList = counties.map((c) => c.id);

    // Closed months whose figures are kept (consistency_month) are read; the others computed.
    const facts = await storedFacts(db, months, countyList);
    const missing = months.filter((m) => !facts.complete.has(m.label));
    if (missing.length) {
      const live = await computeFacts(ctx, db, missing, countyList);
      for (const [k, v] of live) facts.rows.set(k, v);
    }
    return {
      months: months.map((m) => m.label),
      counties: counties.map((c) =>
        analyse(
          ctx,
          policy,
          c.id,
          c.name,
          months.map((m) => ({ month: m.label, score: facts.rows.get(`${c.id}/${m.label}`)?.score, report: facts.rows.get(`${c.id}/${m.label}`)?.report })),
        ),
      ),
    };
  },
};

/** The kept figures of these months and counties; a month is complete when every county has its row. */
async function storedFacts(db: EntityManager, months: Month[], countyList: number[]): Promise<{ rows: Facts; complete: Set<string> }> {
  const rows: Facts = new Map();
  const complete = new Set<string>();
  // Only months whose snapshot this process knows to be built count (one statement whatever the range).
  const built = months.filter((m) => builtMonths(db).has(m.label));
  const kept = await db
    .createQueryBuilder(ConsistencyMonthRow, 'k')
    .where('k.month IN (:...months) AND k.countyId IN (:...counties)', { months: months.map((m) => m.label), counties: countyList })
    .getMany();
  const perMonth = new Map<string, number>();
  for (const k of kept) {
    if (!builtMonths(db).has(k.month)) continue;
    perMonth.set(k.month, (perMonth.get(k.month) ?? 0) + 1);
    rows.set(`${k.countyId}/${k.month}`, {
      score: k.shortfall == null ? undefined : { targets: k.targets, shortfall: k.shortfall },
      report: { due: k.due, reported: k.reported, reports: k.reports },
    });
  }
  for (const m of built) if (perMonth.get(m.label) === countyList.length) complete.add(m.label);
  return { rows, complete };
}

const GENERATION = 'facts';

/** Months whose snapshot is built but whose consistency figures are not kept (yet, or any more). */
export async function monthsWithoutFacts(db: EntityManager): Promise<string[]> {
  const built = [...builtMonths(db)];
  if (!built.length) return [];
  const esc = (n: string) => db.connection.driver.escape(n);
  const [counties] = await db.query(`SELECT COUNT(*) AS ${esc('n')} FROM ${esc('county')} WHERE ${esc('deletedAt')} IS NULL`);
  const kept: { month: string; n: number | string }[] = await db.query(
    `SELECT ${esc('month')} AS ${esc('month')}, COUNT(*) AS ${esc('n')} FROM ${esc('consistency_month')} GROUP BY ${esc('month')}`,
  );
  const have = new Map(kept.map((k) => [k.month, Number(k.n)]));
  return built.filter((m) => (have.get(m) ?? 0) < Number(counties.n)).sort().reverse();
}

/**
 * Computes and keeps one closed month's consistency figures for every county, in the
 * background: computed outside any lock (read committed, no statement time limit), stored
 * only when no change reached back into the kept months meanwhile (the generation counter).
 */
export async function buildConsistencyMonth(dataSource: DataSource, month: string): Promise<boolean> {
  const esc = (n: string) => dataSource.driver.escape(n);
  const generation = async (db: EntityManager, lock: boolean) => {
    const rows: { generation: number }[] = await db.query(
      `SELECT ${esc('generation')} AS ${esc('generation')} FROM ${esc('consistency_month_state')} WHERE ${esc('name')} = ?${lock && dataSource.options.type !== 'better-sqlite3' ? ' FOR UPDATE' : ''}`,
      [GENERATION],
    );
    return rows[0] ? Number(rows[0].generation) : 0;
  };
  const before = await generation(dataSource.manager, false);
  const system = workContext(dataSource, { userId: 0, username: 'system', role: Role.ADMIN, regionId: null, countyId: null }, `consistency-${month}`);
  const counties: { id: number | string }[] = await dataSource.query(`SELECT ${esc('id')} AS ${esc('id')} FROM ${esc('county')} WHERE ${esc('deletedAt')} IS NULL`);
  const countyList = counties.map((c) => Number(c.id));
  if (!countyList.length) return false;
  const m: Month = { label: month, start: `${month}-01`, end: monthEnd(month) };
  const facts = await inTransaction(dataSource, (db) => withoutStatementLimit(db, () => computeFacts(system, db, [m], countyList)), 'READ COMMITTED');
  return inTransaction(dataSource, async (db) => {
    if ((await generation(db, true)) !== before) return false; // a change reached back meanwhile: built again later
    await db.query(`DELETE FROM ${esc('consistency_month')} WHERE ${esc('month')} = ?`, [month]);
    const rows = countyList.map((countyId) => {
      const f = facts.get(`${countyId}/${month}`);
      return {
        month,
        countyId,
        targets: num(f?.score?.targets),
        shortfall: f?.score ? num(f.score.shortfall) : null,
        due: num(f?.report?.due),
        reported: num(f?.report?.reported),
        reports: num(f?.report?.reports),
      };
    });
    await db.insert(ConsistencyMonthRow, rows);
    return true;
  });
}

type Facts = Map<string, { score?: Record<string, unknown>; report?: Record<string, unknown> }>;

/**
 * The schedule score's inputs and the reporting of the given counties in the given months,
 * computed: one statement for the scores (the target metrics once per month, UNION ALL,
 * grouped by month and county) and one for the reporting against what was due. Keyed
 * `countyId/month`.
 */
async function computeFacts(ctx: Context, db: EntityManager, months: Month[], countyList: number[]): Promise<Facts> {

    const own = (q: ScopedQuery<Target>) => {
      q.where(`${q.sql.col('countyId')} IN ${q.sql.list(countyList)}`);
      q.where(`NOT EXISTS (SELECT 1 FROM ${q.sql.table(Target)} ${q.sql.esc('pt')} WHERE ${q.sql.col('id', 'pt')} = ${q.sql.col('parentId')} AND ${q.sql.col('countyId', 'pt')} = ${q.sql.col('countyId')})`);
    };
    const [first, last] = [months[0], months[months.length - 1]];

    // 0. The trees the counties' own targets of the range belong to, with when they are in
    // play: each month's figures read only the reports of its trees.
    const tq = new ScopedQuery(ctx, targetResource, db, { aggregate: true });
    own(tq);
    tq.where(`${tq.sql.col('startDate')} <= ${tq.sql.param(last.end)} AND ${tq.sql.col('deadline')} >= ${tq.sql.param(first.start)}`);
    const trees = (
      await tq
        .builder()
        .select(tq.sql.col('rootId'), 'rootId')
        .addSelect(`MIN(${tq.sql.col('startDate')})`, 'startDate')
        .addSelect(`MAX(${tq.sql.col('deadline')})`, 'deadline')
        .groupBy(tq.sql.col('rootId'))
        .getRawMany()
    ).map((t) => ({ rootId: num(t.rootId), startDate: dateText(t.startDate), deadline: dateText(t.deadline) }));
    const treesOf = (m: Month) => trees.filter((t) => t.startDate <= m.end && t.deadline >= m.start).map((t) => t.rootId);
    // Their leaves, whose reports are the only ones read (while the lists stay well within the
    // databases' parameter limits; beyond that a month reads every report up to its end).
    const lq = new ScopedQuery(ctx, targetResource, db, { aggregate: true });
    lq.where(`${lq.sql.col('isLeaf')} = 1 AND ${lq.sql.col('rootId')} IN ${lq.sql.list(trees.length ? trees.map((t) => t.rootId) : [0])}`);
    const leavesByTree = new Map<number, number[]>();
    for (const l of await lq.builder().select(lq.sql.col('id'), 'id').addSelect(lq.sql.col('rootId'), 'rootId').getRawMany()) {
      const list = leavesByTree.get(num(l.rootId)) ?? [];
      list.push(num(l.id));
      leavesByTree.set(num(l.rootId), list);
    }
    const leafBudget = Math.floor(MAX_LEAF_PARAMETERS / months.length);
    const leavesOf = (roots: number[]) => {
      const ids = roots.flatMap((r) => leavesByTree.get(r) ?? []);
      return ids.length <= leafBudget ? ids : undefined;
    };

    // 1. Schedule score per county and month: the target metrics as of each month's end.
    const sq = new ScopedQuery(ctx, targetResource, db, { aggregate: true });
    const s = sq.sql;
    const a = (c: string) => s.col(c, 'a');
    const perMonth = months
      .map((m, i) => ({ m, i, roots: treesOf(m) }))
      .filter(({ roots }) => roots.length > 0)
      .map(({ m, i, roots }) => {
        const restrict = `${a('countyId')} IN ${s.list(countyList)} AND ${a('startDate')} <= ${s.param(m.end)} AND ${a('deadline')} >= ${s.param(m.start)}`;
        return `SELECT ${s.param(m.label)} AS ${s.esc('month')}, ${s.col('targetId', `mt${i}`)} AS ${s.esc('targetId')}, ${s.col('elapsed', `mt${i}`)} AS ${s.esc('elapsed')}, ${s.col('progress', `mt${i}`)} AS ${s.esc('progress')}, ${s.param(m.start)} AS ${s.esc('monthStart')}, ${s.param(m.end)} AS ${s.esc('monthEnd')}
          FROM (${targetMetricsSql(s, m.end, restrict, { roots, targetIds: leavesOf(roots) })}) ${s.esc(`mt${i}`)}`;
      })
      .join(' UNION ALL ');
    own(sq);
    const mm = (c: string) => s.col(c, 'mm');
    sq.where(`${s.col('startDate')} <= ${mm('monthEnd')} AND ${s.col('deadline')} >= ${mm('monthStart')}`);
    const shortfall = `CASE WHEN ${mm('elapsed')} - ${mm('progress')} > 0 THEN ${mm('elapsed')} - ${mm('progress')} ELSE 0 END`;
    const scoreRows = perMonth
      ? await sq
          .builder()
          .innerJoin(`(${perMonth})`, 'mm', `${mm('targetId')} = ${s.col('id')}`)
          .setParameters(s.params)
          .select(mm('month'), 'month')
          .addSelect(s.col('countyId'), 'countyId')
          .addSelect('COUNT(*)', 'targets')
          .addSelect(`AVG(${shortfall})`, 'shortfall')
          .groupBy(mm('month'))
          .addGroupBy(s.col('countyId'))
          .getRawMany()
      : [];

    // 2. Reporting: the leaves due to report in each month (in play, not reported complete
    // before it) and how many did, from the month's reports counted per leaf and each leaf's
    // first report of completion — two passes over the reports, whatever the number of months.
    const rq = new ScopedQuery(ctx, targetResource, db, { aggregate: true });
    const rs = rq.sql;
    const R = rs.esc('progress_report');
    const mo = (c: string) => rs.col(c, 'mo');
    const r = (c: string) => rs.col(c, 'r');
    const x = (c: string) => rs.col(c);
    const monthTable = months
      .map((m) => `SELECT ${rs.param(m.label)} AS ${rs.esc('month')}, ${rs.param(m.start)} AS ${rs.esc('monthStart')}, ${rs.param(m.end)} AS ${rs.esc('monthEnd')}`)
      .join(' UNION ALL ');
    const countyLeaves = `SELECT ${rs.col('id', 'cl')} FROM ${rs.table(Target)} ${rs.esc('cl')} WHERE ${rs.col('isLeaf', 'cl')} = 1 AND ${rs.col('countyId', 'cl')} IN ${rs.list(countyList)}`;
    const perLeafMonth = `SELECT ${r('targetId')} AS ${rs.esc('targetId')}, ${mo('month')} AS ${rs.esc('month')}, COUNT(*) AS ${rs.esc('reports')}
      FROM ${R} ${rs.esc('r')} JOIN (${monthTable}) ${rs.esc('mo')} ON ${r('reportedOn')} >= ${mo('monthStart')} AND ${r('reportedOn')} <= ${mo('monthEnd')}
      WHERE ${r('deletedAt')} IS NULL AND ${r('targetId')} IN (${countyLeaves})
      GROUP BY ${r('targetId')}, ${mo('month')}`;
    const ft = (c: string) => rs.col(c, 'ft');
    const reachesOne = `(CASE WHEN ${ft('kind')} = 'QUANTITATIVE' THEN
        (CASE WHEN ${ft('targetValue')} = COALESCE(${ft('baseline')}, 0) THEN (CASE WHEN ${r('actualValue')} = ${ft('targetValue')} THEN 1 ELSE 0 END)
              WHEN (${r('actualValue')} - COALESCE(${ft('baseline')}, 0)) / (${ft('targetValue')} - COALESCE(${ft('baseline')}, 0)) >= ${COMPLETE} THEN 1 ELSE 0 END)
      ELSE (CASE WHEN ${r('percentComplete')} / 100 >= ${COMPLETE} THEN 1 ELSE 0 END) END) = 1`;
    const firstDone = `SELECT ${r('targetId')} AS ${rs.esc('targetId')}, MIN(${r('reportedOn')}) AS ${rs.esc('doneOn')}
      FROM ${R} ${rs.esc('r')} JOIN ${rs.table(Target)} ${rs.esc('ft')} ON ${ft('id')} = ${r('targetId')}
      WHERE ${r('deletedAt')} IS NULL AND ${r('status')} <> ${rs.param(ReviewStatus.REJECTED)} AND ${r('reportedOn')} < ${rs.param(last.start)}
        AND ${ft('isLeaf')} = 1 AND ${ft('countyId')} IN ${rs.list(countyList)} AND ${reachesOne}
      GROUP BY ${r('targetId')}`;
    rq.where(`${x('isLeaf')} = 1 AND ${x('countyId')} IN ${rs.list(countyList)}`);
    rq.where(`${x('startDate')} <= ${mo('monthEnd')} AND ${x('deadline')} >= ${mo('monthStart')}`);
    rq.where(`(${rs.col('doneOn', 'fd')} IS NULL OR ${rs.col('doneOn', 'fd')} >= ${mo('monthStart')})`);
    const reportRows = await rq
      .builder()
      .innerJoin(`(${monthTable})`, 'mo', '1 = 1')
      .leftJoin(`(${firstDone})`, 'fd', `${rs.col('targetId', 'fd')} = ${x('id')}`)
      .leftJoin(`(${perLeafMonth})`, 'lm', `${rs.col('targetId', 'lm')} = ${x('id')} AND ${rs.col('month', 'lm')} = ${mo('month')}`)
      .setParameters(rs.params)
      .select(mo('month'), 'month')
      .addSelect(x('countyId'), 'countyId')
      .addSelect('COUNT(*)', 'due')
      .addSelect(`SUM(CASE WHEN ${rs.col('reports', 'lm')} > 0 THEN 1 ELSE 0 END)`, 'reported')
      .addSelect(`SUM(COALESCE(${rs.col('reports', 'lm')}, 0))`, 'reports')
      .groupBy(mo('month'))
      .addGroupBy(x('countyId'))
      .getRawMany();

    const key = (row: { month: unknown; countyId: unknown }) => `${num(row.countyId)}/${String(row.month)}`;
    const facts: Facts = new Map();
    for (const row of scoreRows) facts.set(key(row), { score: row });
    for (const row of reportRows) facts.set(key(row), { ...facts.get(key(row)), report: row });
    return facts;
}

function analyse(ctx: Context, policy: PolicyValues, countyId: number, countyName: string, rows: { month: string; score?: Record<string, unknown>; report?: Record<string, unknown> }[]): CountyConsistency {
  const t = (k: MessageKey, p: Record<string, string | number>) => translate(k, p, ctx.lang);
  const tol = policy.consistencyNoiseTolerance;
  const months: ConsistencyMonth[] = rows.map((row) => {
    const due = num(row.report?.due);
    const reported = num(row.report?.reported);
    return {
      month: row.month,
      scheduleScore: row.score ? r6(1 - num(row.score.shortfall)) : null,
      targets: num(row.score?.targets),
      change: null,
      due,
      reported,
      reports: num(row.report?.reports),
      missed: due > 0 && reported / due < policy.consistencyReportShare - 1e-9,
    };
  });
  const series = months.filter((m) => m.scheduleScore !== null);
  for (let i = 1; i < series.length; i++) series[i].change = r6(series[i].scheduleScore! - series[i - 1].scheduleScore!);
  const values = series.map((m) => m.scheduleScore!);
  const findings: ConsistencyFinding[] = [];
  const list = (ms: string[]) => ms.join(ctx.lang === 'en' ? ', ' : '、');

  let mu: number | null = null;
  let sigma: number | null = null;
  let reversals = 0;
  if (values.length > 0) {
    mu = mean(values);
    sigma = stdDev(values);
    const m = mu;
    const s = sigma;
    // Moves within the noise tolerance are not moves: a steady county's wobble is no reversal.
    const direction = series.map((p) => (p.change === null || Math.abs(p.change) <= tol + 1e-12 ? 0 : Math.sign(p.change)));
    const moves = direction.filter((d) => d !== 0);
    for (let i = 1; i < moves.length; i++) if (moves[i] !== moves[i - 1]) reversals++;

    // Western Electric rule 2 / Nelson rule 5: two of three months in a row beyond kσ on the same side.
    const beyondSide = series.map((p) => {
      const d = p.scheduleScore! - m;
      return Math.abs(d) > policy.consistencySigma * s + 1e-12 && Math.abs(d) > tol ? Math.sign(d) : 0;
    });
    const beyond = new Set<number>();
    for (let i = 0; i + 2 < series.length || (i === 0 && series.length === 2); i++) {
      const window = [i, i + 1, i + 2].filter((j) => j < series.length);
      for (const sideOf of [1, -1]) {
        const hits = window.filter((j) => beyondSide[j] === sideOf);
        if (hits.length >= 2) hits.forEach((j) => beyond.add(j));
      }
    }
    if (beyond.size) {
      const ms = [...beyond].sort((p, q) => p - q).map((j) => series[j].month);
      findings.push({ rule: ConsistencyRule.BEYOND_SIGMA, months: ms, description: t('consistencyBEYOND_SIGMA', { months: list(ms), k: policy.consistencySigma }) });
    }

    // 时好时坏 (Nelson rule 4 for a short monthly series): the direction of the moves beyond the
    // noise tolerance keeps reversing; the months listed are those where it reversed.
    if (reversals >= policy.consistencyReversals) {
      const ms: string[] = [];
      let last = 0;
      series.forEach((p, j) => {
        if (direction[j] === 0) return;
        if (last !== 0 && direction[j] !== last) ms.push(p.month);
        last = direction[j];
      });
      findings.push({ rule: ConsistencyRule.ALTERNATING, months: ms, description: t('consistencyALTERNATING', { n: reversals, months: list(ms) }) });
    }

    const side = series.map((p) => (Math.abs(p.scheduleScore! - m) <= tol ? 0 : Math.sign(p.scheduleScore! - m)));
    const sameRun = longestSameSide(side);
    if (sameRun && sameRun[1] - sameRun[0] + 1 >= policy.consistencySameSideRun) {
      const ms = series.slice(sameRun[0], sameRun[1] + 1).map((p) => p.month);
      findings.push({ rule: ConsistencyRule.SAME_SIDE_RUN, months: ms, description: t('consistencySAME_SIDE_RUN', { n: ms.length, months: list(ms) }) });
    }
  }

  const missedMonths = months.filter((m) => m.missed).map((m) => m.month);
  if (missedMonths.length >= policy.consistencyMissedMonths) {
    findings.push({
      rule: ConsistencyRule.MISSED_REPORTS,
      months: missedMonths,
      description: t('consistencyMISSED_REPORTS', { n: missedMonths.length, share: `${Math.round(policy.consistencyReportShare * 100)}%`, months: list(missedMonths) }),
    });
  }
  const rates = months.filter((m) => m.due > 0).map((m) => m.reported / m.due);
  let burstiness: number | null = null;
  if (rates.length >= 2) {
    const rm = mean(rates);
    const rsd = stdDev(rates);
    burstiness = rm + rsd > 0 ? r6((rsd - rm) / (rsd + rm)) : null;
    if (burstiness !== null && burstiness >= policy.consistencyBurstiness - 1e-9) {
      const active = months.filter((m) => m.reported > 0).map((m) => m.month);
      findings.push({ rule: ConsistencyRule.BURSTY_REPORTING, months: active, description: t('consistencyBURSTY_REPORTING', { b: burstiness.toFixed(2), threshold: policy.consistencyBurstiness, months: list(active) }) });
    }
  }

  return {
    countyId,
    countyName,
    months,
    mean: mu === null ? null : r6(mu),
    standardDeviation: sigma === null ? null : r6(sigma),
    reversals,
    missedMonths,
    burstiness,
    verdict: findings.length ? ConsistencyVerdict.INCONSISTENT : ConsistencyVerdict.CONSISTENT,
    findings,
  };
}

/** The longest run of equal non-zero sides, as [first, last]. */
function longestSameSide(side: number[]): [number, number] | null {
  let best: [number, number] | null = null;
  let start = 0;
  for (let i = 0; i < side.length; i++) {
    if (i > 0 && side[i] !== side[i - 1]) start = i;
    if (side[i] !== 0 && (!best || i - start > best[1] - best[0])) best = [start, i];
  }
  return best;
}
