import type { EntityManager } from 'typeorm';
import type { Context } from '../../common/context.js';
import { errors } from '../../common/errors.js';
import { Role } from '../../common/scope.js';
import { inTransaction } from '../../common/transaction.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { auditService } from '../audit/audit.service.js';
import { dropMonthSnapshots, recomputeDayFigures, refreshTargetMetrics } from '../targets/target-metrics.js';
import { AssessmentPolicy, DEFAULT_POLICY } from './assessment-policy.entity.js';

export type PolicyValues = typeof DEFAULT_POLICY;

export const policyService = {
  /** The newest policy row, or the built-in defaults before any policy was saved. */
  async current(db: EntityManager): Promise<PolicyValues & Partial<AssessmentPolicy>> {
    const [row] = await db.getRepository(AssessmentPolicy).find({ order: { id: 'DESC' }, take: 1 });
    return row ?? { ...DEFAULT_POLICY };
  },

  /** The current policy, read once per request however many fields ask for it. */
  forRequest(ctx: Context): Promise<PolicyValues & Partial<AssessmentPolicy>> {
    return ctx.loaders.custom<number, PolicyValues & Partial<AssessmentPolicy>>('current-policy', async (keys) => {
      const current = await policyService.current(ctx.db.manager);
      return keys.map(() => current);
    }).load(0);
  },

  /** The current policy as a record: the newest row, or the defaults shown with id 0. */
  async currentRecord(db: EntityManager): Promise<AssessmentPolicy> {
    const current = await policyService.current(db);
    return { id: 0, createdAt: new Date(0), createdById: null, note: null, ...current };
  },

  history(ctx: Context): Promise<AssessmentPolicy[]> {
    return ctx.db.manager.getRepository(AssessmentPolicy).find({ order: { id: 'DESC' } });
  },

  /** Saves a new current policy (the old one stays as history). ADMIN only. */
  async update(ctx: Context, input: Partial<PolicyValues> & { note?: string | null }): Promise<AssessmentPolicy> {
    if (ctx.principal?.role !== Role.ADMIN) throw errors.forbidden('forbiddenRole', { role: ctx.principal?.role ?? '' });
    return inTransaction(ctx.db, async (db) => {
      const current = await policyService.current(db);
      const values = { ...DEFAULT_POLICY, ...pick(current), ...defined(input) };
      if (values.yellowGap > values.redGap) throw errors.badInput('yellowGap', 'invalidInput', { detail: 'yellowGap ≤ redGap' });
      const unchanged = Object.entries(values).every(([k, v]) => (pick(current) as Record<string, unknown>)[k] === v);
      if (unchanged && 'id' in current && current.id) return current as AssessmentPolicy; // nothing to record
      const inserted = await db.insert(AssessmentPolicy, { ...values, note: input.note ?? null, createdAt: new Date(), createdById: ctx.principal!.userId });
      const id = Number(inserted.identifiers[0].id);
      const changes = Object.fromEntries(
        Object.entries(values)
          .filter(([k, v]) => (pick(current) as Record<string, unknown>)[k] !== v)
          .map(([k, v]) => [k, { before: (pick(current) as Record<string, unknown>)[k], after: v }]),
      );
      await auditService.record(db, ctx, { action: AuditAction.CREATE, entityType: 'AssessmentPolicy', entityId: id, location: { regionId: null, countyId: null }, changes });
      // Which reports count changed: every maintained figure follows.
      if ('countSubmittedReports' in changes) {
        await dropMonthSnapshots(db);
        await refreshTargetMetrics(db);
      } else if (WARNING_SETTINGS.some((k) => k in changes)) {
        // The warning thresholds changed: today's stored status and warning follow at once;
        // the month snapshots, which hold them as of each month's end, are built again.
        await dropMonthSnapshots(db);
        await recomputeDayFigures(db);
      }
      return db.getRepository(AssessmentPolicy).findOneOrFail({ where: { id } });
    });
  },
};

/** The settings status and warning follow from (besides which reports count). */
const WARNING_SETTINGS = ['redGap', 'yellowGap', 'yellowDaysLeft', 'yellowMinProgress'];

function pick(p: PolicyValues): PolicyValues {
  return Object.fromEntries(Object.keys(DEFAULT_POLICY).map((k) => [k, (p as Record<string, unknown>)[k]])) as PolicyValues;
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && v !== null && k !== 'note')) as Partial<T>;
}
