import type { EntityManager } from 'typeorm';
import type { Context } from '../../common/context.js';
import { today } from '../../common/dates.js';
import { errors } from '../../common/errors.js';
import { scopeByColumns, type ResourceDef } from '../../common/query/resource.js';
import type { QuerySql } from '../../common/query/sql.js';
import { RecordService } from '../../common/records.js';
import { Role } from '../../common/scope.js';
import { inTransaction } from '../../common/transaction.js';
import { countyResource } from '../hierarchy/county.service.js';
import { departmentResource } from '../hierarchy/department.service.js';
import { Target } from '../targets/target.entity.js';
import { targetResource } from '../targets/target.service.js';
import { Inspection, RectificationStatus } from './inspection.entity.js';
import { inspectionQuery, type CompleteRectificationInput, type CreateInspectionInput, type UpdateInspectionInput } from './inspection.inputs.js';

export const inspectionResource: ResourceDef<Inspection> = {
  type: 'Inspection',
  entity: Inspection,
  query: inspectionQuery,
  readScope: scopeByColumns(),
  locate: async (_db, row) => ({ regionId: row.regionId, countyId: row.countyId ?? null }),
  // Inspections are the prefecture's supervision; counties answer them by rectifying.
  writableBy: [Role.ADMIN, Role.REGIONAL],
  parents: [{ type: 'Target', entity: Target, column: 'targetId' }],
};

type Values = Partial<Record<keyof Inspection, unknown>>;

/**
 * A rectification still open after its deadline on `asOf`: required, deadline passed, and not
 * closed by then (so a past date shows what was overdue then, even if closed since).
 */
export function rectificationOverdueSql(sql: QuerySql, asOf: string): string {
  const date = sql.param(asOf);
  return `(${sql.col('rectificationRequired')} = 1 AND ${sql.col('rectificationDeadline')} < ${date} AND ${sql.col('inspectedOn')} <= ${date}
    AND (${sql.col('closedOn')} IS NULL OR ${sql.col('closedOn')} > ${date}))`;
}

export function rectificationOverdue(inspection: Inspection, asOf: string): boolean {
  return (
    inspection.rectificationRequired &&
    inspection.rectificationDeadline != null &&
    inspection.rectificationDeadline < asOf &&
    inspection.inspectedOn <= asOf &&
    (inspection.closedOn == null || inspection.closedOn > asOf)
  );
}

class InspectionService extends RecordService<Inspection, CreateInspectionInput, UpdateInspectionInput> {
  protected override async prepare(ctx: Context, db: EntityManager, input: Values, current: Inspection | null): Promise<Values> {
    const values: Values = { ...input };
    if (!current) {
      const department = input.departmentId == null ? null : await this.reference(ctx, db, departmentResource, input.departmentId, 'departmentId');
      if (input.targetId != null) {
        const target = await this.reference(ctx, db, targetResource, input.targetId, 'targetId');
        values.targetId = target.id;
        values.regionId = target.regionId;
        values.countyId = target.countyId;
        values.departmentId = department?.id ?? target.responsibleDepartmentId;
      } else if (input.countyId != null) {
        const county = await this.reference(ctx, db, countyResource, input.countyId, 'countyId');
        values.countyId = county.id;
        values.regionId = county.regionId;
      } else if (department) {
        values.countyId = department.countyId;
        values.regionId = department.regionId;
      } else throw errors.badInput('targetId', 'blank');
      if (department) {
        if (values.countyId != null && department.countyId !== values.countyId) throw errors.badInput('departmentId', 'responsibilityMismatch');
        values.departmentId = department.id;
      }
    }
    const required = (values.rectificationRequired ?? current?.rectificationRequired) as boolean;
    const deadline = values.rectificationDeadline !== undefined ? values.rectificationDeadline : current?.rectificationDeadline;
    if (required && deadline == null) throw errors.badInput('rectificationDeadline', 'rectificationNeedsDeadline');
    if (values.rectificationRequired !== undefined) {
      const status = current?.rectificationStatus ?? RectificationStatus.NONE;
      values.rectificationStatus = required ? (status === RectificationStatus.DONE ? status : RectificationStatus.OPEN) : RectificationStatus.NONE;
      if (!required) values.rectificationDeadline = null;
    }
    return values;
  }

  /** The county (or the prefecture) reports the rectification done: a recorded change. */
  async completeRectification(ctx: Context, id: string, input: CompleteRectificationInput): Promise<Inspection> {
    const role = ctx.principal?.role;
    if (!role || role === Role.ANALYST) throw errors.forbidden('forbiddenRole', { role: role ?? '' });
    return inTransaction(ctx.db, async (db) => {
      const current = await this.visibleOrNotFound(ctx, db, id);
      this.assertInScope(ctx, await this.def.locate(db, current));
      if (current.rectificationStatus !== RectificationStatus.OPEN) throw errors.badInput('id', 'rectificationNotOpen');
      const closedOn = input.closedOn ?? today();
      if (closedOn > today()) throw errors.badInput('closedOn', 'dateInFuture', { today: today() });
      if (closedOn < current.inspectedOn) throw errors.badInput('closedOn', 'dateBefore', { date: current.inspectedOn });
      return this.applyChange(ctx, db, current, input.version, {
        rectificationStatus: RectificationStatus.DONE,
        closedOn,
        rectificationNote: input.note,
      });
    });
  }
}

export const inspectionService = new InspectionService(inspectionResource);
