import type { Context } from '../../common/context.js';
import { addDays, monthEnd, parsePeriod, today, type Period } from '../../common/dates.js';
import { errors } from '../../common/errors.js';
import { aggregateQuery, listPage, loadByIds, ScopedQuery, type ListArgs } from '../../common/query/list.js';
import { defineQueryInputs, type ResourceDef } from '../../common/query/resource.js';
import type { QuerySql } from '../../common/query/sql.js';
import { Role } from '../../common/scope.js';
import { inTransaction } from '../../common/transaction.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { auditService } from '../audit/audit.service.js';
import { countyResource } from '../hierarchy/county.service.js';
import { departmentResource } from '../hierarchy/department.service.js';
import { Region } from '../hierarchy/region.entity.js';
import { inspectionResource, rectificationOverdueSql } from '../supervision/inspection.service.js';
import { noticeResource } from '../supervision/supervision-notice.service.js';
import { Cadre } from '../hierarchy/cadre.entity.js';
import { Department } from '../hierarchy/department.entity.js';
import { Directive, type IssuerLevel } from '../targets/directive.entity.js';
import { County } from '../hierarchy/county.entity.js';
import { Target, TargetStatus, WarningLevel, type TargetCategory } from '../targets/target.entity.js';
import { targetResource } from '../targets/target.service.js';
import { Bulletin } from './bulletin.entity.js';
import {
  ScoreboardLevel,
  TargetGroupBy,
  type BulletinContent,
  type BulletinNotice,
  type BulletinRectification,
  type BulletinTarget,
  type BulletinView,
  type Scoreboard,
  type ScoreboardEntry,
  type TargetStatsRow,
} from './analytics.types.js';

export const bulletinResource: ResourceDef<Bulletin> = {
  type: 'Bulletin',
  entity: Bulletin,
  query: defineQueryInputs(
    'Bulletin',
    { regionId: { kind: 'id' }, period: { kind: 'string' }, activePeriod: { kind: 'string' }, publishedAt: { kind: 'datetime' } },
    { PERIOD: 'period', PUBLISHED_AT: 'publishedAt' },
  ),
  softDelete: false,
  // Published bulletins are region-wide notices: county users read them too.
  readScope: (scope, sql) => `${sql.col('regionId')} = ${sql.param(scope.regionId)}`,
  locate: async (_db, row) => ({ regionId: row.regionId, countyId: null }),
  writableBy: [Role.ADMIN, Role.REGIONAL],
};

const num = (v: unknown) => Number(v ?? 0);
const round = (v: unknown) => Math.round(num(v) * 1e6) / 1e6;
const COMPLETED = `('${TargetStatus.COMPLETED}', '${TargetStatus.COMPLETED_LATE}')`;

/** The months from `from` to `to` (`2026-01` … `2026-11`), at most 24; default the last 12 up to this one. */
export const MAX_TREND_MONTHS = 24;
function monthRange(from?: string | null, to?: string | null): string[] {
  const valid = (m: string | null | undefined, field: string) => {
    if (m == null) return null;
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(m)) throw errors.badInput(field, 'badMonth');
    return m;
  };
  const last = valid(to, 'to') ?? today().slice(0, 7);
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const first = valid(from, 'from') ?? label(index(last) - 11);
  function label(i: number) {
    return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  }
  if (index(first) > index(last)) throw errors.badInput('from', 'badTrendRange', { max: MAX_TREND_MONTHS });
  if (index(last) - index(first) + 1 > MAX_TREND_MONTHS) throw errors.badInput('from', 'badTrendRange', { max: MAX_TREND_MONTHS });
  return Array.from({ length: index(last) - index(first) + 1 }, (_, i) => label(index(first) + i));
}

function period(label: string): Period {
  const p = parsePeriod(label);
  if (!p) throw errors.badInput('period', 'badPeriod');
  return p;
}

