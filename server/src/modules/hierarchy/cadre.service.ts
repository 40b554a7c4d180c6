import type { EntityManager } from 'typeorm';
import type { Context } from '../../common/context.js';
import { RecordService } from '../../common/records.js';
import type { ResourceDef } from '../../common/query/resource.js';
import { Role } from '../../common/scope.js';
import { Cadre } from './cadre.entity.js';
import { cadreQuery, type CreateCadreInput, type UpdateCadreInput } from './cadre.inputs.js';
import { Department } from './department.entity.js';
import { departmentResource, refuseMoveWithTargets } from './department.service.js';

const departmentWhere = (sql: Parameters<ResourceDef['readScope']>[1], column: string, value: number) =>
  `${sql.col('departmentId')} IN (SELECT ${sql.col('id', 'sd')} FROM ${sql.table(Department)} ${sql.esc('sd')} WHERE ${sql.col(column, 'sd')} = ${sql.param(value)})`;

export const cadreResource: ResourceDef<Cadre> = {
  type: 'Cadre',
  entity: Cadre,
  query: cadreQuery,
  readScope: (scope, sql) =>
    scope.level === 'REGION' ? departmentWhere(sql, 'regionId', scope.regionId) : departmentWhere(sql, 'countyId', scope.countyId),
  locate: async (db, row) => {
    const department = await db.getRepository(Department).findOne({ where: { id: row.departmentId }, withDeleted: true });
    return { regionId: department?.regionId ?? null, countyId: department?.countyId ?? null };
  },
  writableBy: [Role.ADMIN, Role.REGIONAL, Role.COUNTY],
  parents: [{ type: 'Department', entity: Department, column: 'departmentId' }],
};

/** Roles that see cadres' phone numbers: analysts work with the data, not with the people. */
const PHONE_READERS = new Set<Role>([Role.ADMIN, Role.REGIONAL, Role.COUNTY]);

class CadreService extends RecordService<Cadre, CreateCadreInput, UpdateCadreInput> {
  protected override async prepare(ctx: Context, db: EntityManager, input: Partial<Record<keyof Cadre, unknown>>, current: Cadre | null) {
    if (input.departmentId === undefined || input.departmentId === null) return input;
    const department = await this.reference(ctx, db, departmentResource, input.departmentId, 'departmentId');
    if (current && department.id !== current.departmentId) {
      const from = await db.getRepository(Department).findOne({ where: { id: current.departmentId }, withDeleted: true });
      if ((from?.countyId ?? null) !== department.countyId) await refuseMoveWithTargets(db, 'responsibleCadreId', current.id, 'departmentId');
    }
    return { ...input, departmentId: department.id };
  }

  phoneFor(ctx: Context, cadre: Cadre): string | null {
    return ctx.principal && PHONE_READERS.has(ctx.principal.role) ? cadre.phone : null;
  }
}

export const cadreService = new CadreService(cadreResource);
