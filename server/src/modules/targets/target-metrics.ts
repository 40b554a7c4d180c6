import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../common/transaction.js';
import { monthEnd, today } from '../../common/dates.js';
import { QuerySql } from '../../common/query/sql.js';
import { DEFAULT_POLICY } from '../policy/assessment-policy.entity.js';
import { ReviewStatus } from './progress-report.entity.js';
import { TargetStatus, WarningLevel } from './target.entity.js';

/** Progress at or above this counts as complete (shares are floating-point products). */
export const COMPLETE = 0.999999;
/** Thresholds are compared with this slack, so 0.7 − 0.4 counts as reaching 0.30. */
const EPSILON = 1e-9;

/**
 * The SQL of rules in docs/rules.md ("Progress", "Status and warning"), as one derived table with a
 * row per live target: `targetId, progress, completedOn, reported, elapsed, daysLeft,
 * status, warning`, as of `asOf`. Lists join it to filter and sort, computed fields read it
 * for a page of ids, analytics group over it: the rules live here once, in SQL.
 *
 * - p(leaf): the latest counted report on or before asOf — quantitative
 *   (actual − baseline) / (target − baseline), qualitative percent / 100 — clamped to 0..1;
 *   no report counts as 0.
 * - p(node) = Σ share(leaf)·p(leaf) over the leaves below it / share(node), which is the
 *   weight-weighted mean of its children applied recursively (`share` is kept by the service).
 * - completedOn(leaf): the first report of the latest unbroken run at p = 1 (none when the
 *   latest report is below 1);
 *   completedOn(node): the last of its leaves' completions.
 *
 * A counted report is an APPROVED one; with the policy's `countSubmittedReports` a SUBMITTED
 * one counts too. With `claimed`, every report that was not rejected counts: what the
 * reporting side says (`reportedProgress`), reviewed or not.
 *
 * `restrict` (a predicate on alias `a`) limits the targets computed, e.g. to a page of ids.
 */
export interface MetricsOptions {
  /** Progress as claimed (every report not rejected) instead of the official one. */
  claimed?: boolean;
  /**
   * Where the progress comes from: `reports` computes it from the reports dated up to asOf;
   * `stored` reads the maintained current figures (target_metric); `auto` (default) reads
   * them when asOf is today or later — no report is dated after today —, the month-end
   * snapshot when asOf is the last day of a closed month whose snapshot is built, and computes
   * otherwise.
   */
  source?: 'auto' | 'reports' | 'stored' | 'month';
  /** With `reports`: only the leaves of these trees are read … */
  roots?: readonly number[];
  /** … and only the reports of these targets (the trees' ids). */
  targetIds?: readonly number[];
}

export function targetMetricsSql(sql: QuerySql, asOf: string, restrict?: string, opts: MetricsOptions = {}): string {
  const source = opts.source ?? 'auto';
  const now = today();
  if (source === 'stored' || (source === 'auto' && asOf >= now)) {
    // Today's status and warning are stored while their day is today; any other day is computed from the stored progress.
    if (!opts.claimed && asOf === now && storedDay(sql.db) === now) return storedFiguresSql(sql, restrict);
    return statusSql(sql, asOf, storedProgressSql(sql, restrict, opts));
  }
  const month = closedMonthOf(asOf);
  if (source === 'month' || (source === 'auto' && month && builtMonths(sql.db).has(month))) {
    if (!month) throw new Error(`${asOf} is not the end of a closed month`);
    return opts.claimed ? statusSql(sql, asOf, storedProgressSql(sql, restrict, opts, month)) : storedFiguresSql(sql, restrict, month);
  }
  return statusSql(sql, asOf, reportProgressSql(sql, asOf, restrict, opts));
}

/** `2026-10` when `asOf` is 2026-10-31 and that month has ended; else null. */
export function closedMonthOf(asOf: string): string | null {
  const month = asOf.slice(0, 7);
  return /^\d{4}-\d{2}-\d{2}$/.test(asOf) && monthEnd(month) === asOf && asOf < today() ? month : null;
}

/** Rolled-up progress per target from the maintained figures (today's, or a month's snapshot): no report is read. */
function storedProgressSql(sql: QuerySql, restrict: string | undefined, opts: MetricsOptions, month?: string): string {
  const c = (alias: string, column: string) => sql.col(column, alias);
  const table = month ? `${sql.esc('target_metric_month')} ${sql.esc('sm')} ON ${c('sm', 'month')} = ${sql.param(month)} AND` : `${sql.esc('target_metric')} ${sql.esc('sm')} ON`;
  return `SELECT ${c('a', 'id')} AS targetId, ${c('a', 'startDate')} AS startDate, ${c('a', 'deadline')} AS deadline,
           COALESCE(${c('sm', opts.claimed ? 'claimedProgress' : 'progress')}, 0) AS progress,
           ${c('sm', 'lastCompletedOn')} AS lastCompletedOn, COALESCE(${c('sm', 'reportedLeaves')}, 0) AS reportedLeaves
    FROM ${sql.esc('target')} ${sql.esc('a')}
    LEFT JOIN ${table} ${c('sm', 'targetId')} = ${c('a', 'id')}
    WHERE ${c('a', 'deletedAt')} IS NULL${restrict ? ` AND (${restrict})` : ''}`;
}

