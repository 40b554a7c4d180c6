import type { EntityManager } from 'typeorm';
import { Target } from '../targets/target.entity.js';
import type { Context } from '../../common/context.js';
import { errors } from '../../common/errors.js';
import { RecordService } from '../../common/records.js';
import { scopeByColumns, type ResourceDef } from '../../common/query/resource.js';
import { Role } from '../../common/scope.js';
import { Cadre } from './cadre.entity.js';
import { County } from './county.entity.js';
import { countyResource } from './county.service.js';
import { Department } from './department.entity.js';
import { departmentQuery, type CreateDepartmentInput, type UpdateDepartmentInput } from './department.inputs.js';
import { Region } from './region.entity.js';
import { regionResource } from './region.service.js';

export const departmentResource: ResourceDef<Department> = {
  type: 'Department',
  entity: Department,
  query: departmentQuery,
  readScope: scopeByColumns(),
  locate: async (_db, row) => ({ regionId: row.regionId, countyId: row.countyId ?? null }),
  writableBy: [Role.ADMIN, Role.REGIONAL, Role.COUNTY],
  dependents: [{ type: 'Cadre', entity: Cadre, column: 'departmentId' }],
  parents: [
    { type: 'Region', entity: Region, column: 'regionId' },
    { type: 'County', entity: County, column: 'countyId' },
  ],
};

type Values = Partial<Record<keyof Department, unknown>>;

class DepartmentService extends RecordService<Department, CreateDepartmentInput, UpdateDepartmentInput> {
  /** The region follows from the county; a region-level unit (地直) names its region alone. */
  protected override async prepare(ctx: Context, db: EntityManager, input: Values, current: Department | null): Promise<Values> {
    const values = { ...input };
    if (input.countyId !== undefined && input.countyId !== null) {
      const county = await this.reference(ctx, db, countyResource, input.countyId, 'countyId');
      const regionId = input.regionId ?? current?.regionId;
      if (regionId != null && String(regionId) !== String(county.regionId)) {
        throw errors.badInput('countyId', 'countyRegionMismatch');
      }
      values.countyId = county.id;
      values.regionId = county.regionId;
    } else if (current === null) {
      const region = await this.reference(ctx, db, regionResource, input.regionId, 'regionId');
      values.regionId = region.id;
      values.countyId = null;
    }
    if (current && values.countyId !== undefined && (values.countyId ?? null) !== current.countyId) await refuseMoveWithTargets(db, 'responsibleDepartmentId', current.id, 'countyId');
    return values;
  }
}

/**
 * A department or cadre that carries targets stays in its county: its targets are the
 * county's (their county, reports and notices with them), and moving the carrier would leave
 * a county's target carried from another county. Hand the targets over first.
 */
export async function refuseMoveWithTargets(db: EntityManager, column: 'responsibleDepartmentId' | 'responsibleCadreId', id: number, field: string): Promise<void> {
  const count = await db.getRepository(Target).count({ where: { [column]: id } as never });
  if (count > 0) throw errors.badInput(field, 'carrierHasTargets', { count });
}

export const departmentService = new DepartmentService(departmentResource);
