import type { EntityManager } from 'typeorm';
import type { Context } from '../../common/context.js';
import { parsePeriod, today } from '../../common/dates.js';
import { errors } from '../../common/errors.js';
import { scopeByColumns, type ResourceDef } from '../../common/query/resource.js';
import { RecordService } from '../../common/records.js';
import { Role } from '../../common/scope.js';
import { inTransaction, lockTree } from '../../common/transaction.js';
import { ProgressReport, ReviewStatus } from './progress-report.entity.js';
import {
  progressReportQuery,
  type ReviewProgressReportInput,
  type SubmitProgressReportInput,
  type UpdateProgressReportInput,
} from './progress-report.inputs.js';
import { policyService } from '../policy/policy.service.js';
import { Target, TargetKind } from './target.entity.js';
import { refreshTargetMetrics } from './target-metrics.js';
import { targetResource } from './target.service.js';

export const progressReportResource: ResourceDef<ProgressReport> = {
  type: 'ProgressReport',
  entity: ProgressReport,
  query: progressReportQuery,
  readScope: scopeByColumns(),
  locate: async (_db, row) => ({ regionId: row.regionId, countyId: row.countyId ?? null }),
  writableBy: [Role.ADMIN, Role.REGIONAL, Role.COUNTY],
  parents: [{ type: 'Target', entity: Target, column: 'targetId' }],
};

type Values = Partial<Record<keyof ProgressReport, unknown>>;

/** Reviewing is the prefecture's job: a county does not approve its own reports. */
const REVIEWERS = [Role.ADMIN, Role.REGIONAL];

/** The date a report had before the change in progress, keyed by transaction. */
const previousDates = new WeakMap<EntityManager, string>();

class ProgressReportService extends RecordService<ProgressReport, SubmitProgressReportInput, UpdateProgressReportInput> {
  /** Changes to one tree's reports queue on its lock instead of deadlocking in the figures' upkeep. */
  protected override async lockFirst(db: EntityManager, at: { id: string } | { input: SubmitProgressReportInput }): Promise<void> {
    await lockTree(db, 'id' in at ? { reportId: Number(at.id) } : { targetId: Number(at.input.targetId) });
  }

  protected override async prepare(ctx: Context, db: EntityManager, input: Values, current: ProgressReport | null): Promise<Values> {
    if (current && current.status !== ReviewStatus.SUBMITTED) throw errors.badInput('id', 'reportReviewed', { status: current.status });
    if (current) previousDates.set(db, current.reportedOn);
    const values: Values = { ...input };
    const target = current
      ? await db.findOneOrFail(Target, { where: { id: current.targetId }, withDeleted: true })
      : await this.reference(ctx, db, targetResource, input.targetId, 'targetId');
    if (!current) {
      this.assertInScope(ctx, await targetResource.locate(db, target));
      if (!target.isLeaf) throw errors.badInput('targetId', 'reportOnLeaf');
      values.targetId = target.id;
      values.regionId = target.regionId;
      values.countyId = target.countyId;
      values.reporterId = ctx.principal!.userId;
      values.status = ReviewStatus.SUBMITTED;
      values.reportedOn ??= today();
    }
    const reportedOn = (values.reportedOn ?? current?.reportedOn) as string;
    if (reportedOn > today()) throw errors.badInput('reportedOn', 'dateInFuture', { today: today() });
    if (reportedOn < target.startDate) throw errors.badInput('reportedOn', 'reportBeforeStart', { date: reportedOn, startDate: target.startDate });
    if (values.period != null && !parsePeriod(String(values.period))) throw errors.badInput('period', 'badPeriod');
    if (!current) values.period ??= reportedOn.slice(0, 7);
    // A report covers a period that has begun by its date (it may come after the period ends).
    const period = parsePeriod(String(values.period ?? current?.period));
    if (period && period.from > reportedOn) throw errors.badInput('period', 'periodAfterReport', { period: period.label, date: reportedOn });

    const actual = values.actualValue !== undefined ? values.actualValue : current?.actualValue;
    const percent = values.percentComplete !== undefined ? values.percentComplete : current?.percentComplete;
    if (target.kind === TargetKind.QUANTITATIVE) {
      if (actual == null) throw errors.badInput('actualValue', 'reportValueMissing', { kind: 'QUANTITATIVE' });
      values.percentComplete = null;
    } else {
      if (percent == null) throw errors.badInput('percentComplete', 'reportValueMissing', { kind: 'QUALITATIVE' });
      if ((percent as number) < 0 || (percent as number) > 100) throw errors.badInput('percentComplete', 'percentRange');
      values.actualValue = null;
    }
    return values;
  }

