import type { EntityManager } from 'typeorm';
import type { Context } from '../../common/context.js';
import { today } from '../../common/dates.js';
import { AppError, errors } from '../../common/errors.js';
import { requestStore } from '../../common/i18n.js';
import type { ResourceDef } from '../../common/query/resource.js';
import { parseId, ScopedQuery } from '../../common/query/list.js';
import { QuerySql } from '../../common/query/sql.js';
import { RecordService, resolveCountyCodes } from '../../common/records.js';
import { Role, scopeContains } from '../../common/scope.js';
import { inTransaction } from '../../common/transaction.js';
import type { AuditAction } from '../audit/audit-event.entity.js';
import { Cadre } from '../hierarchy/cadre.entity.js';
import { cadreResource } from '../hierarchy/cadre.service.js';
import { County } from '../hierarchy/county.entity.js';
import { countyResource } from '../hierarchy/county.service.js';
import { Department } from '../hierarchy/department.entity.js';
import { departmentResource } from '../hierarchy/department.service.js';
import { regionResource } from '../hierarchy/region.service.js';
import { Directive } from './directive.entity.js';
import { directiveResource } from './directive.service.js';
import { ProgressReport } from './progress-report.entity.js';
import { Inspection } from '../supervision/inspection.entity.js';
import { SupervisionNotice } from '../supervision/supervision-notice.entity.js';
import { Target, TargetKind, TargetStatus, WarningLevel } from './target.entity.js';
import { targetQuery, type CreateTargetInput, type DecomposeTargetInput, type UpdateTargetInput } from './target.inputs.js';
import { refreshTargetMetrics, STORED_TARGET_COLUMNS, storedFiguresAloneSql, targetMetricsSql, toMetrics, type TargetMetrics } from './target-metrics.js';

const COMPUTED_FIELDS = /"(progress|status|warning)":/;
const COMPUTED_ORDER = new Set(['PROGRESS', 'STATUS', 'WARNING']);

export const targetResource: ResourceDef<Target> = {
  type: 'Target',
  entity: Target,
  query: targetQuery,
  // A county reads its own targets and everything under them, and — read-only — the
  // ancestors of its own targets (what its work rolls up into).
  readScope: (scope, sql) => {
    if (scope.level === 'REGION') return `${sql.col('regionId')} = ${sql.param(scope.regionId)}`;
    // Its own targets, and the region-level targets above them (the tree they were assigned in).
    // A target above a county's target is that county's or region-level (a sub-target never
    // leaves its parent's county), so only region-level targets (county null) are probed for
    // descendants in the county: the other counties' targets are never looked into.
    const county = sql.param(scope.countyId);
    return `${sql.col('countyId')} = ${county} OR (${sql.col('countyId')} IS NULL AND EXISTS (SELECT 1 FROM ${sql.table(Target)} ${sql.esc('own')}
      WHERE ${sql.col('countyId', 'own')} = ${county} AND ${sql.col('deletedAt', 'own')} IS NULL
        AND ${sql.col('rootId', 'own')} = ${sql.col('rootId')} AND ${sql.col('path', 'own')} LIKE ${sql.concat(sql.col('path'), "'_%'")}))`;
  },
  locate: async (_db, row) => ({ regionId: row.regionId, countyId: row.countyId ?? null }),
  writableBy: [Role.ADMIN, Role.REGIONAL, Role.COUNTY],
  dependents: [
    { type: 'Target', entity: Target, column: 'parentId' },
    { type: 'ProgressReport', entity: ProgressReport, column: 'targetId' },
    { type: 'Inspection', entity: Inspection, column: 'targetId' },
    { type: 'SupervisionNotice', entity: SupervisionNotice, column: 'targetId' },
    // Opinions and visits linked to a target do not hold it: a link never blocks the
    // deletion (a deleted target shows as null on the link and returns when restored).
  ],
  parents: [
    { type: 'Target', entity: Target, column: 'parentId' },
    { type: 'Directive', entity: Directive, column: 'directiveId' },
  ],
  internal: ['rootId', 'path', 'share', 'isLeaf'],
  derived: (sql, args) => {
    const needed = args.withDerived || COMPUTED_FIELDS.test(JSON.stringify(args.filter ?? {})) || (args.orderBy ?? []).some((o) => COMPUTED_ORDER.has(o.field));
    if (!needed) return null;
    const asOf = args.asOf ?? today();
    return {
      alias: 'tm',
      table: targetMetricsSql(sql, asOf),
      on: `${sql.col('targetId', 'tm')} = ${sql.col('id')}`,
      alone: () => {
        const table = storedFiguresAloneSql(sql, asOf);
        return table ? { table, columns: STORED_TARGET_COLUMNS } : null;
      },
    };
  },
};