/** Rolled-up progress per target (`targetId, startDate, deadline, progress, lastCompletedOn, reportedLeaves`) from the reports dated up to asOf. */
function reportProgressSql(sql: QuerySql, asOf: string, restrict: string | undefined, opts: MetricsOptions): string {
  const T = sql.esc('target');
  const R = sql.esc('progress_report');
  const c = (alias: string, column: string) => sql.col(column, alias);
  const date = sql.param(asOf);
  const rejected = sql.param(ReviewStatus.REJECTED);
  const approved = sql.param(ReviewStatus.APPROVED);
  const submitted = sql.param(ReviewStatus.SUBMITTED);
  const policy = (column: keyof typeof DEFAULT_POLICY) => policySql(sql, column);

  const clamp = (e: string) => `(CASE WHEN (${e}) IS NULL THEN NULL WHEN (${e}) < 0 THEN 0 WHEN (${e}) > 1 THEN 1 ELSE (${e}) END)`;
  /** p of report `r` on target `t`. */
  const reportP = (r: string, t: string) =>
    clamp(`CASE WHEN ${c(t, 'kind')} = 'QUANTITATIVE' THEN
        CASE WHEN ${c(t, 'targetValue')} = COALESCE(${c(t, 'baseline')}, 0)
             THEN (CASE WHEN ${c(r, 'actualValue')} IS NULL THEN NULL WHEN ${c(r, 'actualValue')} = ${c(t, 'targetValue')} THEN 1 ELSE 0 END)
             ELSE (${c(r, 'actualValue')} - COALESCE(${c(t, 'baseline')}, 0)) / (${c(t, 'targetValue')} - COALESCE(${c(t, 'baseline')}, 0)) END
      ELSE ${c(r, 'percentComplete')} / 100 END`);
  const countedStatus = (r: string) =>
    opts.claimed
      ? `${c(r, 'status')} <> ${rejected}`
      : `(${c(r, 'status')} = ${approved} OR (${c(r, 'status')} = ${submitted} AND ${policy('countSubmittedReports')} = 1))`;
  // The reports of the given targets only (an index range on progress_report.targetId).
  const inTrees = (r: string) => (opts.targetIds ? ` AND ${c(r, 'targetId')} IN ${sql.list(opts.targetIds.length ? [...opts.targetIds] : [0])}` : '');
  const counted = (r: string) => `${c(r, 'deletedAt')} IS NULL AND ${countedStatus(r)} AND ${c(r, 'reportedOn')} <= ${date}${inTrees(r)}`;

  // One pass over the counted reports of each leaf: its latest report (rn = 1) gives p; the
  // completion is the first report of the latest unbroken run at p = 1 — the first at 1 on or
  // after the last report below 1 — so a target that reached 1, fell back and reached 1 again
  // completed the second time.
  const ranked = `SELECT ${c('r', 'targetId')} AS targetId, ${c('r', 'reportedOn')} AS reportedOn, ${reportP('r', 'rt')} AS p,
           ROW_NUMBER() OVER (PARTITION BY ${c('r', 'targetId')} ORDER BY ${c('r', 'reportedOn')} DESC, ${c('r', 'id')} DESC) AS rn,
           MAX(CASE WHEN ${reportP('r', 'rt')} < ${COMPLETE} THEN ${c('r', 'reportedOn')} END) OVER (PARTITION BY ${c('r', 'targetId')}) AS lastBelow
    FROM ${R} ${sql.esc('r')} JOIN ${T} ${sql.esc('rt')} ON ${c('rt', 'id')} = ${c('r', 'targetId')}
    WHERE ${counted('r')}`;
  const leafReports = `SELECT ${c('x', 'targetId')} AS targetId, MAX(CASE WHEN ${c('x', 'rn')} = 1 THEN ${c('x', 'p')} END) AS p,
           MIN(CASE WHEN ${c('x', 'p')} >= ${COMPLETE} AND (${c('x', 'lastBelow')} IS NULL OR ${c('x', 'reportedOn')} >= ${c('x', 'lastBelow')}) THEN ${c('x', 'reportedOn')} END) AS completedOn
    FROM (${ranked}) ${sql.esc('x')}
    GROUP BY ${c('x', 'targetId')}`;

  const leaves = `SELECT ${c('l', 'id')} AS leafId, ${c('l', 'rootId')} AS rootId, ${c('l', 'path')} AS path, ${c('l', 'share')} AS share,
           ${c('lp', 'p')} AS p, CASE WHEN ${c('lp', 'p')} >= ${COMPLETE} THEN ${c('lp', 'completedOn')} END AS completedOn
    FROM ${T} ${sql.esc('l')}
    LEFT JOIN (${leafReports}) ${sql.esc('lp')} ON ${c('lp', 'targetId')} = ${c('l', 'id')}
    WHERE ${c('l', 'isLeaf')} = 1 AND ${c('l', 'deletedAt')} IS NULL${opts.roots?.length ? ` AND ${c('l', 'rootId')} IN ${sql.list([...opts.roots])}` : ''}`;

  const rolled = `SELECT ${c('a', 'id')} AS targetId, MAX(${c('a', 'regionId')}) AS regionId, MAX(${c('a', 'countyId')}) AS countyId,
           MAX(${c('a', 'startDate')}) AS startDate, MAX(${c('a', 'deadline')}) AS deadline,
           SUM(${c('lv', 'share')} * COALESCE(${c('lv', 'p')}, 0)) / MAX(${c('a', 'share')}) AS progress,
           MAX(${c('lv', 'completedOn')}) AS lastCompletedOn,
           COUNT(${c('lv', 'p')}) AS reportedLeaves
    FROM ${T} ${sql.esc('a')}
    JOIN (${leaves}) ${sql.esc('lv')} ON ${c('lv', 'rootId')} = ${c('a', 'rootId')} AND ${c('lv', 'path')} LIKE ${sql.concat(c('a', 'path'), "'%'")}
    WHERE ${c('a', 'deletedAt')} IS NULL${restrict ? ` AND (${restrict})` : ''}
    GROUP BY ${c('a', 'id')}`;

  return rolled;
}