/** Figures of a period are taken at its end, or today while it is still running. */
function periodAsOf(p: Period, asOf?: string | null): string {
  if (asOf) return asOf;
  const now = today();
  return p.to < now ? p.to : now;
}

/** A unit's own targets: those whose parent is not the same unit's (what it was assigned). */
function ownTargets(q: ScopedQuery<Target>, unitColumn: 'countyId' | 'responsibleDepartmentId'): void {
  const s = q.sql;
  q.where(`${s.col(unitColumn)} IS NOT NULL`);
  q.where(`NOT EXISTS (SELECT 1 FROM ${s.table(Target)} ${s.esc('pt')} WHERE ${s.col('id', 'pt')} = ${s.col('parentId')} AND ${s.col(unitColumn, 'pt')} = ${s.col(unitColumn)})`);
}

function inPlay(q: ScopedQuery<Target>, p: Period): void {
  q.where(`${q.sql.col('startDate')} <= ${q.sql.param(p.to)} AND ${q.sql.col('deadline')} >= ${q.sql.param(p.from)}`);
}

const tm = (sql: QuerySql, column: string) => sql.col(column, 'tm');

/**
 * Analytics are per region: an ADMIN (who may read every region) gets its own region's
 * figures, like everyone else, rather than several regions mixed in one ranking.
 */
function regionFilter(ctx: Context): { regionId?: { eq: string } } {
  return ctx.scope.level === 'ALL' && ctx.principal?.regionId != null ? { regionId: { eq: String(ctx.principal.regionId) } } : {};
}

function inRegion<E extends { id: number }>(ctx: Context, q: ScopedQuery<E>): ScopedQuery<E> {
  if (ctx.scope.level === 'ALL' && ctx.principal?.regionId != null) q.where(`${q.sql.col('regionId')} = ${q.sql.param(ctx.principal.regionId)}`);
  return q;
}

/**
 * The grouped figures of targetStats, one statement on `q` (the targets, or their stored
 * figures alone). The statement groups by the keys asked for and by status and warning, with
 * only a count and a sum per group (a few hundred groups for 100,000 targets: little work per
 * row), and the names are joined to the groups, not to every target; the groups are then
 * folded into the keys asked for here.
 */