type Values = Partial<Record<keyof Target, unknown>>;

/**
 * What a county may link its records (opinions, visits) to: its own county's targets. A
 * region-level target it only reads is the prefecture's to link.
 */
export function assertLinkable(ctx: Context, target: Target, field: string): void {
  if (ctx.scope.level === 'COUNTY' && target.countyId !== ctx.scope.countyId) throw errors.badInput(field, 'linkOutsideCounty');
}

export interface DirectiveRollUp {
  progress: number;
  status: TargetStatus;
  warning: WarningLevel;
  roots: number;
}

/** What only the level that assigned a target may change. */
const ASSIGNED_FIELDS = ['weight', 'targetValue', 'baseline', 'startDate', 'deadline', 'additive', 'directiveId'] as const;

/** Transactions in which tree upkeep waits until the end (a decomposition creates many children). */
const deferredTrees = new WeakMap<EntityManager, Set<number>>();

class TargetService extends RecordService<Target, CreateTargetInput, UpdateTargetInput> {
  /** Resolves references, inherits from the parent, derives county and region, checks the kind's values. */
  protected override async prepare(ctx: Context, db: EntityManager, input: Values, current: Target | null): Promise<Values> {
    const { proceedWithReports, ...rest } = input as Values & { proceedWithReports?: boolean | null };
    const values: Values = { ...rest };
    delete values.parentId;
    const parent = current
      ? current.parentId == null
        ? null
        : await db.findOneOrFail(Target, { where: { id: current.parentId }, withDeleted: true })
      : input.parentId == null
        ? null
        : await this.reference(ctx, db, targetResource, input.parentId, 'parentId');
    if (parent && !current) {
      // A child changes its parent's roll-up: the parent must be yours to change.
      this.assertInScope(ctx, await targetResource.locate(db, parent));
      values.parentId = parent.id;
    }

    if (current && parent && !scopeContains(ctx.scope, await targetResource.locate(db, parent))) {
      // Assigned from above: the allocation, weight and dates are the assigning level's to change.
      for (const field of ASSIGNED_FIELDS) {
        if (input[field] !== undefined && input[field] !== (current as unknown as Record<string, unknown>)[field]) throw errors.forbidden('assignedByPrefecture', { field });
      }
    }

    if (input.directiveId != null) values.directiveId = (await this.reference(ctx, db, directiveResource, input.directiveId, 'directiveId')).id;
    else if (!current) values.directiveId = parent?.directiveId ?? null;

    // A county's own new target is that county's unless it says otherwise.
    if (!current && !parent && ctx.principal?.role === Role.COUNTY && input.responsibleCountyId == null && input.responsibleDepartmentId == null && input.responsibleCadreId == null) {
      input = { ...input, responsibleCountyId: ctx.principal.countyId };
    }
    const responsibilityChanged = !current || ['responsibleCountyId', 'responsibleDepartmentId', 'responsibleCadreId'].some((k) => input[k as keyof Values] !== undefined);
    if (responsibilityChanged) Object.assign(values, await this.responsibility(ctx, db, input, current, parent));

    if (!current) {
      values.category ??= parent?.category;
      values.kind ??= parent?.kind;
      values.unit ??= parent?.unit ?? null;
      values.additive ??= parent ? parent.additive : true;
      values.startDate ??= parent?.startDate;
      values.deadline ??= parent?.deadline;
      values.weight ??= 1;
      const missing = (['category', 'kind', 'startDate', 'deadline'] as const).filter((k) => !values[k]);
      if (values.kind === TargetKind.QUANTITATIVE && values.targetValue == null) missing.push('targetValue' as never);
      if (missing.length) throw errors.badInputs(missing, parent ? 'childFieldsMissing' : 'targetFieldsMissing');
      values.regionId = await this.region(ctx, db, input, parent, values);
    }

    const kind = (values.kind ?? current?.kind) as TargetKind;
    if (kind === TargetKind.QUANTITATIVE) {
      if (!current) values.baseline ??= parent?.kind === TargetKind.QUANTITATIVE ? parent.baseline ?? 0 : 0;
      const targetValue = values.targetValue !== undefined ? values.targetValue : current?.targetValue;
      if (targetValue == null) throw errors.badInput('targetValue', 'quantitativeNeedsValue');
    } else {
      values.baseline = null;
      values.targetValue = null;
    }
    const startDate = (values.startDate ?? current?.startDate) as string;
    const deadline = (values.deadline ?? current?.deadline) as string;
    if (deadline < startDate) throw errors.badInput('deadline', 'deadlineBeforeStart', { startDate, deadline });
    if (parent) {
      // A sub-target lies within its parent's time frame.
      if (startDate < parent.startDate) throw errors.badInput('startDate', 'childStartsBeforeParent', { startDate, parentStart: parent.startDate });
      if (deadline > parent.deadline) throw errors.badInput('deadline', 'childDeadlineAfterParent', { deadline, parentDeadline: parent.deadline });
    }
    if (current && !current.isLeaf && (values.startDate !== undefined || values.deadline !== undefined)) {
      const span = await db
        .createQueryBuilder(Target, 'c')
        .select('MIN(c.startDate)', 'start')
        .addSelect('MAX(c.deadline)', 'end')
        .where('c.parentId = :id', { id: current.id })
        .getRawOne<{ start: string | null; end: string | null }>();
      const day = (v: unknown) => (v == null ? null : String(v instanceof Date ? v.toISOString() : v).slice(0, 10));
      const [first, last] = [day(span?.start), day(span?.end)];
      if (first && startDate > first) throw errors.badInput('startDate', 'parentStartsAfterChild', { startDate, childStart: first });
      if (last && deadline < last) throw errors.badInput('deadline', 'parentDeadlineBeforeChild', { deadline, childDeadline: last });
    }
    if (parent && !current) await this.assertParentMayGrow(db, parent, proceedWithReports === true);
    return values;
  }