/** A setting of the current policy (the newest row), read in the same statement. */
function policySql(sql: QuerySql, column: keyof typeof DEFAULT_POLICY): string {
  const c = (alias: string, col: string) => sql.col(col, alias);
  return `COALESCE((SELECT ${c('ap', column)} FROM ${sql.esc('assessment_policy')} ${sql.esc('ap')} ORDER BY ${c('ap', 'id')} DESC LIMIT 1), ${Number(DEFAULT_POLICY[column])})`;
}

/** The columns a target's day-dependent figures follow from. */
interface FigureInputs {
  startDate: string;
  deadline: string;
  progress: string;
  lastCompletedOn: string;
  reportedLeaves: string;
}

/**
 * Elapsed share, days left, status and warning as of `date` (an SQL expression), as
 * expressions over the given columns: the rules of docs/rules.md, "Status and warning".
 */
function dayFigures(sql: QuerySql, date: string, f: FigureInputs): { elapsed: string; daysLeft: string; status: string; warning: string } {
  const elapsed = `(CASE WHEN ${date} <= ${f.startDate} THEN 0 WHEN ${date} >= ${f.deadline} THEN 1
      ELSE ${sql.days(f.startDate, date)} / ${sql.days(f.startDate, f.deadline)} END)`;
  const daysLeft = sql.days(date, f.deadline);
  const status = `(CASE WHEN ${f.progress} >= ${COMPLETE}
                  THEN (CASE WHEN ${f.lastCompletedOn} <= ${f.deadline} THEN '${TargetStatus.COMPLETED}' ELSE '${TargetStatus.COMPLETED_LATE}' END)
                WHEN ${date} > ${f.deadline} THEN '${TargetStatus.OVERDUE}'
                WHEN ${f.reportedLeaves} = 0 THEN '${TargetStatus.NOT_STARTED}'
                ELSE '${TargetStatus.IN_PROGRESS}' END)`;
  return { elapsed, daysLeft, status, warning: warningSql(sql, { elapsed, daysLeft, status, progress: f.progress }) };
}

function warningSql(sql: QuerySql, f: { elapsed: string; daysLeft: string; status: string; progress: string }): string {
  const gap = `(${f.elapsed} - ${f.progress})`;
  return `(CASE WHEN ${f.status} = '${TargetStatus.OVERDUE}' OR ${gap} >= ${policySql(sql, 'redGap')} - ${EPSILON} THEN '${WarningLevel.RED}'
                WHEN ${gap} >= ${policySql(sql, 'yellowGap')} - ${EPSILON}
                  OR (${f.status} NOT IN ('${TargetStatus.COMPLETED}', '${TargetStatus.COMPLETED_LATE}') AND ${f.daysLeft} < ${policySql(sql, 'yellowDaysLeft')} AND ${f.progress} < ${policySql(sql, 'yellowMinProgress')})
                  THEN '${WarningLevel.YELLOW}'
                ELSE '${WarningLevel.GREEN}' END)`;
}

