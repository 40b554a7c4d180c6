import type { EntityManager } from 'typeorm';
import type { Context } from '../../common/context.js';
import { parsePeriod, today } from '../../common/dates.js';
import { errors } from '../../common/errors.js';
import { parseId } from '../../common/query/list.js';
import { scopeByColumns, type ResourceDef } from '../../common/query/resource.js';
import { RecordService } from '../../common/records.js';
import { Role } from '../../common/scope.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { Cadre } from '../hierarchy/cadre.entity.js';
import { cadreResource } from '../hierarchy/cadre.service.js';
import { Department } from '../hierarchy/department.entity.js';
import { DemocraticEvaluation } from './democratic-evaluation.entity.js';
import { evaluationQuery, type CreateDemocraticEvaluationInput, type UpdateDemocraticEvaluationInput } from './democratic-evaluation.inputs.js';

export const evaluationResource: ResourceDef<DemocraticEvaluation> = {
  type: 'DemocraticEvaluation',
  entity: DemocraticEvaluation,
  query: evaluationQuery,
  readScope: scopeByColumns(),
  locate: async (_db, row) => ({ regionId: row.regionId, countyId: row.countyId ?? null }),
  // A county records the votes of its own cadres' evaluation meetings.
  writableBy: [Role.ADMIN, Role.REGIONAL, Role.COUNTY],
  parents: [{ type: 'Cadre', entity: Cadre, column: 'cadreId' }],
};

type Values = Partial<Record<keyof DemocraticEvaluation, unknown>>;
const VOTES = ['excellent', 'competent', 'basicallyCompetent', 'incompetent'] as const;

/** Where a cadre sits now: what a new evaluation or accountability record is filed under. */
export async function cadrePlace(db: EntityManager, cadre: Cadre): Promise<{ regionId: number; countyId: number | null; departmentId: number }> {
  const department = await db.findOneOrFail(Department, { where: { id: cadre.departmentId }, withDeleted: true });
  return { regionId: department.regionId, countyId: department.countyId ?? null, departmentId: department.id };
}

async function lockCadre(db: EntityManager, cadreId: number | null): Promise<void> {
  if (cadreId === null || db.connection.options.type === 'better-sqlite3') return;
  await db.getRepository(Cadre).findOne({ where: { id: cadreId }, withDeleted: true, lock: { mode: 'pessimistic_write' } });
}

class DemocraticEvaluationService extends RecordService<DemocraticEvaluation, CreateDemocraticEvaluationInput, UpdateDemocraticEvaluationInput> {
  protected override async prepare(ctx: Context, db: EntityManager, input: Values, current: DemocraticEvaluation | null): Promise<Values> {
    // A county records its cadres' votes; correcting recorded votes is the prefecture's.
    if (current && ctx.principal?.role === Role.COUNTY) throw errors.forbidden('evaluationCorrectedByPrefecture');
    const values: Values = { ...input };
    // One evaluation per cadre and period: writers of the same cadre's evaluations take turns
    // (MySQL/MariaDB; SQLite runs one transaction at a time), so the check below sees the other's row.
    await lockCadre(db, current ? current.cadreId : parseId(input.cadreId as string));
    if (!current) {
      const cadre = await this.reference(ctx, db, cadreResource, input.cadreId, 'cadreId');
      Object.assign(values, { cadreId: cadre.id, ...(await cadrePlace(db, cadre)) });
    }
    if (values.period !== undefined) {
      const period = parsePeriod(String(values.period));
      if (!period) throw errors.badInput('period', 'badPeriod');
      values.periodFrom = period.from;
      values.periodTo = period.to;
    }
    const merged = Object.fromEntries(VOTES.map((k) => [k, (values[k] ?? current?.[k] ?? 0) as number]));
    for (const k of VOTES) if (!Number.isInteger(merged[k])) throw errors.badInput(k, 'voteCount', { field: k });
    if (VOTES.every((k) => merged[k] === 0)) throw errors.badInput('excellent', 'votesNone');
    if (values.meetingDate && String(values.meetingDate) > today()) throw errors.badInput('meetingDate', 'dateInFuture', { today: today() });
    await this.assertOnePerPeriod(db, (values.cadreId ?? current!.cadreId) as number, String(values.period ?? current!.period), current?.id ?? null);
    return values;
  }

  /** One live evaluation per cadre and period. */
  private async assertOnePerPeriod(db: EntityManager, cadreId: number, period: string, exceptId: number | null): Promise<void> {
    const qb = db.createQueryBuilder(DemocraticEvaluation, 'e').where('e.cadreId = :cadreId AND e.period = :period', { cadreId, period });
    if (exceptId !== null) qb.andWhere('e.id <> :exceptId', { exceptId });
    if ((await qb.getCount()) > 0) throw errors.badInput('period', 'evaluationExists', { period });
  }

  /** Deleting or restoring votes, like correcting them, is the prefecture's. */
  protected override async beforeRemove(ctx: Context): Promise<void> {
    if (ctx.principal?.role === Role.COUNTY) throw errors.forbidden('evaluationCorrectedByPrefecture');
  }

  protected override async afterChange(_ctx: Context, db: EntityManager, row: DemocraticEvaluation, action: AuditAction): Promise<void> {
    if (action === AuditAction.RESTORE) {
      await lockCadre(db, row.cadreId);
      await this.assertOnePerPeriod(db, row.cadreId, row.period, row.id);
    }
  }
}

export const evaluationService = new DemocraticEvaluationService(evaluationResource);

// A cadre with evaluations is not deleted while they stand (declared here, so that the
// hierarchy module need not know this one).
cadreResource.dependents = [...(cadreResource.dependents ?? []), { type: 'DemocraticEvaluation', entity: DemocraticEvaluation, column: 'cadreId' }];