  /**
   * A leaf that gets its first sub-target stops taking progress from its own reports. That
   * silently drops the progress shown, so it needs the caller's word (the reports stay).
   */
  async assertParentMayGrow(db: EntityManager, parent: Target, proceed: boolean, field = 'proceedWithReports'): Promise<void> {
    if (!parent.isLeaf || proceed) return;
    const reports = await db.getRepository(ProgressReport).find({ where: { targetId: parent.id }, select: { id: true, reportedOn: true }, order: { reportedOn: 'ASC', id: 'ASC' } });
    if (reports.length === 0) return;
    const en = requestStore.getStore()?.lang === 'en';
    const listed = reports.slice(0, 10).map((r) => (en ? `#${r.id} (${r.reportedOn})` : `#${r.id}（${r.reportedOn}）`)).join(en ? ', ' : '、') + (reports.length > 10 ? ' …' : '');
    throw errors.badInput(field, 'parentHasReports', { id: parent.id, title: parent.title, count: reports.length, reports: listed });
  }

  /** Responsible county, department and cadre must agree, and a county target's sub-targets stay in that county. */
  private async responsibility(ctx: Context, db: EntityManager, input: Values, current: Target | null, parent: Target | null): Promise<Values> {
    const pick = (key: 'responsibleCountyId' | 'responsibleDepartmentId' | 'responsibleCadreId') =>
      input[key] !== undefined ? input[key] : (current?.[key] ?? null);
    const countyInput = pick('responsibleCountyId');
    const departmentInput = pick('responsibleDepartmentId');
    const cadreInput = pick('responsibleCadreId');

    let countyId: number | null = countyInput == null ? null : (await this.reference(ctx, db, countyResource, countyInput, 'responsibleCountyId')).id;
    // The county the target belongs to before its department says anything: its own, or its parent's.
    const givenCounty = countyId ?? parent?.countyId ?? null;
    let departmentId: number | null = null;
    let cadreId: number | null = null;
    if (departmentInput != null) {
      const department = await this.reference(ctx, db, departmentResource, departmentInput, 'responsibleDepartmentId');
      departmentId = department.id;
      // A county's target is carried by a department of that county (not by a prefecture unit).
      if (givenCounty != null && department.countyId !== givenCounty) throw errors.badInput('responsibleDepartmentId', 'departmentOutsideCounty', { department: department.name });
      if (department.countyId != null) countyId = department.countyId;
    }
    if (cadreInput != null) {
      const cadre = await this.reference(ctx, db, cadreResource, cadreInput, 'responsibleCadreId');
      cadreId = cadre.id;
      const department = await db.findOneOrFail(Department, { where: { id: cadre.departmentId }, withDeleted: true });
      if (departmentId != null && departmentId !== department.id) {
        throw errors.badInput('responsibleCadreId', 'responsibilityMismatch');
      }
      const inCounty = countyId ?? givenCounty;
      if (inCounty != null && department.countyId !== inCounty) throw errors.badInput('responsibleCadreId', 'cadreOutsideCounty', { cadre: cadre.name });
      if (department.countyId != null) countyId = department.countyId;
    }
    const inherited = countyId ?? parent?.countyId ?? null;
    if (parent?.countyId != null && inherited !== parent.countyId) throw errors.badInput('responsibleCountyId', 'subTargetLeavesCounty');
    if (current && current.countyId !== inherited) {
      if (!current.isLeaf) throw errors.badInput('responsibleCountyId', 'moveTreeCounty');
      // Reports, inspections and notices are filed under the county they were made in.
      const records = await Promise.all(
        [ProgressReport, Inspection, SupervisionNotice].map((entity) => db.getRepository(entity).count({ where: { targetId: current.id } as never })),
      );
      if (records.some((n) => n > 0)) throw errors.badInput('responsibleCountyId', 'targetHasRecords');
    }
    return { responsibleCountyId: countyId, responsibleDepartmentId: departmentId, responsibleCadreId: cadreId, countyId: inherited };
  }