/** Status, elapsed share, days left and warning as of `asOf`, over rolled-up progress rows. */
function statusSql(sql: QuerySql, asOf: string, rolled: string): string {
  const c = (alias: string, column: string) => sql.col(column, alias);
  const m = (column: string) => c('m', column);
  const day = dayFigures(sql, sql.param(asOf), {
    startDate: m('startDate'),
    deadline: m('deadline'),
    progress: m('progress'),
    lastCompletedOn: m('lastCompletedOn'),
    reportedLeaves: m('reportedLeaves'),
  });
  // Two levels, so that the warning reads status and elapsed share as columns.
  const statused = `SELECT ${m('targetId')} AS targetId, ${m('progress')} AS progress,
           CASE WHEN ${m('progress')} >= ${COMPLETE} THEN ${m('lastCompletedOn')} END AS completedOn,
           CASE WHEN ${m('reportedLeaves')} > 0 THEN 1 ELSE 0 END AS reported,
           ${day.elapsed} AS elapsed,
           ${day.daysLeft} AS daysLeft,
           ${day.status} AS status
    FROM (${rolled}) ${sql.esc('m')}`;
  const s = (column: string) => c('s', column);
  const warning = warningSql(sql, { elapsed: s('elapsed'), daysLeft: s('daysLeft'), status: s('status'), progress: s('progress') });
  return `SELECT ${s('targetId')} AS targetId, ${s('progress')} AS progress, ${s('completedOn')} AS completedOn, ${s('reported')} AS reported,
           ${s('elapsed')} AS elapsed, ${s('daysLeft')} AS daysLeft, ${s('status')} AS status,
           ${warning} AS warning
    FROM (${statused}) ${sql.esc('s')}`;
}

/**
 * The stored figures, every column read, none computed: today's (target_metric, while its
 * day is today) or a closed month's snapshot. Joined to the targets only when `restrict`
 * (a predicate on alias `a`) asks for it, so that a filter on warning or status, or a sort
 * by progress, reads the table's indexes. `alone`: the target's own columns the table keeps
 * come first (`id`, `regionId`, `countyId`), for a query that reads the table instead of the
 * targets (`storedFiguresAloneSql`).
 */
function storedFiguresSql(sql: QuerySql, restrict: string | undefined, month?: string, alone = false): string {
  const c = (column: string) => sql.col(column, 'sm');
  const join = restrict ? ` JOIN ${sql.esc('target')} ${sql.esc('a')} ON ${sql.col('id', 'a')} = ${c('targetId')} AND ${sql.col('deletedAt', 'a')} IS NULL AND (${restrict})` : '';
  const own = alone ? `${c('targetId')} AS id, ${STORED_TARGET_COLUMNS.filter((k) => k !== 'id').map((k) => `${c(k)} AS ${k}`).join(', ')}, ` : '';
  return `SELECT ${own}${c('targetId')} AS targetId, ${c('progress')} AS progress,
           CASE WHEN ${c('progress')} >= ${COMPLETE} THEN ${c('lastCompletedOn')} END AS completedOn,
           CASE WHEN ${c('reportedLeaves')} > 0 THEN 1 ELSE 0 END AS reported,
           ${c('elapsed')} AS elapsed, ${c('daysLeft')} AS daysLeft, ${c('status')} AS status, ${c('warning')} AS warning
    FROM ${sql.esc(month ? 'target_metric_month' : 'target_metric')} ${sql.esc('sm')}${join}${month ? ` WHERE ${c('month')} = ${sql.param(month)}` : ''}`;
}

/** The columns of a target that its stored figures keep too (`id` as `targetId`). */
export const STORED_TARGET_COLUMNS: readonly string[] = ['id', 'regionId', 'countyId'];

/**
 * The figures as of `asOf` as a table that stands for the live targets on its own — one row
 * per live target, its `id`, `regionId` and `countyId` beside the derived columns — when they
 * are stored for that day (today's while its day is recorded, or a built month's end); else
 * null. The rows are the live targets because every change of a tree rewrites its rows (today's
 * and every built month's) from its live targets, and a snapshot is built from them.
 */
export function storedFiguresAloneSql(sql: QuerySql, asOf: string): string | null {
  const now = today();
  if (asOf === now) return storedDay(sql.db) === now ? storedFiguresSql(sql, undefined, undefined, true) : null;
  const month = closedMonthOf(asOf);
  return month && builtMonths(sql.db).has(month) ? storedFiguresSql(sql, undefined, month, true) : null;
}

