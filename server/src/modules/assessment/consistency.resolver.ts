import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { consistencyService } from './consistency.service.js';
import { ConsistencyReport } from './consistency.types.js';

@Resolver(() => ConsistencyReport)
export class ConsistencyResolver {
  @Query(() => ConsistencyReport, {
    complexity: ({ childComplexity }) => 1 + 20 * childComplexity,
    description: '时好时坏、时紧时松: per county the monthly schedule-score series, its spread, reversals, missed reports and burstiness, with a verdict naming the rule that fired.',
  })
  consistency(
    @Arg('from', () => String, { description: 'First month, 2026-01 (a year or quarter means its first month).' }) from: string,
    @Arg('to', () => String, { description: 'Last month, 2026-12 (a year or quarter means its last month). Months not yet ended are left out.' }) to: string,
    @Arg('countyIds', () => [ID], { nullable: true, description: 'Default: every county of the region.' }) countyIds: string[] | null,
    @Ctx() ctx: Context,
  ) {
    return consistencyService.consistency(ctx, from, to, countyIds);
  }
}
