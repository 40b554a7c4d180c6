import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { today } from '../../common/dates.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { County } from '../hierarchy/county.entity.js';
import { countyResource } from '../hierarchy/county.service.js';
import { Department } from '../hierarchy/department.entity.js';
import { departmentResource } from '../hierarchy/department.service.js';
import { targetQuery } from '../targets/target.inputs.js';
import { BulletinView, Scoreboard, ScoreboardLevel, TargetGroupBy, TargetStatsRow } from './analytics.types.js';
import { MAX_TREND_MONTHS, analyticsService } from './analytics.service.js';
import { toOne } from '../../common/query/relations.js';

/** Root fields an API key (dashboards) may call; everything else answers FORBIDDEN for a key. */
export const ANALYTICS_FIELDS = new Set(['targetStats', 'scoreboard', 'bulletin', 'bulletins', 'assessmentRanking', 'unitAssessments', 'consistency']);

/** One statement per month asked for; rows: up to 300 groups, or one per month for a plain trend. */
function targetStatsCost(args: Record<string, unknown>, childComplexity: number): number {
  const groups = (args.groupBy as string[] | undefined) ?? [];
  if (!groups.includes('MONTH')) return 1 + 300 * childComplexity;
  const index = (m: unknown) => (typeof m === 'string' && /^\d{4}-\d{2}$/.test(m) ? Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) : null);
  const [from, to] = [index(args.from), index(args.to)];
  const months = from != null && to != null ? Math.min(MAX_TREND_MONTHS, Math.max(1, to - from + 1)) : 12;
  const rowsPerMonth = groups.length > 1 ? 300 : 1;
  return months * (10 + rowsPerMonth * childComplexity);
}

const targetStatsRowCounty = toOne(TargetStatsRow, 'county', () => countyResource, 'countyId');
const targetStatsRowDepartment = toOne(TargetStatsRow, 'department', () => departmentResource, 'departmentId');

@Resolver(() => TargetStatsRow)
export class AnalyticsResolver {
  @Query(() => [TargetStatsRow], {
    complexity: ({ args, childComplexity }) => targetStatsCost(args, childComplexity),
    description: 'Counts and mean progress of the targets matching filter, grouped by any of county, department, category, status, warning, directive, cadre, issuer level and month (a trend from `from` to `to`).',
  })
  targetStats(
    @Arg('filter', () => targetQuery.Filter, { nullable: true }) filter: object | null,
    @Arg('groupBy', () => [TargetGroupBy], { defaultValue: [] }) groupBy: TargetGroupBy[],
    @Arg('asOf', () => LocalDateScalar, { nullable: true, description: 'Default today (not used with MONTH: each month is taken at its end).' }) asOf: string | null,
    @Arg('from', () => String, { nullable: true, description: 'MONTH grouping: first month (2026-01); default 11 months before `to`.' }) from: string | null,
    @Arg('to', () => String, { nullable: true, description: 'MONTH grouping: last month; default this month. At most 24 months.' }) to: string | null,
    @Ctx() ctx: Context,
  ) {
    return analyticsService.targetStats(ctx, filter, groupBy, asOf ?? today(), { from, to });
  }

  @Query(() => Scoreboard, { description: 'Ranking of counties or departments for a period (2026, 2026-Q3 or 2026-09).' })
  scoreboard(
    @Arg('period', () => String) period: string,
    @Arg('level', () => ScoreboardLevel, { defaultValue: ScoreboardLevel.COUNTY }) level: ScoreboardLevel,
    @Arg('asOf', () => LocalDateScalar, { nullable: true, description: 'Default: the end of the period, or today if earlier.' }) asOf: string | null,
    @Ctx() ctx: Context,
  ) {
    return analyticsService.scoreboard(ctx, period, level, asOf);
  }

  @Query(() => BulletinView, { nullable: true, description: '通报 of a period: the published snapshot, or the live one (county users: published only).' })
  bulletin(@Arg('period', () => String) period: string, @Ctx() ctx: Context) {
    return analyticsService.bulletin(ctx, period);
  }

  @Query(() => [BulletinView], { description: 'Published bulletins, newest period first; withdrawn ones too with includeWithdrawn.' })
  bulletins(
    @Arg('offset', () => Int, { nullable: true, defaultValue: 0 }) offset: number,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 50 }) limit: number,
    @Arg('includeWithdrawn', () => Boolean, { nullable: true, defaultValue: false }) includeWithdrawn: boolean,
    @Ctx() ctx: Context,
  ) {
    return analyticsService.bulletins(ctx, { offset, limit }, includeWithdrawn);
  }

  @Mutation(() => BulletinView, { description: 'Freezes the bulletin of a period that has ended as an immutable snapshot (one standing bulletin per period).' })
  publishBulletin(@Arg('period', () => String) period: string, @Ctx() ctx: Context) {
    return analyticsService.publish(ctx, period);
  }

  @Mutation(() => BulletinView, { description: '撤回: withdraws the standing bulletin of a period with a reason (ADMIN, REGIONAL); the snapshot is kept and the period may be published again.' })
  withdrawBulletin(@Arg('period', () => String) period: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context) {
    return analyticsService.withdraw(ctx, period, reason);
  }

  @FieldResolver(() => County, { nullable: true })
  county(@Root() row: TargetStatsRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return targetStatsRowCounty.load(ctx, row, info);
  }

  @FieldResolver(() => Department, { nullable: true })
  department(@Root() row: TargetStatsRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return targetStatsRowDepartment.load(ctx, row, info);
  }
}