async function targetStatsRows(q: ScopedQuery<Target>, groups: TargetGroupBy[]): Promise<Record<string, any>[]> {
  const s = q.sql;
  const needs = (g: TargetGroupBy) => groups.includes(g);
  // Functions: only the columns of the groupings asked for are named (a table standing alone holds few).
  const keys: Partial<Record<TargetGroupBy, () => [string, string]>> = {
    [TargetGroupBy.COUNTY]: () => [s.col('countyId'), 'countyId'],
    [TargetGroupBy.DEPARTMENT]: () => [s.col('responsibleDepartmentId'), 'departmentId'],
    [TargetGroupBy.CATEGORY]: () => [s.col('category'), 'category'],
    [TargetGroupBy.STATUS]: () => [tm(s, 'status'), 'status'],
    [TargetGroupBy.WARNING]: () => [tm(s, 'warning'), 'warning'],
    [TargetGroupBy.DIRECTIVE]: () => [s.col('directiveId'), 'directiveId'],
    [TargetGroupBy.CADRE]: () => [s.col('responsibleCadreId'), 'cadreId'],
    [TargetGroupBy.ISSUER_LEVEL]: () => [s.col('issuerLevel', 'gd'), 'issuerLevel'],
  };
  const grouped = groups.flatMap((g) => (keys[g] ? [keys[g]!()] : []));
  const split: [string, string][] = [...grouped];
  if (!needs(TargetGroupBy.STATUS)) split.push([tm(s, 'status'), 'status']);
  if (!needs(TargetGroupBy.WARNING)) split.push([tm(s, 'warning'), 'warning']);
  const qb = q.builder().select('COUNT(*)', 'count').addSelect(`SUM(COALESCE(${tm(s, 'progress')}, 0))`, 'progress');
  if (needs(TargetGroupBy.ISSUER_LEVEL)) qb.leftJoin(Directive, 'gd', `${s.col('id', 'gd')} = ${s.col('directiveId')}`);
  for (const [expr, alias] of split) qb.addSelect(expr, alias);
  split.forEach(([expr], i) => (i === 0 ? qb.groupBy(expr) : qb.addGroupBy(expr)));
  const [inner, params] = qb.getQueryAndParameters();

  // Names come from the same statement, so a dashboard gets them without reading records.
  const esc = (name: string) => s.esc(name);
  const g = (column: string) => `${esc('g')}.${esc(column)}`;
  const names: string[] = [];
  const joins: string[] = [];
  const named = (group: TargetGroupBy, entity: Function, alias: string, key: string, column: string, as: string) => {
    if (!needs(group)) return;
    names.push(`${esc(alias)}.${esc(column)} AS ${esc(as)}`);
    joins.push(` LEFT JOIN ${s.table(entity)} ${esc(alias)} ON ${esc(alias)}.${esc('id')} = ${g(key)} AND ${esc(alias)}.${esc('deletedAt')} IS NULL`);
  };
  named(TargetGroupBy.COUNTY, County, 'gc', 'countyId', 'name', 'countyName');
  named(TargetGroupBy.DEPARTMENT, Department, 'gp', 'departmentId', 'name', 'departmentName');
  named(TargetGroupBy.DIRECTIVE, Directive, 'gn', 'directiveId', 'title', 'directiveTitle');
  named(TargetGroupBy.CADRE, Cadre, 'gk', 'cadreId', 'name', 'cadreName');
  const order = grouped.map(([, alias]) => `${g(alias)} ASC`).join(', ');
  const text = `SELECT ${[`${esc('g')}.*`, ...names].join(', ')} FROM (${inner}) ${esc('g')}${joins.join('')}${order ? ` ORDER BY ${order}` : ''}`;
  const rows: Record<string, any>[] = await q.db.query(text, params);

  // Fold the status and warning groups into the keys asked for (the rows come in key order).
  const out = new Map<string, Record<string, any>>();
  for (const r of rows) {
    const key = JSON.stringify(grouped.map(([, alias]) => r[alias] ?? null));
    let o = out.get(key);
    if (!o) {
      o = { ...r, count: 0, progress: 0, completed: 0, overdue: 0, red: 0, yellow: 0, green: 0 };
      if (!needs(TargetGroupBy.STATUS)) o.status = null;
      if (!needs(TargetGroupBy.WARNING)) o.warning = null;
      out.set(key, o);
    }
    const n = num(r.count);
    o.count += n;
    o.progress += num(r.progress);
    if (r.status === TargetStatus.COMPLETED || r.status === TargetStatus.COMPLETED_LATE) o.completed += n;
    if (r.status === TargetStatus.OVERDUE) o.overdue += n;
    if (r.warning === WarningLevel.RED) o.red += n;
    if (r.warning === WarningLevel.YELLOW) o.yellow += n;
    if (r.warning === WarningLevel.GREEN) o.green += n;
  }
  return [...out.values()].map((o) => ({ ...o, meanProgress: o.count ? o.progress / o.count : 0 }));
}