export interface TargetMetrics {
  targetId: number;
  progress: number;
  completedOn: string | null;
  reported: boolean;
  elapsed: number;
  daysLeft: number;
  status: TargetStatus;
  warning: WarningLevel;
}

/** Rows of the derived table as numbers and strings whichever driver returned them. */
export function toMetrics(row: Record<string, unknown>): TargetMetrics {
  const completed = row.completedOn;
  return {
    targetId: Number(row.targetId),
    progress: Math.round(Number(row.progress ?? 0) * 1e6) / 1e6,
    completedOn: completed == null ? null : completed instanceof Date ? completed.toISOString().slice(0, 10) : String(completed).slice(0, 10),
    reported: Number(row.reported) === 1,
    elapsed: Math.round(Number(row.elapsed ?? 0) * 1e6) / 1e6,
    daysLeft: Number(row.daysLeft),
    status: row.status as TargetStatus,
    warning: row.warning as WarningLevel,
  };
}

/** Trees recomputed per statement when everything is. */
const REFRESH_TREES = 40;
/** How far back a snapshot's publication looks for changed trees to compute again. */
const PUBLISH_LOOKBACK_MS = 10 * 60_000;
/** Trees per short transaction of a background snapshot build. */
const BUILD_TREES = 10;

/** A date after any report: "all reports", for the maintained figures. */
const END_OF_TIME = '9999-12-31';

/**
 * Recomputes the maintained figures (target_metric) of the given trees — or of every target
 * when `roots` is omitted — from their reports, with the same SQL as the computed fields:
 * two statements, in the caller's transaction. Called by every change that can move a
 * target's progress, and by the seeds; the rebuild of everything is also the check that the
 * maintained figures are right (tests compare the two).
 */
export async function refreshTargetMetrics(db: EntityManager, roots?: readonly number[], opts: { since?: string } = {}): Promise<void> {
  if (!roots) {
    // Everything: tree by tree in groups, so each statement reads only its trees' reports.
    await db.query(`DELETE FROM ${db.connection.driver.escape('target_metric')}`);
    const day = await figuresDay(db);
    for (const group of await treeGroups(db)) await writeFigures(db, group, null);
    await recordDay(db, day);
    return;
  }
  if (roots.length === 0) return;
  await writeFigures(db, roots, null);
  // The snapshots of closed months that the change reaches back into.
  for (const month of await snapshotMonthsSince(db, opts.since ?? '0000-00')) await writeFigures(db, roots, month);
  await invalidateMonthFacts(db, opts.since ?? '0000-00');
}

/**
 * A change reaching back into closed months: the consistency figures kept for them
 * (consistency_month) are dropped from `since` on and the generation counter raised, so a
 * build running meanwhile does not store what it computed before the change.
 */
async function invalidateMonthFacts(db: EntityManager, since: string): Promise<void> {
  if (since >= today().slice(0, 7)) return; // only the running month: nothing kept is touched
  const esc = (name: string) => db.connection.driver.escape(name);
  await db.query(`DELETE FROM ${esc('consistency_month')} WHERE ${esc('month')} >= ?`, [since]);
  await db.query(`UPDATE ${esc('consistency_month_state')} SET ${esc('generation')} = ${esc('generation')} + 1 WHERE ${esc('name')} = ?`, ['facts']);
}

/** Runs `work` on this connection without the per-statement time limit (background builds; MariaDB/MySQL). */
export async function withoutStatementLimit<T>(db: EntityManager, work: () => Promise<T>): Promise<T> {
  const type = db.connection.options.type;
  if (type === 'better-sqlite3') return work();
  const variable = type === 'mariadb' ? 'max_statement_time' : 'max_execution_time';
  const [row] = await db.query(`SELECT @@SESSION.${variable} AS v`);
  await db.query(`SET SESSION ${variable} = 0`);
  try {
    return await work();
  } finally {
    await db.query(`SET SESSION ${variable} = ${Number(row.v)}`);
  }
}

/** Root ids of every tree, in groups of REFRESH_TREES. */
async function treeGroups(db: EntityManager, size = REFRESH_TREES): Promise<number[][]> {
  const esc = (name: string) => db.connection.driver.escape(name);
  const all: { rootId: number | string }[] = await db.query(`SELECT DISTINCT ${esc('rootId')} AS ${esc('rootId')} FROM ${esc('target')} ORDER BY 1`);
  const ids = all.map((r) => Number(r.rootId));
  const groups: number[][] = [];
  for (let i = 0; i < ids.length; i += size) groups.push(ids.slice(i, i + size));
  return groups;
}

