import type { EntityManager } from 'typeorm';
import type { Context } from '../../common/context.js';
import { errors } from '../../common/errors.js';
import type { ResourceDef } from '../../common/query/resource.js';
import { RecordService } from '../../common/records.js';
import { Role } from '../../common/scope.js';
import { regionResource } from '../hierarchy/region.service.js';
import { Directive } from './directive.entity.js';
import { directiveQuery, type CreateDirectiveInput, type UpdateDirectiveInput } from './directive.inputs.js';
import { Target } from './target.entity.js';

export const directiveResource: ResourceDef<Directive> = {
  type: 'Directive',
  entity: Directive,
  query: directiveQuery,
  // Directives are region-level: county users read them (read-only) to know what their targets implement.
  readScope: (scope, sql) => `${sql.col('regionId')} = ${sql.param(scope.regionId)}`,
  locate: async (_db, row) => ({ regionId: row.regionId, countyId: null }),
  writableBy: [Role.ADMIN, Role.REGIONAL],
  dependents: [{ type: 'Target', entity: Target, column: 'directiveId' }],
};

class DirectiveService extends RecordService<Directive, CreateDirectiveInput, UpdateDirectiveInput> {
  protected override async prepare(ctx: Context, db: EntityManager, input: Partial<Record<keyof Directive, unknown>>, current: Directive | null) {
    if (current) return input;
    const regionId = input.regionId ?? ctx.principal?.regionId;
    if (regionId == null) throw errors.badInput('regionId', 'regionRoleNeedsRegion', { role: ctx.principal?.role ?? '' });
    const region = await this.reference(ctx, db, regionResource, regionId, 'regionId');
    return { ...input, regionId: region.id };
  }
}

export const directiveService = new DirectiveService(directiveResource);