  /** SUBMITTED reports waiting longer than the policy's reviewOverdueDays, longest waiting first. */
  overdueReviews(ctx: Context, offset: number, limit: number) {
    return this.list(ctx, { filter: { reviewOverdue: { eq: true } }, orderBy: [{ field: 'SUBMITTED_AT', direction: 'ASC' as never }], offset, limit });
  }

  /** Whole days a SUBMITTED report has waited for review; null once reviewed. */
  waitingDays(report: ProgressReport): number | null {
    return report.status === ReviewStatus.SUBMITTED ? Math.floor((Date.now() - report.createdAt.getTime()) / 86_400_000) : null;
  }

  /** APPROVED or REJECTED, once, by the prefecture, never by the reporter. */
  async review(ctx: Context, id: string, input: ReviewProgressReportInput): Promise<ProgressReport> {
    const role = ctx.principal?.role;
    if (!role || !REVIEWERS.includes(role)) throw errors.forbidden('forbiddenRole', { role: role ?? '' });
    if (input.decision === ReviewStatus.SUBMITTED) throw errors.badInput('decision', 'invalidInput', { detail: 'APPROVED | REJECTED' });
    return inTransaction(ctx.db, async (db) => {
      await lockTree(db, { reportId: Number(id) });
      const report = await this.visibleOrNotFound(ctx, db, id);
      this.assertInScope(ctx, await this.def.locate(db, report));
      if (report.status !== ReviewStatus.SUBMITTED) throw errors.badInput('id', 'reportReviewed', { status: report.status });
      if (report.reporterId === ctx.principal!.userId) throw errors.forbidden('reviewOwnReport');
      return this.applyChange(ctx, db, report, input.version, {
        status: input.decision,
        reviewNote: input.note ?? null,
        reviewerId: ctx.principal!.userId,
        reviewedAt: new Date(),
      });
    });
  }

  /** The report that counts for a target on `asOf` (the progress rule's choice), batched per request. */
  async latestFor(ctx: Context, targetId: number, asOf: string): Promise<ProgressReport | null> {
    const policy = await policyService.forRequest(ctx);
    const counted = policy.countSubmittedReports ? [ReviewStatus.SUBMITTED, ReviewStatus.APPROVED] : [ReviewStatus.APPROVED];
    const page = await ctx.loaders
      .page(
        progressReportResource,
        'targetId',
        {
          filter: { status: { in: counted }, reportedOn: { lte: asOf } },
          // Same order as the progress rule: the latest date, then the latest submitted.
          orderBy: [
            { field: 'REPORTED_ON', direction: 'DESC' as never },
            { field: 'ID', direction: 'DESC' as never },
          ],
          limit: 1,
        },
        false,
      )
      .load(targetId);
    return page.items[0] ?? null;
  }

  /** A report that is submitted, corrected, reviewed, withdrawn or restored moves its tree's figures. */
  protected override async afterChange(_ctx: Context, db: EntityManager, report: ProgressReport): Promise<void> {
    const target = await db.findOneOrFail(Target, { where: { id: report.targetId }, withDeleted: true, select: { id: true, rootId: true } });
    // Month snapshots from the report's month on (or from its old date's, when it moved) follow.
    const previous = previousDates.get(db);
    const since = (previous && previous < report.reportedOn ? previous : report.reportedOn).slice(0, 7);
    await refreshTargetMetrics(db, [target.rootId], { since });
  }

  /** Only a report that has not been reviewed can be withdrawn. */
  protected override async beforeRemove(_ctx: Context, _db: EntityManager, report: ProgressReport): Promise<void> {
    if (report.status !== ReviewStatus.SUBMITTED) throw errors.badInput('id', 'reportReviewed', { status: report.status });
  }
}

export const progressReportService = new ProgressReportService(progressReportResource);