/** Replaces the figures of the given trees: today's (month null) or a closed month's snapshot. */
async function writeFigures(db: EntityManager, roots: readonly number[], month: string | null, background = false): Promise<void> {
  const sql = new QuerySql(db, 'a');
  const esc = (name: string) => sql.esc(name);
  const restrict = `${sql.col('rootId', 'a')} IN ${sql.list([...roots])}`;
  const targetIds: number[] = (
    await db.query(`SELECT ${esc('id')} AS ${esc('id')} FROM ${esc('target')} WHERE ${esc('rootId')} IN (${roots.map(() => '?').join(', ')})`, [...roots])
  ).map((r: { id: number | string }) => Number(r.id));
  // Day-dependent figures as of the month's end, or of the day today's rows are kept for.
  const day = month ? monthEnd(month) : await figuresDay(db);
  const asOf = month ? monthEnd(month) : END_OF_TIME;
  const official = reportProgressSql(sql, asOf, restrict, { roots, targetIds });
  const claimed = reportProgressSql(sql, asOf, restrict, { roots, targetIds, claimed: true });
  const table = esc(month ? 'target_metric_month' : 'target_metric');
  const ofMonth = month ? `${esc('month')} = ${sql.param(month)} AND ` : '';
  const o = (column: string) => sql.col(column, 'o');
  const progress = `COALESCE(${o('progress')}, 0)`;
  const figures = dayFigures(sql, sql.param(day), { startDate: o('startDate'), deadline: o('deadline'), progress, lastCompletedOn: o('lastCompletedOn'), reportedLeaves: o('reportedLeaves') });
  // Background builds are not requests: on MariaDB they run without the per-statement time limit.
  const unlimited = background && db.connection.options.type === 'mariadb' ? 'SET STATEMENT max_statement_time = 0 FOR ' : '';
  await sql.run(`DELETE FROM ${table} WHERE ${ofMonth}${esc('targetId')} IN ${sql.list(targetIds.length ? targetIds : [0])}`);
  await sql.run(`${unlimited}INSERT INTO ${table} (${month ? `${esc('month')}, ` : ''}${FIGURE_COLUMNS.map(esc).join(', ')})
    SELECT ${month ? `${sql.param(month)}, ` : ''}${o('targetId')}, ${o('regionId')}, ${o('countyId')}, ${progress}, ${o('lastCompletedOn')}, ${o('reportedLeaves')}, COALESCE(${sql.col('progress', 'cl')}, 0),
           ${figures.elapsed}, ${figures.daysLeft}, ${figures.status}, ${figures.warning}
    FROM (${official}) ${esc('o')} LEFT JOIN (${claimed}) ${esc('cl')} ON ${sql.col('targetId', 'cl')} = ${o('targetId')}`);
}

const FIGURE_COLUMNS = ['targetId', 'regionId', 'countyId', 'progress', 'lastCompletedOn', 'reportedLeaves', 'claimedProgress', 'elapsed', 'daysLeft', 'status', 'warning'];

// ---------------------------------------------------------------------------------------------
// Today's day-dependent figures

const DAY_KEY = 'today';
/** The day today's stored status and warning are for, as this process knows it (per database). */
const knownDay = new WeakMap<object, string | null>();
export function storedDay(db: EntityManager): string | null {
  return knownDay.get(db.connection) ?? null;
}

/**
 * The recorded day, or null: read plainly, with a shared lock (a change: it and the turn of the
 * day wait for each other, so no row is left with the day before) or for update (the turn of
 * the day itself). SQLite runs one transaction at a time and takes no lock.
 */
async function readDay(db: EntityManager, lock: 'none' | 'share' | 'update' = 'none'): Promise<string | null> {
  const esc = (name: string) => db.connection.driver.escape(name);
  const clause = lock === 'none' || db.connection.options.type === 'better-sqlite3' ? '' : lock === 'share' ? ' LOCK IN SHARE MODE' : ' FOR UPDATE';
  const rows: { day: string }[] = await db.query(`SELECT ${esc('day')} AS ${esc('day')} FROM ${esc('target_metric_day')} WHERE ${esc('name')} = ?${clause}`, [DAY_KEY]);
  return rows[0]?.day ?? null;
}

/** Reads the day of today's stored figures (at start, and when this process sees the day change). */
export async function loadStoredDay(db: EntityManager): Promise<string | null> {
  const day = await readDay(db);
  knownDay.set(db.connection, day);
  return day;
}

/** The day a change computes today's status and warning for: the recorded one, or today when none is yet. */
async function figuresDay(db: EntityManager): Promise<string> {
  return (await readDay(db, 'share')) ?? today();
}