  private async region(ctx: Context, db: EntityManager, input: Values, parent: Target | null, values: Values): Promise<number> {
    if (parent) return parent.regionId;
    if (values.directiveId != null) return (await db.findOneOrFail(Directive, { where: { id: values.directiveId as number } })).regionId;
    if (values.countyId != null) return (await db.findOneOrFail(County, { where: { id: values.countyId as number } })).regionId;
    const regionId = input.regionId ?? ctx.principal?.regionId;
    if (regionId == null) throw errors.badInput('regionId', 'regionRoleNeedsRegion', { role: ctx.principal?.role ?? '' });
    return (await this.reference(ctx, db, regionResource, regionId, 'regionId')).id;
  }

  protected override async afterChange(_ctx: Context, db: EntityManager, row: Target, action: AuditAction): Promise<void> {
    if (action === 'CREATE') {
      const parent = row.parentId == null ? null : await db.findOneOrFail(Target, { where: { id: row.parentId }, withDeleted: true });
      const rootId = parent ? parent.rootId : row.id;
      await db.update(Target, { id: row.id }, { rootId, path: `${parent ? parent.path : '/'}${row.id}/` });
      row.rootId = rootId;
    }
    const deferred = deferredTrees.get(db);
    if (deferred) deferred.add(row.rootId);
    else {
      await refreshTree(db, row.rootId);
      await refreshTargetMetrics(db, [row.rootId]);
    }
  }

  /** A target assigned from above is deleted by the level that assigned it. */
  protected override async beforeRemove(ctx: Context, db: EntityManager, target: Target): Promise<void> {
    if (target.parentId == null) return;
    const parent = await db.findOne(Target, { where: { id: target.parentId }, withDeleted: true });
    if (parent && !scopeContains(ctx.scope, await targetResource.locate(db, parent))) throw errors.forbidden('assignedTargetDelete');
  }

  /**
   * 分解立项: one child per county, department or cadre, in one transaction — all of them or
   * none. Children inherit what they do not give; their values are the allocations.
   */
  async decompose(ctx: Context, id: string, input: DecomposeTargetInput): Promise<Target> {
    this.assertRole(ctx);
    return inTransaction(ctx.db, async (db) => {
      const parent = await this.visibleOrNotFound(ctx, db, id);
      this.assertInScope(ctx, await targetResource.locate(db, parent));
      await this.assertParentMayGrow(db, parent, input.proceedWithReports === true);
      input = { ...input, children: await Promise.all(input.children.map((c) => resolveCountyCodes(ctx, c))) };
      const names = await responsibleNames(db, input.children);
      const existing = await db.getRepository(Target).find({ where: { parentId: parent.id } });
      const seen = new Set<string>(existing.map((c) => `${c.responsibleCountyId ?? ''}/${c.responsibleDepartmentId ?? ''}/${c.responsibleCadreId ?? ''}`));
      deferredTrees.set(db, new Set());
      try {
        for (const [i, child] of input.children.entries()) {
          const who = child.responsibleCadreId ?? child.responsibleDepartmentId ?? child.responsibleCountyId;
          const key = responsibleKey(child);
          if (who == null) throw errors.badInput(`children.${i}.responsibleCountyId`, 'decomposeNeedsResponsible');
          if (seen.has(key)) throw errors.badInput(`children.${i}.responsibleCountyId`, 'decomposeDuplicate');
          seen.add(key);
          const name = names.get(key) ?? String(who);
          try {
            await this.createIn(ctx, db, {
              ...child,
              proceedWithReports: true, // asked once for the whole decomposition, above
              parentId: String(parent.id),
              title: child.title ?? `${parent.title}（${name}）`,
            } as CreateTargetInput);
          } catch (error) {
            if (error instanceof AppError && typeof error.extensions.field === 'string') error.extensions.field = `children.${i}.${error.extensions.field}`;
            throw error;
          }
        }
      } finally {
        const roots = deferredTrees.get(db)!;
        deferredTrees.delete(db);
        for (const rootId of roots) await refreshTree(db, rootId);
        await refreshTargetMetrics(db, [...roots]);
      }
      return this.reload(db, parent.id);
    });
  }

