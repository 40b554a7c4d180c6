import type { EntityManager } from 'typeorm';
import type { Context } from '../../common/context.js';
import { errors } from '../../common/errors.js';
import { scopeByColumns, type ResourceDef } from '../../common/query/resource.js';
import { RecordService } from '../../common/records.js';
import { Role } from '../../common/scope.js';
import { countyResource } from '../hierarchy/county.service.js';
import { assertLinkable, targetResource } from '../targets/target.service.js';
import { FeedbackStatus, PublicFeedback } from './public-feedback.entity.js';
import { publicFeedbackQuery, type CreatePublicFeedbackInput, type UpdatePublicFeedbackInput } from './public-feedback.inputs.js';

export const publicFeedbackResource: ResourceDef<PublicFeedback> = {
  type: 'PublicFeedback',
  entity: PublicFeedback,
  query: publicFeedbackQuery,
  readScope: scopeByColumns(),
  locate: async (_db, row) => ({ regionId: row.regionId, countyId: row.countyId }),
  writableBy: [Role.ADMIN, Role.REGIONAL, Role.COUNTY],
};

class PublicFeedbackService extends RecordService<PublicFeedback, CreatePublicFeedbackInput, UpdatePublicFeedbackInput> {
  protected override async prepare(ctx: Context, db: EntityManager, input: Partial<Record<keyof PublicFeedback, unknown>>, current: PublicFeedback | null) {
    const values = { ...input };
    if (!current) {
      const county = await this.reference(ctx, db, countyResource, input.countyId, 'countyId');
      values.countyId = county.id;
      values.regionId = county.regionId;
      values.status = FeedbackStatus.OPEN;
    }
    if (input.targetId != null) {
      const target = await this.reference(ctx, db, targetResource, input.targetId, 'targetId');
      assertLinkable(ctx, target, 'targetId');
      values.targetId = target.id;
    }
    const status = (values.status ?? current?.status) as FeedbackStatus;
    const response = values.response !== undefined ? values.response : current?.response;
    if (status === FeedbackStatus.ANSWERED && !response) throw errors.badInput('response', 'blank');
    return values;
  }
}

export const publicFeedbackService = new PublicFeedbackService(publicFeedbackResource);