/** Records the day today's rows were computed for. */
async function recordDay(db: EntityManager, day: string): Promise<void> {
  const esc = (name: string) => db.connection.driver.escape(name);
  if ((await readDay(db)) !== null) await db.query(`UPDATE ${esc('target_metric_day')} SET ${esc('day')} = ? WHERE ${esc('name')} = ?`, [day, DAY_KEY]);
  else await db.query(`INSERT INTO ${esc('target_metric_day')} (${esc('name')}, ${esc('day')}) VALUES (?, ?)`, [DAY_KEY, day]);
}

/**
 * For a migration: computes today's figures from the reports when none are stored yet, else
 * only today's status and warning; drops the month snapshots (built again in the background).
 */
export async function fillStoredFigures(db: EntityManager): Promise<void> {
  const esc = (name: string) => db.connection.driver.escape(name);
  await dropMonthSnapshots(db);
  const [stored] = await db.query(`SELECT COUNT(*) AS ${esc('n')} FROM ${esc('target_metric')}`);
  if (Number(stored.n) === 0) await refreshTargetMetrics(db);
  else await refreshTargetDay(db, today(), { force: true, background: true });
}

/** After a change of the warning thresholds: today's rows again, for the day they are kept for. */
export async function recomputeDayFigures(db: EntityManager): Promise<void> {
  await refreshTargetDay(db, await figuresDay(db), { force: true, background: true });
}

/**
 * Recomputes elapsed share, days left, status and warning of every row of target_metric as of
 * `day` (a new day, or a change of the warning thresholds) — one UPDATE over the stored
 * progress and the targets' dates, no report read — and records the day. In the caller's
 * transaction; returns false when the rows were for `day` already and `force` is not set.
 * The caller calls `loadStoredDay` after committing.
 */
export async function refreshTargetDay(db: EntityManager, day = today(), opts: { force?: boolean; background?: boolean } = {}): Promise<boolean> {
  const esc = (name: string) => db.connection.driver.escape(name);
  const sqlite = db.connection.options.type === 'better-sqlite3';
  if ((await readDay(db, 'update')) === day && !opts.force) return false;
  const sql = new QuerySql(db, 'a');
  const m = (column: string) => (sqlite ? `${esc('target_metric')}.${esc(column)}` : sql.col(column, 'sm'));
  const a = (column: string) => sql.col(column, 'a');
  const f = dayFigures(sql, sql.param(day), { startDate: a('startDate'), deadline: a('deadline'), progress: m('progress'), lastCompletedOn: m('lastCompletedOn'), reportedLeaves: m('reportedLeaves') });
  const assign = (target: string) => ([['elapsed', f.elapsed], ['daysLeft', f.daysLeft], ['status', f.status], ['warning', f.warning]] as const).map(([column, value]) => `${target}${esc(column)} = ${value}`).join(', ');
  const unlimited = opts.background && db.connection.options.type === 'mariadb' ? 'SET STATEMENT max_statement_time = 0 FOR ' : '';
  // Every expression reads the row as it was before the statement (SQLite), or columns this statement does not set (MySQL).
  await sql.run(
    sqlite
      ? `UPDATE ${esc('target_metric')} SET ${assign('')} FROM ${esc('target')} ${esc('a')} WHERE ${a('id')} = ${m('targetId')}`
      : `${unlimited}UPDATE ${esc('target_metric')} ${esc('sm')} JOIN ${esc('target')} ${esc('a')} ON ${a('id')} = ${m('targetId')} SET ${assign(`${esc('sm')}.`)}`,
  );
  await recordDay(db, day);
  // This process's readers use the rows once the caller's transaction has committed (`loadStoredDay`).
  return true;
}

// ---------------------------------------------------------------------------------------------
// Month-end snapshots

/** Months with a complete snapshot, as this process knows them (per database). */
const known = new WeakMap<object, Set<string>>();
export function builtMonths(db: EntityManager): Set<string> {
  let set = known.get(db.connection);
  if (!set) known.set(db.connection, (set = new Set()));
  return set;
}

/**
 * Built months from `since` on, read with a shared lock on MySQL/MariaDB: a snapshot being
 * built at the same time is waited for, so a change never misses a month that a concurrent
 * build is about to publish.
 */
async function snapshotMonthsSince(db: EntityManager, since: string): Promise<string[]> {
  const esc = (name: string) => db.connection.driver.escape(name);
  const lock = db.connection.options.type === 'better-sqlite3' ? '' : ' LOCK IN SHARE MODE';
  const rows: { month: string }[] = await db.query(`SELECT ${esc('month')} AS ${esc('month')} FROM ${esc('target_metric_month_state')} WHERE ${esc('month')} >= ?${lock}`, [since]);
  return rows.map((r) => r.month);
}

