import { RecordService } from '../../common/records.js';
import type { ResourceDef } from '../../common/query/resource.js';
import { Role } from '../../common/scope.js';
import { User } from '../users/user.entity.js';
import { County } from './county.entity.js';
import { Department } from './department.entity.js';
import { regionQuery, type CreateRegionInput, type UpdateRegionInput } from './region.inputs.js';
import { Region } from './region.entity.js';

export const regionResource: ResourceDef<Region> = {
  type: 'Region',
  entity: Region,
  query: regionQuery,
  // County users read their own region (read-only): it is the parent of what they work on.
  readScope: (scope, sql) => `${sql.col('id')} = ${sql.param(scope.regionId)}`,
  locate: async (_db, row) => ({ regionId: row.id ?? null, countyId: null }),
  writableBy: [Role.ADMIN],
  unique: ['code'],
  dependents: [
    { type: 'County', entity: County, column: 'regionId' },
    { type: 'Department', entity: Department, column: 'regionId' },
    { type: 'User', entity: User, column: 'regionId' },
  ],
};

export const regionService = new RecordService<Region, CreateRegionInput, UpdateRegionInput>(regionResource);