  /** progress, status and warning of many targets as of one date (official, or as claimed): one statement. */
  async metrics(ctx: Context, ids: readonly number[], asOf: string, claimed = false): Promise<(TargetMetrics | null)[]> {
    const sql = new QuerySql(ctx.db.manager, 'a');
    const rows = await sql.run(targetMetricsSql(sql, asOf, `${sql.col('id', 'a')} IN ${sql.list([...new Set(ids)])}`, { claimed }));
    const byId = new Map(rows.map((r) => [Number(r.targetId), toMetrics(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * A directive's roll-up over its root targets (those the caller can see), as of a date, in
   * one statement for many directives: the weight-weighted mean progress; status COMPLETED /
   * COMPLETED_LATE when every root is, OVERDUE when any is, NOT_STARTED when none has a
   * report, else IN_PROGRESS; and the worst warning among the roots.
   */
  async directiveRollUp(ctx: Context, directiveIds: readonly number[], asOf: string): Promise<(DirectiveRollUp | null)[]> {
    const q = new ScopedQuery(ctx, targetResource, ctx.db.manager, { args: { asOf, withDerived: true } });
    const s = q.sql;
    const m = (column: string) => s.col(column, 'tm');
    const count = (predicate: string) => `SUM(CASE WHEN ${predicate} THEN 1 ELSE 0 END)`;
    q.where(`${s.col('parentId')} IS NULL AND ${s.col('directiveId')} IN ${s.list([...new Set(directiveIds)])}`);
    const rows = await q
      .builder()
      .select(s.col('directiveId'), 'directiveId')
      .addSelect('COUNT(*)', 'roots')
      .addSelect(`SUM(${s.col('weight')} * COALESCE(${m('progress')}, 0)) / SUM(${s.col('weight')})`, 'progress')
      .addSelect(count(`${m('status')} = '${TargetStatus.COMPLETED}'`), 'onTime')
      .addSelect(count(`${m('status')} = '${TargetStatus.COMPLETED_LATE}'`), 'late')
      .addSelect(count(`${m('status')} = '${TargetStatus.OVERDUE}'`), 'overdue')
      .addSelect(count(`${m('status')} = '${TargetStatus.NOT_STARTED}'`), 'notStarted')
      .addSelect(count(`${m('warning')} = '${WarningLevel.RED}'`), 'red')
      .addSelect(count(`${m('warning')} = '${WarningLevel.YELLOW}'`), 'yellow')
      .groupBy(s.col('directiveId'))
      .getRawMany();
    const byId = new Map(
      rows.map((r) => {
        const n = (k: string) => Number(r[k] ?? 0);
        const status =
          n('onTime') + n('late') === n('roots')
            ? n('late') > 0
              ? TargetStatus.COMPLETED_LATE
              : TargetStatus.COMPLETED
            : n('overdue') > 0
              ? TargetStatus.OVERDUE
              : n('notStarted') === n('roots')
                ? TargetStatus.NOT_STARTED
                : TargetStatus.IN_PROGRESS;
        const warning = n('red') > 0 ? WarningLevel.RED : n('yellow') > 0 ? WarningLevel.YELLOW : WarningLevel.GREEN;
        return [Number(r.directiveId), { progress: Math.round(n('progress') * 1e6) / 1e6, status, warning, roots: n('roots') }] as const;
      }),
    );
    return directiveIds.map((id) => byId.get(id) ?? null);
  }

  /** Parent value − Σ children's values, for additive quantitative targets with children. */
  async allocationGaps(ctx: Context, targets: readonly Target[]): Promise<(number | null)[]> {
    const allocated = (t: Target) => t.kind === TargetKind.QUANTITATIVE && t.additive && !t.isLeaf;
    const parents = targets.filter(allocated);
    if (parents.length === 0) return targets.map(() => null);
    const rows: { parentId: number; total: number | string | null }[] = await ctx.db.manager
      .createQueryBuilder(Target, 't')
      .select('t.parentId', 'parentId')
      .addSelect('SUM(t.targetValue)', 'total')
      .where('t.parentId IN (:...ids)', { ids: parents.map((p) => p.id) })
      .groupBy('t.parentId')
      .getRawMany();
    const sums = new Map(rows.map((r) => [Number(r.parentId), Number(r.total ?? 0)]));
    const gap = (t: Target) => (t.targetValue ?? 0) - (sums.get(t.id) ?? 0);
    return targets.map((t) =>
      allocated(t) && Number.isFinite(gap(t)) ? Math.round(gap(t) * 1e6) / 1e6 : null,
    );
  }
}

/** Who a child is for, as `county/department/cadre` ids (parsed, so "0169" is 169). */
function responsibleKey(c: { responsibleCountyId?: unknown; responsibleDepartmentId?: unknown; responsibleCadreId?: unknown }): string {
  const id = (v: unknown) => (v == null ? '' : String(parseId(v as string) ?? v));
  return `${id(c.responsibleCountyId)}/${id(c.responsibleDepartmentId)}/${id(c.responsibleCadreId)}`;
}

/** Names for default child titles: 江孜县, 江孜县委组织部, 扎西次仁. */
async function responsibleNames(db: EntityManager, children: DecomposeTargetInput['children']): Promise<Map<string, string>> {
  const ids = (key: 'responsibleCountyId' | 'responsibleDepartmentId' | 'responsibleCadreId') =>
    [...new Set(children.map((c) => Number(c[key])).filter((n) => Number.isInteger(n) && n > 0))];
  const load = async <T extends { id: number; name: string }>(entity: new () => T, list: number[]) =>
    new Map((list.length ? await db.getRepository(entity).createQueryBuilder('e').where('e.id IN (:...list)', { list }).getMany() : []).map((e) => [e.id, e.name]));
  const [counties, departments, cadres] = await Promise.all([
    load(County, ids('responsibleCountyId')),
    load(Department, ids('responsibleDepartmentId')),
    load(Cadre, ids('responsibleCadreId')),
  ]);
  const names = new Map<string, string>();
  for (const c of children) {
    const key = responsibleKey(c);
    const name =
      (c.responsibleCadreId && cadres.get(Number(c.responsibleCadreId))) ||
      (c.responsibleDepartmentId && departments.get(Number(c.responsibleDepartmentId))) ||
      (c.responsibleCountyId && counties.get(Number(c.responsibleCountyId)));
    if (name) names.set(key, name);
  }
  return names;
}

/**
 * Recomputes the derived columns of one tree: which nodes are leaves, each node's share
 * (product of normalised sibling weights from the root) and each node's county (its own
 * responsible county, else its parent's). Only rows whose values change are written.
 */
export async function refreshTree(db: EntityManager, rootId: number): Promise<void> {
  const nodes = await db.getRepository(Target).find({
    where: { rootId },
    select: { id: true, parentId: true, weight: true, share: true, isLeaf: true, responsibleCountyId: true, countyId: true },
  });
  const children = new Map<number | null, Target[]>();
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) {
    const parent = n.parentId != null && ids.has(n.parentId) ? n.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), n]);
  }
  const updates: { id: number; share: number; isLeaf: boolean; countyId: number | null }[] = [];
  const visit = (node: Target, share: number, parentCounty: number | null) => {
    const kids = children.get(node.id) ?? [];
    const countyId = node.responsibleCountyId ?? parentCounty;
    if (Math.abs(node.share - share) > 1e-12 || node.isLeaf !== (kids.length === 0) || node.countyId !== countyId) {
      updates.push({ id: node.id, share, isLeaf: kids.length === 0, countyId });
    }
    const total = kids.reduce((sum, k) => sum + k.weight, 0);
    for (const kid of kids) visit(kid, total > 0 ? (share * kid.weight) / total : share / kids.length, countyId);
  };
  for (const root of children.get(null) ?? []) visit(root, 1, null);
  for (const u of updates) await db.update(Target, { id: u.id }, { share: u.share, isLeaf: u.isLeaf, countyId: u.countyId });
}

export const targetService = new TargetService(targetResource);