/** The bulletin's red targets: the region's own county targets in play with a red light, worst first (at most 100). */
async function bulletinRedTargets(ctx: Context, p: Period, asOf: string): Promise<BulletinTarget[]> {
  const t = inRegion(ctx, new ScopedQuery(ctx, targetResource, ctx.db.manager, { args: { asOf, withDerived: true }, aggregate: true }));
  ownTargets(t, 'countyId');
  inPlay(t, p);
  t.where(`${tm(t.sql, 'warning')} = '${WarningLevel.RED}'`);
  const ts = t.sql;
  const red = await t
    .builder()
    .leftJoin(County, 'c', `${ts.col('id', 'c')} = ${ts.col('countyId')}`)
    .leftJoin(Cadre, 'k', `${ts.col('id', 'k')} = ${ts.col('responsibleCadreId')}`)
    .select(ts.col('id'), 'targetId')
    .addSelect(ts.col('title'), 'title')
    .addSelect(ts.col('deadline'), 'deadline')
    .addSelect(ts.col('name', 'c'), 'countyName')
    .addSelect(ts.col('name', 'k'), 'cadreName')
    .addSelect(tm(ts, 'progress'), 'progress')
    .addSelect(tm(ts, 'elapsed'), 'elapsed')
    .addSelect(tm(ts, 'status'), 'status')
    .orderBy(`${tm(ts, 'elapsed')} - ${tm(ts, 'progress')}`, 'DESC')
    .addOrderBy(ts.col('id'), 'ASC')
    .limit(100)
    .getRawMany();
  return red.map((x) => ({
    targetId: num(x.targetId),
    title: x.title,
    countyName: x.countyName ?? null,
    responsibleCadreName: x.cadreName ?? null,
    deadline: String(x.deadline).slice(0, 10),
    progress: round(x.progress),
    elapsed: round(x.elapsed),
    status: x.status,
  }));
}

/** The bulletin's overdue rectifications as of its date (at most 200). */
async function bulletinRectifications(ctx: Context, asOf: string): Promise<BulletinRectification[]> {
  const r = inRegion(ctx, new ScopedQuery(ctx, inspectionResource, ctx.db.manager, { aggregate: true }));
  const rs = r.sql;
  r.where(rectificationOverdueSql(rs, asOf));
  const rect = await r
    .builder()
    .leftJoin(County, 'c', `${rs.col('id', 'c')} = ${rs.col('countyId')}`)
    .select(rs.col('id'), 'inspectionId')
    .addSelect(rs.col('name', 'c'), 'countyName')
    .addSelect(rs.col('findings'), 'findings')
    .addSelect(rs.col('rectificationDeadline'), 'deadline')
    .orderBy(rs.col('rectificationDeadline'), 'ASC')
    .addOrderBy(rs.col('id'), 'ASC')
    .limit(200)
    .getRawMany();
  const days = (from: string) => Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return rect.map((x) => ({
    inspectionId: num(x.inspectionId),
    countyName: x.countyName ?? null,
    findings: x.findings,
    rectificationDeadline: String(x.deadline).slice(0, 10),
    daysOverdue: days(String(x.deadline).slice(0, 10)),
  }));
}

/** The bulletin's supervision notices: issued in the period, or still unanswered past their date (at most 500). */
async function bulletinNotices(ctx: Context, p: Period, asOf: string): Promise<BulletinNotice[]> {
  const n = inRegion(ctx, new ScopedQuery(ctx, noticeResource, ctx.db.manager, { aggregate: true }));
  const ns = n.sql;
  n.where(
    `(${ns.col('issuedOn')} >= ${ns.param(p.from)} AND ${ns.col('issuedOn')} <= ${ns.param(p.to)}) OR (${ns.col('respondedOn')} IS NULL AND ${ns.col('dueOn')} < ${ns.param(asOf)} AND ${ns.col('issuedOn')} <= ${ns.param(p.to)})`,
  );
  const notes = await n
    .builder()
    .leftJoin(Target, 't', `${ns.col('id', 't')} = ${ns.col('targetId')}`)
    .leftJoin(County, 'c', `${ns.col('id', 'c')} = ${ns.col('countyId')}`)
    .select(ns.col('id'), 'noticeId')
    .addSelect(ns.col('title', 't'), 'targetTitle')
    .addSelect(ns.col('name', 'c'), 'countyName')
    .addSelect(ns.col('level'), 'level')
    .addSelect(ns.col('issuedOn'), 'issuedOn')
    .addSelect(ns.col('dueOn'), 'dueOn')
    .addSelect(ns.col('respondedOn'), 'respondedOn')
    .orderBy(ns.col('issuedOn'), 'ASC')
    .addOrderBy(ns.col('id'), 'ASC')
    .limit(500)
    .getRawMany();
  return notes.map((x) => {
    const dueOn = String(x.dueOn).slice(0, 10);
    const respondedOn = x.respondedOn == null ? null : String(x.respondedOn).slice(0, 10);
    return {
      noticeId: num(x.noticeId),
      targetTitle: x.targetTitle,
      countyName: x.countyName ?? null,
      level: x.level,
      issuedOn: String(x.issuedOn).slice(0, 10),
      dueOn,
      respondedOn,
      overdue: respondedOn == null && dueOn < asOf,
    };
  });
}

