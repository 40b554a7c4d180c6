import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { User } from '../users/user.entity.js';
import { userResource } from '../users/user.service.js';
import type { Context } from '../../common/context.js';
import { RecordResolver, relationArgs } from '../../common/crud.resolver.js';
import { today } from '../../common/dates.js';
import type { ListArgs } from '../../common/query/list.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { County } from '../hierarchy/county.entity.js';
import { countyResource } from '../hierarchy/county.service.js';
import { Department } from '../hierarchy/department.entity.js';
import { departmentResource } from '../hierarchy/department.service.js';
import { Target } from '../targets/target.entity.js';
import { targetResource } from '../targets/target.service.js';
import { Inspection } from './inspection.entity.js';
import { CompleteRectificationInput, CreateInspectionInput, InspectionPage, inspectionQuery, UpdateInspectionInput } from './inspection.inputs.js';
import { inspectionResource, inspectionService, rectificationOverdue } from './inspection.service.js';
import { SupervisionNotice } from './supervision-notice.entity.js';
import {
  IssueSupervisionNoticeInput,
  RespondToSupervisionNoticeInput,
  SuggestedNotice,
  SupervisionNoticePage,
  noticeQuery,
  UpdateSupervisionNoticeInput,
} from './supervision-notice.inputs.js';
import { noticeResource, noticeService } from './supervision-notice.service.js';
import { toMany, toOne } from '../../common/query/relations.js';

const asOfArg = { nullable: true, description: 'As of this date (default today).' };

const inspectionTarget = toOne(Inspection, 'target', () => targetResource, 'targetId');
const inspectionCounty = toOne(Inspection, 'county', () => countyResource, 'countyId');
const inspectionDepartment = toOne(Inspection, 'department', () => departmentResource, 'departmentId');
const supervisionNoticeTarget = toOne(SupervisionNotice, 'target', () => targetResource, 'targetId');
const supervisionNoticeCounty = toOne(SupervisionNotice, 'county', () => countyResource, 'countyId');
const supervisionNoticeIssuedBy = toOne(SupervisionNotice, 'issuedBy', () => userResource, 'issuedById');
const supervisionNoticeRespondedBy = toOne(SupervisionNotice, 'respondedBy', () => userResource, 'respondedById');
const targetInspections = toMany(Target, 'inspections', () => inspectionResource, 'targetId');
const targetSupervisionNotices = toMany(Target, 'supervisionNotices', () => noticeResource, 'targetId');
const countyInspections = toMany(County, 'inspections', () => inspectionResource, 'countyId');

@Resolver(() => Inspection)
export class InspectionResolver extends RecordResolver({
  type: 'Inspection',
  plural: 'inspections',
  entity: Inspection,
  page: InspectionPage,
  query: inspectionResource.query,
  create: CreateInspectionInput,
  update: UpdateInspectionInput,
  service: inspectionService,
}) {
  @Mutation(() => Inspection, { description: '整改完成: the county (or the prefecture) records the rectification as done.' })
  completeRectification(@Arg('id', () => ID) id: string, @Arg('input', () => CompleteRectificationInput) input: CompleteRectificationInput, @Ctx() ctx: Context) {
    return inspectionService.completeRectification(ctx, id, input);
  }

  @FieldResolver(() => Boolean, { description: 'Rectification still open after its deadline on asOf (not closed by then).' })
  rectificationOverdue(@Root() inspection: Inspection, @Arg('asOf', () => LocalDateScalar, asOfArg) asOf: string | null) {
    return rectificationOverdue(inspection, asOf ?? today());
  }

  @FieldResolver(() => Target, { nullable: true })
  target(@Root() inspection: Inspection, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return inspectionTarget.load(ctx, inspection, info);
  }

  @FieldResolver(() => County, { nullable: true })
  county(@Root() inspection: Inspection, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return inspectionCounty.load(ctx, inspection, info);
  }

  @FieldResolver(() => Department, { nullable: true })
  department(@Root() inspection: Inspection, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return inspectionDepartment.load(ctx, inspection, info);
  }
}

@Resolver(() => SupervisionNotice)
export class SupervisionNoticeResolver extends RecordResolver({
  type: 'SupervisionNotice',
  plural: 'supervisionNotices',
  entity: SupervisionNotice,
  page: SupervisionNoticePage,
  query: noticeResource.query,
  create: IssueSupervisionNoticeInput,
  update: UpdateSupervisionNoticeInput,
  service: noticeService,
  omit: ['create'],
}) {
  @Mutation(() => SupervisionNotice, { description: '督办: issues a notice; the level defaults to the next rung of the ladder for the target.' })
  issueSupervisionNotice(@Arg('input', () => IssueSupervisionNoticeInput) input: IssueSupervisionNoticeInput, @Ctx() ctx: Context) {
    return noticeService.issue(ctx, input);
  }

  @Mutation(() => SupervisionNotice, { description: 'The county’s answer to a notice (once).' })
  respondToSupervisionNotice(@Arg('id', () => ID) id: string, @Arg('input', () => RespondToSupervisionNoticeInput) input: RespondToSupervisionNoticeInput, @Ctx() ctx: Context) {
    return noticeService.respond(ctx, id, input);
  }

  @Query(() => [SuggestedNotice], { complexity: ({ childComplexity }) => 1 + 500 * childComplexity, description: 'Lagging targets of the counties (YELLOW or RED) with the notice the escalation ladder says is due.' })
  suggestedNotices(
    @Arg('asOf', () => LocalDateScalar, asOfArg) asOf: string | null,
    @Arg('countyId', () => ID, { nullable: true }) countyId: string | null,
    @Ctx() ctx: Context,
  ) {
    return noticeService.suggested(ctx, asOf ?? today(), countyId);
  }

  @FieldResolver(() => Boolean, { description: 'Unanswered after its due date.' })
  overdue(@Root() notice: SupervisionNotice, @Arg('asOf', () => LocalDateScalar, asOfArg) asOf: string | null) {
    return noticeService.overdue(notice, asOf ?? today());
  }

  @FieldResolver(() => Target, { nullable: true })
  target(@Root() notice: SupervisionNotice, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return supervisionNoticeTarget.load(ctx, notice, info);
  }

  @FieldResolver(() => County, { nullable: true, description: 'The county the notice went to.' })
  county(@Root() notice: SupervisionNotice, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return supervisionNoticeCounty.load(ctx, notice, info);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who issued it (when visible to you).' })
  issuedBy(@Root() notice: SupervisionNotice, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return supervisionNoticeIssuedBy.load(ctx, notice, info);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who answered it (when visible to you).' })
  respondedBy(@Root() notice: SupervisionNotice, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return supervisionNoticeRespondedBy.load(ctx, notice, info);
  }
}

const InspectionArgs = relationArgs(inspectionQuery);
const NoticeArgs = relationArgs(noticeQuery);

@Resolver(() => Target)
export class TargetSupervisionResolver {
  @FieldResolver(() => InspectionPage)
  inspections(@Root() target: Target, @Args(() => InspectionArgs) args: ListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return targetInspections.load(ctx, target, args, info);
  }

  @FieldResolver(() => SupervisionNoticePage)
  supervisionNotices(@Root() target: Target, @Args(() => NoticeArgs) args: ListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return targetSupervisionNotices.load(ctx, target, args, info);
  }
}

@Resolver(() => County)
export class CountySupervisionResolver {
  @FieldResolver(() => InspectionPage)
  inspections(@Root() county: County, @Args(() => InspectionArgs) args: ListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return countyInspections.load(ctx, county, args, info);
  }
}
