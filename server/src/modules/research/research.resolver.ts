import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { RecordResolver, relationArgs } from '../../common/crud.resolver.js';
import type { ListArgs } from '../../common/query/list.js';
import { County } from '../hierarchy/county.entity.js';
import { countyResource } from '../hierarchy/county.service.js';
import { Target } from '../targets/target.entity.js';
import { targetResource } from '../targets/target.service.js';
import { FieldResearch } from './field-research.entity.js';
import { CreateFieldResearchInput, FieldResearchPage, fieldResearchQuery, UpdateFieldResearchInput } from './field-research.inputs.js';
import { fieldResearchService } from './field-research.service.js';
import { PublicFeedback } from './public-feedback.entity.js';
import { CreatePublicFeedbackInput, PublicFeedbackPage, publicFeedbackQuery, UpdatePublicFeedbackInput } from './public-feedback.inputs.js';
import { publicFeedbackResource, publicFeedbackService } from './public-feedback.service.js';
import { toMany, toOne } from '../../common/query/relations.js';

const fieldResearchCounty = toOne(FieldResearch, 'county', () => countyResource, 'countyId');
const publicFeedbackCounty = toOne(PublicFeedback, 'county', () => countyResource, 'countyId');
const publicFeedbackTarget = toOne(PublicFeedback, 'target', () => targetResource, 'targetId');
const targetPublicFeedbacks = toMany(Target, 'publicFeedbacks', () => publicFeedbackResource, 'targetId');

@Resolver(() => FieldResearch)
export class FieldResearchResolver extends RecordResolver({
  type: 'FieldResearch',
  plural: 'fieldResearches',
  entity: FieldResearch,
  page: FieldResearchPage,
  query: fieldResearchQuery,
  create: CreateFieldResearchInput,
  update: UpdateFieldResearchInput,
  service: fieldResearchService,
}) {
  @FieldResolver(() => County, { nullable: true })
  county(@Root() research: FieldResearch, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return fieldResearchCounty.load(ctx, research, info);
  }

  @FieldResolver(() => [Target], { complexity: ({ childComplexity }) => 1 + 100 * childComplexity, description: 'The targets this visit led to.' })
  targets(@Root() research: FieldResearch, @Ctx() ctx: Context) {
    return ctx.loaders.custom<number, Target[]>('field-research-targets', (ids) => fieldResearchService.targetsOf(ctx, ids)).load(research.id);
  }
}

@Resolver(() => PublicFeedback)
export class PublicFeedbackResolver extends RecordResolver({
  type: 'PublicFeedback',
  plural: 'publicFeedbacks',
  entity: PublicFeedback,
  page: PublicFeedbackPage,
  query: publicFeedbackQuery,
  create: CreatePublicFeedbackInput,
  update: UpdatePublicFeedbackInput,
  service: publicFeedbackService,
}) {
  @FieldResolver(() => County, { nullable: true })
  county(@Root() feedback: PublicFeedback, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return publicFeedbackCounty.load(ctx, feedback, info);
  }

  @FieldResolver(() => Target, { nullable: true })
  target(@Root() feedback: PublicFeedback, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return publicFeedbackTarget.load(ctx, feedback, info);
  }
}

const FeedbackArgs = relationArgs(publicFeedbackQuery);

@Resolver(() => Target)
export class TargetResearchResolver {
  @FieldResolver(() => [FieldResearch], { complexity: ({ childComplexity }) => 1 + 50 * childComplexity, description: '调研 that led to this target.' })
  fieldResearches(@Root() target: Target, @Ctx() ctx: Context) {
    return ctx.loaders.custom<number, FieldResearch[]>('target-field-research', (ids) => fieldResearchService.researchOf(ctx, ids)).load(target.id);
  }

  @FieldResolver(() => PublicFeedbackPage, { description: '群众意见 linked to this target.' })
  publicFeedbacks(@Root() target: Target, @Args(() => FeedbackArgs) args: ListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return targetPublicFeedbacks.load(ctx, target, args, info);
  }
}
