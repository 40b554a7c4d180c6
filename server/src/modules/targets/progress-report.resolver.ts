import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { RecordResolver } from '../../common/crud.resolver.js';
import { User } from '../users/user.entity.js';
import { userResource } from '../users/user.service.js';
import { County } from '../hierarchy/county.entity.js';
import { countyResource } from '../hierarchy/county.service.js';
import { ProgressReport } from './progress-report.entity.js';
import { ProgressReportPage, progressReportQuery, ReviewProgressReportInput, SubmitProgressReportInput, UpdateProgressReportInput } from './progress-report.inputs.js';
import { progressReportService } from './progress-report.service.js';
import { Target } from './target.entity.js';
import { targetResource } from './target.service.js';
import { toOne } from '../../common/query/relations.js';

const progressReportCounty = toOne(ProgressReport, 'county', () => countyResource, 'countyId');
const progressReportTarget = toOne(ProgressReport, 'target', () => targetResource, 'targetId');
const progressReportReporter = toOne(ProgressReport, 'reporter', () => userResource, 'reporterId');
const progressReportReviewer = toOne(ProgressReport, 'reviewer', () => userResource, 'reviewerId');

@Resolver(() => ProgressReport)
export class ProgressReportResolver extends RecordResolver({
  type: 'ProgressReport',
  plural: 'progressReports',
  entity: ProgressReport,
  page: ProgressReportPage,
  query: progressReportQuery,
  create: SubmitProgressReportInput,
  update: UpdateProgressReportInput,
  service: progressReportService,
  createName: 'submitProgressReport',
}) {
  @Mutation(() => ProgressReport, { description: 'APPROVED or REJECTED by the prefecture (ADMIN, REGIONAL), never by the reporter.' })
  reviewProgressReport(@Arg('id', () => ID) id: string, @Arg('input', () => ReviewProgressReportInput) input: ReviewProgressReportInput, @Ctx() ctx: Context) {
    return progressReportService.review(ctx, id, input);
  }

  @Query(() => ProgressReportPage, {
    description: 'For reviewers: SUBMITTED reports waiting longer than the policy’s reviewOverdueDays, longest waiting first.',
  })
  overdueReviews(
    @Arg('offset', () => Int, { nullable: true, defaultValue: 0 }) offset: number,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 50 }) limit: number,
    @Ctx() ctx: Context,
  ) {
    return progressReportService.overdueReviews(ctx, offset, limit);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Whole days a SUBMITTED report has waited for review; null once reviewed.' })
  waitingDays(@Root() report: ProgressReport) {
    return progressReportService.waitingDays(report);
  }

  @FieldResolver(() => County, { nullable: true, description: 'The county the report was made in.' })
  county(@Root() report: ProgressReport, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return progressReportCounty.load(ctx, report, info);
  }

  @FieldResolver(() => Target, { nullable: true })
  target(@Root() report: ProgressReport, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return progressReportTarget.load(ctx, report, info);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who reported (when visible to you).' })
  reporter(@Root() report: ProgressReport, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return progressReportReporter.load(ctx, report, info);
  }

  @FieldResolver(() => User, { nullable: true })
  reviewer(@Root() report: ProgressReport, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return progressReportReviewer.load(ctx, report, info);
  }
}