/** Reads which months are built (at start, and from time to time: other replicas build too). */
export async function loadBuiltMonths(db: EntityManager): Promise<void> {
  const esc = (name: string) => db.connection.driver.escape(name);
  const rows: { month: string }[] = await db.query(`SELECT ${esc('month')} AS ${esc('month')} FROM ${esc('target_metric_month_state')}`);
  const set = builtMonths(db);
  set.clear();
  for (const r of rows) set.add(r.month);
}

/**
 * Builds the snapshot of one closed month without holding up the writes: tree group by tree
 * group, each in its own short transaction, while readers still compute the month from the
 * reports; then, in one last transaction, it publishes the month (the state row, which from
 * then on makes every change keep the month right) and recomputes the trees that changed
 * while it was building. Returns false when the month was built already.
 */
export async function buildMonthSnapshot(dataSource: DataSource, month: string): Promise<boolean> {
  const esc = (name: string) => dataSource.driver.escape(name);
  const present: unknown[] = await dataSource.query(`SELECT 1 AS ${esc('x')} FROM ${esc('target_metric_month_state')} WHERE ${esc('month')} = ?`, [month]);
  if (present.length) return false;
  // Changes from well before the start on are looked at again at the end: a change's rows carry
  // the time it wrote them, and it may commit much later (it waited for locks, e.g. for the
  // publication of the month before) after having looked for built months without finding
  // this one; and replicas' clocks differ.
  const since = new Date(Date.now() - PUBLISH_LOOKBACK_MS);
  // Read committed: what the build reads is not locked, so writes go on meanwhile.
  await inTransaction(dataSource, (db) => db.query(`DELETE FROM ${esc('target_metric_month')} WHERE ${esc('month')} = ?`, [month]), 'READ COMMITTED');
  const sqlite = dataSource.options.type === 'better-sqlite3';
  for (const group of await treeGroups(dataSource.manager, sqlite ? 1 : BUILD_TREES)) {
    await inTransaction(dataSource, (db) => writeFigures(db, group, month, true), 'READ COMMITTED');
    // SQLite runs in this thread: let the requests waiting meanwhile through between two trees.
    if (sqlite) await new Promise((resolve) => setImmediate(resolve));
  }
  // Publishing waits for the changes that already looked for built months (their shared
  // locks on the state rows); changes after it wait for it and then keep the month right.
  return inTransaction(dataSource, async (db) => {
    const at = (d: Date) => (sqlite ? d.toISOString().replace('T', ' ').replace('Z', '') : d);
    const again: unknown[] = await db.query(`SELECT 1 AS ${esc('x')} FROM ${esc('target_metric_month_state')} WHERE ${esc('month')} = ?`, [month]);
    if (again.length) return false; // another replica published it meanwhile
    await db.query(`INSERT INTO ${esc('target_metric_month_state')} (${esc('month')}, ${esc('builtAt')}) VALUES (?, ?)`, [month, at(new Date())]);
    const changed: { rootId: number | string }[] = await db.query(
      `SELECT DISTINCT ${esc('t')}.${esc('rootId')} AS ${esc('rootId')} FROM ${esc('target')} ${esc('t')}
        WHERE ${esc('t')}.${esc('updatedAt')} >= ? OR ${esc('t')}.${esc('createdAt')} >= ?
           OR ${esc('t')}.${esc('id')} IN (SELECT ${esc('r')}.${esc('targetId')} FROM ${esc('progress_report')} ${esc('r')} WHERE ${esc('r')}.${esc('updatedAt')} >= ? OR ${esc('r')}.${esc('createdAt')} >= ?)`,
      [at(since), at(since), at(since), at(since)],
    );
    const roots = changed.map((r) => Number(r.rootId));
    for (let i = 0; i < roots.length; i += BUILD_TREES) await writeFigures(db, roots.slice(i, i + BUILD_TREES), month, true);
    return true;
  }, 'READ COMMITTED');
}

/** Drops every snapshot (the counting rule changed): they are built again, from the reports. */
export async function dropMonthSnapshots(db: EntityManager): Promise<void> {
  const esc = (name: string) => db.connection.driver.escape(name);
  await db.query(`DELETE FROM ${esc('target_metric_month_state')}`);
  await db.query(`DELETE FROM ${esc('target_metric_month')}`);
  await invalidateMonthFacts(db, '0000-00');
  builtMonths(db).clear();
}

/** The last `count` closed months, newest first (`2026-11`, `2026-10`, …). */
export function recentClosedMonths(count: number): string[] {
  const [y, m] = today().slice(0, 7).split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - (i + 1);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}
