import type { EntityManager } from 'typeorm';
import type { Context } from '../../common/context.js';
import { today } from '../../common/dates.js';
import { errors } from '../../common/errors.js';
import { scopeByColumns, type ResourceDef } from '../../common/query/resource.js';
import { RecordService } from '../../common/records.js';
import { Role } from '../../common/scope.js';
import { Cadre } from '../hierarchy/cadre.entity.js';
import { cadreResource } from '../hierarchy/cadre.service.js';
import { Target } from '../targets/target.entity.js';
import { targetResource } from '../targets/target.service.js';
import { Accountability } from './accountability.entity.js';
import { accountabilityQuery, type CreateAccountabilityInput, type UpdateAccountabilityInput } from './accountability.inputs.js';
import { cadrePlace } from './democratic-evaluation.service.js';

export const accountabilityResource: ResourceDef<Accountability> = {
  type: 'Accountability',
  entity: Accountability,
  query: accountabilityQuery,
  readScope: scopeByColumns(),
  locate: async (_db, row) => ({ regionId: row.regionId, countyId: row.countyId ?? null }),
  // 责任追究 is decided above the county: the prefecture records it.
  writableBy: [Role.ADMIN, Role.REGIONAL],
  parents: [
    { type: 'Cadre', entity: Cadre, column: 'cadreId' },
    { type: 'Target', entity: Target, column: 'targetId' },
  ],
};

type Values = Partial<Record<keyof Accountability, unknown>>;

class AccountabilityService extends RecordService<Accountability, CreateAccountabilityInput, UpdateAccountabilityInput> {
  protected override async prepare(ctx: Context, db: EntityManager, input: Values, current: Accountability | null): Promise<Values> {
    const values: Values = { ...input };
    if (!current) {
      const cadre = await this.reference(ctx, db, cadreResource, input.cadreId, 'cadreId');
      Object.assign(values, { cadreId: cadre.id, ...(await cadrePlace(db, cadre)) });
    }
    if (input.targetId != null) {
      const target = await this.reference(ctx, db, targetResource, input.targetId, 'targetId');
      const regionId = (values.regionId ?? current?.regionId) as number;
      if (target.regionId !== regionId) throw errors.badInput('targetId', 'responsibilityMismatch');
      values.targetId = target.id;
    }
    if (values.decidedOn && String(values.decidedOn) > today()) throw errors.badInput('decidedOn', 'dateInFuture', { today: today() });
    return values;
  }
}

export const accountabilityService = new AccountabilityService(accountabilityResource);

// Neither a cadre nor a target with accountability records is deleted while they stand.
cadreResource.dependents = [...(cadreResource.dependents ?? []), { type: 'Accountability', entity: Accountability, column: 'cadreId' }];
targetResource.dependents = [...(targetResource.dependents ?? []), { type: 'Accountability', entity: Accountability, column: 'targetId' }];