export const analyticsService = {
  /**
   * Counts and mean progress of the targets matching `filter`, grouped as asked: one SQL
   * statement per date (MONTH: one per month of the range, at most 24).
   */
  async targetStats(
    ctx: Context,
    filter: object | null | undefined,
    groupBy: TargetGroupBy[],
    asOf: string,
    range: { from?: string | null; to?: string | null } = {},
  ): Promise<TargetStatsRow[]> {
    const groups = [...new Set(groupBy)];
    if (!groups.includes(TargetGroupBy.MONTH)) return analyticsService.targetStatsAt(ctx, filter, groups, asOf);
    const months = monthRange(range.from, range.to);
    const rows: TargetStatsRow[] = [];
    for (const month of months) {
      const end = monthEnd(month);
      const at = end < today() ? end : today();
      for (const row of await analyticsService.targetStatsAt(ctx, filter, groups.filter((g) => g !== TargetGroupBy.MONTH), at)) rows.push({ ...row, month });
    }
    return rows;
  },

  async targetStatsAt(ctx: Context, filter: object | null | undefined, groups: TargetGroupBy[], asOf: string): Promise<TargetStatsRow[]> {
    // Grouped by county, status or warning with a region's scope, the stored figures answer alone.
    const rows = await aggregateQuery(
      (alone) => new ScopedQuery(ctx, targetResource, ctx.db.manager, { args: { filter, asOf, withDerived: true }, aggregate: true, alone }).filter(filter),
      (q) => targetStatsRows(q, groups),
    );
    const apiKey = ctx.principal?.apiKeyId !== undefined;
    const id = (v: unknown) => (v == null ? null : num(v));
    return rows
      .filter((r) => num(r.count) > 0)
      .map((r) => ({
        countyId: id(r.countyId),
        departmentId: id(r.departmentId),
        countyName: r.countyName ?? null,
        departmentName: r.departmentName ?? null,
        directiveId: id(r.directiveId),
        directiveTitle: r.directiveTitle ?? null,
        cadreId: apiKey ? null : id(r.cadreId),
        cadreName: apiKey ? null : (r.cadreName ?? null),
        issuerLevel: (r.issuerLevel ?? null) as IssuerLevel | null,
        month: null,
        asOf,
        category: (r.category ?? null) as TargetCategory | null,
        status: (r.status ?? null) as TargetStatus | null,
        warning: (r.warning ?? null) as WarningLevel | null,
        count: num(r.count),
        meanProgress: round(r.meanProgress),
        completed: num(r.completed),
        overdue: num(r.overdue),
        red: num(r.red),
        yellow: num(r.yellow),
        green: num(r.green),
      }));
  },

  /**
   * Ranking of counties (or departments) for a period by their own targets in play: due,
   * completed, on time, mean progress, schedule score, red and yellow lights, and overdue
   * rectifications. Aggregates in SQL; units with nothing in play come last.
   */
  async scoreboard(callerCtx: Context, label: string, level: ScoreboardLevel, asOfArg?: string | null): Promise<Scoreboard> {
    // Ranks are computed over the whole region before any scoping: a county's rank is its
    // place among all units. A county user then gets only its own entries (below).
    const countyScope = callerCtx.scope.level === 'COUNTY' ? callerCtx.scope : null;
    const ctx: Context = countyScope ? { ...callerCtx, scope: { level: 'REGION', regionId: countyScope.regionId } } : callerCtx;
    const p = period(label);
    const asOf = periodAsOf(p, asOfArg);
    const unit = level === ScoreboardLevel.COUNTY ? 'countyId' : 'responsibleDepartmentId';

    const q = inRegion(ctx, new ScopedQuery(ctx, targetResource, ctx.db.manager, { args: { asOf, withDerived: true }, aggregate: true }));
    ownTargets(q, unit);
    inPlay(q, p);
    const s = q.sql;
    const due = `${s.col('deadline')} >= ${s.param(p.from)} AND ${s.col('deadline')} <= ${s.param(p.to)}`;
    const shortfall = `CASE WHEN ${tm(s, 'elapsed')} - ${tm(s, 'progress')} > 0 THEN ${tm(s, 'elapsed')} - ${tm(s, 'progress')} ELSE 0 END`;
    // The grouped targets, the overdue rectifications and (for counties) the units are read at once.
    const rows$ = q
      .builder()
      .select(s.col(unit), 'unitId')
      .addSelect('COUNT(*)', 'inPlay')
      .addSelect(`SUM(CASE WHEN ${due} THEN 1 ELSE 0 END)`, 'due')
      .addSelect(`SUM(CASE WHEN ${due} AND ${tm(s, 'status')} IN ${COMPLETED} THEN 1 ELSE 0 END)`, 'completed')
      .addSelect(`SUM(CASE WHEN ${due} AND ${tm(s, 'status')} = '${TargetStatus.COMPLETED}' THEN 1 ELSE 0 END)`, 'onTime')
      .addSelect(`AVG(${tm(s, 'progress')})`, 'meanProgress')
      .addSelect(`AVG(${shortfall})`, 'shortfall')
      .addSelect(`SUM(CASE WHEN ${tm(s, 'warning')} = '${WarningLevel.RED}' THEN 1 ELSE 0 END)`, 'red')
      .addSelect(`SUM(CASE WHEN ${tm(s, 'warning')} = '${WarningLevel.YELLOW}' THEN 1 ELSE 0 END)`, 'yellow')
      .groupBy(s.col(unit))
      .getRawMany();

    const r = inRegion(ctx, new ScopedQuery(ctx, inspectionResource, ctx.db.manager, { aggregate: true }));
    const rectUnit = level === ScoreboardLevel.COUNTY ? 'countyId' : 'departmentId';
    r.where(`${rectificationOverdueSql(r.sql, asOf)} AND ${r.sql.col(rectUnit)} IS NOT NULL`);
    const rectifications$ = r.builder().select(r.sql.col(rectUnit), 'unitId').addSelect('COUNT(*)', 'n').groupBy(r.sql.col(rectUnit)).getRawMany();
    const counties$ =
      level === ScoreboardLevel.COUNTY
        ? listPage(ctx, countyResource, { limit: 500, orderBy: [{ field: 'CODE', direction: 'ASC' as never }], filter: regionFilter(ctx) }, { aggregate: true })
        : null;
    const [rows, rectifications, counties] = await Promise.all([rows$, rectifications$, counties$]);
    const overdueBy = new Map(rectifications.map((x) => [num(x.unitId), num(x.n)]));
    const byUnit = new Map(rows.map((x) => [num(x.unitId), x]));

    const units = counties
      ? counties.items.map((c) => ({ id: c.id, name: c.name, countyId: c.id }))
      : (await loadByIds(ctx, departmentResource, [...byUnit.keys()], ctx.db.manager, { aggregate: true })).flatMap((d) => (d ? [{ id: d.id, name: d.name, countyId: d.countyId }] : []));

    const entries: ScoreboardEntry[] = units.map((u) => {
      const x = byUnit.get(u.id);
      return {
        rank: 0,
        unitId: u.id,
        unitName: u.name,
        countyId: u.countyId,
        targetsInPlay: num(x?.inPlay),
        targetsDue: num(x?.due),
        completed: num(x?.completed),
        completedOnTime: num(x?.onTime),
        meanProgress: x ? round(x.meanProgress) : 0,
        scheduleScore: x ? round(1 - num(x.shortfall)) : null,
        red: num(x?.red),
        yellow: num(x?.yellow),
        overdueRectifications: overdueBy.get(u.id) ?? 0,
      };
    });
    const onTimeRate = (e: ScoreboardEntry) => (e.targetsDue ? e.completedOnTime / e.targetsDue : 1);
    entries.sort(
      (a, b) =>
        (b.scheduleScore ?? -1) - (a.scheduleScore ?? -1) || onTimeRate(b) - onTimeRate(a) || b.meanProgress - a.meanProgress || a.overdueRectifications - b.overdueRectifications || a.unitId - b.unitId,
    );
    entries.forEach((e, i) => (e.rank = i + 1));
    const scored = entries.filter((e) => e.scheduleScore != null);
    const mean = (values: number[]) => (values.length ? round(values.reduce((a, b) => a + b, 0) / values.length) : null);
    return {
      period: p.label,
      level,
      asOf,
      unitsRanked: entries.length,
      regionMeanScheduleScore: mean(scored.map((e) => e.scheduleScore!)),
      regionMeanProgress: mean(scored.map((e) => e.meanProgress)),
      entries: countyScope ? entries.filter((e) => e.countyId === countyScope.countyId) : entries,
    };
  },

  /** The live 通报 of a period, computed for the caller's region. */
  async liveBulletin(ctx: Context, label: string): Promise<BulletinContent> {
    const p = period(label);
    const asOf = periodAsOf(p);
    const regionId = ctx.principal?.regionId;
    // Its parts are independent reads: they run at once, each on its own pooled connection.
    const [region, board, redTargets, overdueRectifications, notices] = await Promise.all([
      regionId == null ? null : ctx.db.manager.findOne(Region, { where: { id: regionId } }),
      analyticsService.scoreboard(ctx, label, ScoreboardLevel.COUNTY),
      bulletinRedTargets(ctx, p, asOf),
      bulletinRectifications(ctx, asOf),
      bulletinNotices(ctx, p, asOf),
    ]);
    return { period: p.label, regionName: region?.name ?? '', asOf, ranking: board.entries, redTargets, overdueRectifications, notices };
  },

  /** The published bulletin of the period if there is one; otherwise the live one (not for county users). */
  async bulletin(ctx: Context, label: string): Promise<BulletinView | null> {
    period(label);
    const published = (await listPage(ctx, bulletinResource, { filter: { activePeriod: { eq: label }, ...regionFilter(ctx) }, limit: 1 }, { aggregate: true })).items[0];
    if (published) return viewOf(published);
    if (ctx.principal?.role === Role.COUNTY) return null;
    return { id: null, period: label, live: true, publishedAt: null, content: await analyticsService.liveBulletin(ctx, label) };
  },

  async bulletins(ctx: Context, args: ListArgs, includeWithdrawn = false): Promise<BulletinView[]> {
    const filter = { ...regionFilter(ctx), ...(includeWithdrawn ? {} : { activePeriod: { isNull: false } }) };
    return (
      await listPage(
        ctx,
        bulletinResource,
        { ...args, filter, orderBy: args.orderBy ?? [{ field: 'PERIOD', direction: 'DESC' as never }, { field: 'PUBLISHED_AT', direction: 'DESC' as never }] },
        { aggregate: true },
      )
    ).items.map(viewOf);
  },

  /** Freezes the period's bulletin: computed now, stored once, never changed. */
  async publish(ctx: Context, label: string): Promise<BulletinView> {
    const role = ctx.principal?.role;
    if (!role || !bulletinResource.writableBy.includes(role)) throw errors.forbidden('forbiddenRole', { role: role ?? '' });
    const regionId = ctx.principal!.regionId;
    if (regionId == null) throw errors.badInput('regionId', 'regionRoleNeedsRegion', { role });
    const p = period(label);
    // Only a period that has ended (in the configured time zone) is frozen: figures of a
    // running month would be published before they are known.
    if (p.to >= today()) throw errors.badInput('period', 'bulletinPeriodOpen', { period: label, date: addDays(p.to, 1) });
    const content = await analyticsService.liveBulletin(ctx, label);
    return inTransaction(ctx.db, async (db) => {
      const existing = await db.findOne(Bulletin, { where: { regionId, activePeriod: label } });
      if (existing) throw errors.badInput('period', 'bulletinPublished', { period: label, date: existing.publishedAt.toISOString().slice(0, 10) });
      // A concurrent publication of the same period loses on the unique key: CONFLICT (format-error).
      const inserted = await db.insert(Bulletin, { regionId, period: label, activePeriod: label, publishedAt: new Date(), publishedById: ctx.principal!.userId, content: content as never });
      const id = Number(inserted.identifiers[0].id);
      await auditService.record(db, ctx, {
        action: AuditAction.PUBLISH,
        entityType: 'Bulletin',
        entityId: id,
        location: { regionId, countyId: null },
        changes: { period: { before: null, after: label } },
      });
      return viewOf(await db.findOneOrFail(Bulletin, { where: { id } }));
    });
  },

  /**
   * 撤回: takes a published bulletin back with a reason. The snapshot is kept, marked
   * withdrawn, and the period may be published again.
   */
  async withdraw(ctx: Context, label: string, reason: string): Promise<BulletinView> {
    const role = ctx.principal?.role;
    if (!role || !bulletinResource.writableBy.includes(role)) throw errors.forbidden('forbiddenRole', { role: role ?? '' });
    period(label);
    if (!reason.trim()) throw errors.badInput('reason', 'reasonRequired');
    // What a TEXT column holds on MySQL/MariaDB, in characters and in bytes.
    if (reason.length > 2000 || Buffer.byteLength(reason, 'utf8') > 8000) throw errors.badInput('reason', 'tooLong', { max: 2000 });
    const regionId = ctx.principal!.regionId;
    return inTransaction(ctx.db, async (db) => {
      const standing = regionId == null ? null : await db.findOne(Bulletin, { where: { regionId, activePeriod: label } });
      if (!standing) throw errors.badInput('period', 'bulletinNotPublished', { period: label });
      const withdrawnAt = new Date();
      const result = await db.update(Bulletin, { id: standing.id, activePeriod: label }, { activePeriod: null, withdrawnAt, withdrawnById: ctx.principal!.userId, withdrawalReason: reason.trim() });
      if (result.affected !== 1) throw errors.badInput('period', 'bulletinNotPublished', { period: label });
      await auditService.record(db, ctx, {
        action: AuditAction.UPDATE,
        entityType: 'Bulletin',
        entityId: standing.id,
        location: { regionId: standing.regionId, countyId: null },
        changes: { withdrawnAt: { before: null, after: withdrawnAt.toISOString() }, withdrawalReason: { before: null, after: reason.trim() } },
      });
      return viewOf(await db.findOneOrFail(Bulletin, { where: { id: standing.id } }));
    });
  },
};

function viewOf(b: Bulletin): BulletinView {
  const content = (typeof b.content === 'string' ? JSON.parse(b.content) : b.content) as BulletinContent;
  return { id: b.id, period: b.period, live: false, publishedAt: b.publishedAt, withdrawnAt: b.withdrawnAt ?? null, withdrawalReason: b.withdrawalReason ?? null, content };
}
