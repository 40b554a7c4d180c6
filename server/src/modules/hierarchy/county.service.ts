import type { EntityManager } from 'typeorm';
import type { Context } from '../../common/context.js';
import { RecordService } from '../../common/records.js';
import type { ResourceDef } from '../../common/query/resource.js';
import { Role } from '../../common/scope.js';
import { User } from '../users/user.entity.js';
import { County } from './county.entity.js';
import { countyQuery, type CreateCountyInput, type UpdateCountyInput } from './county.inputs.js';
import { Department } from './department.entity.js';
import { Region } from './region.entity.js';
import { regionResource } from './region.service.js';

export const countyResource: ResourceDef<County> = {
  type: 'County',
  entity: County,
  query: countyQuery,
  readScope: (scope, sql) =>
    scope.level === 'REGION'
      ? `${sql.col('regionId')} = ${sql.param(scope.regionId)}`
      : `${sql.col('id')} = ${sql.param(scope.countyId)}`,
  locate: async (_db, row) => ({ regionId: row.regionId, countyId: row.id ?? null }),
  writableBy: [Role.ADMIN, Role.REGIONAL],
  unique: ['code'],
  dependents: [
    { type: 'Department', entity: Department, column: 'countyId' },
    { type: 'User', entity: User, column: 'countyId' },
  ],
  parents: [{ type: 'Region', entity: Region, column: 'regionId' }],
};

class CountyService extends RecordService<County, CreateCountyInput, UpdateCountyInput> {
  protected override async prepare(ctx: Context, db: EntityManager, input: Partial<Record<keyof County, unknown>>, current: County | null) {
    if (current === null) {
      const region = await this.reference(ctx, db, regionResource, input.regionId, 'regionId');
      return { ...input, regionId: region.id };
    }
    return input;
  }
}

export const countyService = new CountyService(countyResource);
