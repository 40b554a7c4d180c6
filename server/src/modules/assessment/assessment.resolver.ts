import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { RecordResolver, relationArgs, selects } from '../../common/crud.resolver.js';
import type { ListArgs } from '../../common/query/list.js';
import { ScoreboardLevel } from '../analytics/analytics.types.js';
import { Cadre } from '../hierarchy/cadre.entity.js';
import { cadreQuery } from '../hierarchy/cadre.inputs.js';
import { cadreResource } from '../hierarchy/cadre.service.js';
import { County } from '../hierarchy/county.entity.js';
import { countyResource } from '../hierarchy/county.service.js';
import { Department } from '../hierarchy/department.entity.js';
import { departmentResource } from '../hierarchy/department.service.js';
import { Assessment } from './assessment.entity.js';
import {
  AssessmentPage,
  AssessmentRanking,
  AssessmentRankingEntry,
  assessmentQuery,
  OverrideAssessmentTierInput,
  UnitAssessments,
} from './assessment.inputs.js';
import { assessmentResource, assessmentService } from './assessment.service.js';
import { AssessmentExplanation, AssessmentTier } from './assessment.types.js';
import { assessmentSentence } from './sentence.js';
import { unpackExplanation } from './stored-explanation.js';

const periodArg = { description: '2026, 2026-Q3 or 2026-09.' };

@Resolver(() => Assessment)
export class AssessmentResolver extends RecordResolver({
  type: 'Assessment',
  plural: 'assessments',
  entity: Assessment,
  page: AssessmentPage,
  query: assessmentQuery,
  create: OverrideAssessmentTierInput,
  update: OverrideAssessmentTierInput,
  service: assessmentService,
  omit: ['create', 'update', 'restore'],
}) {
  @Mutation(() => Assessment, { description: 'ADMIN, REGIONAL: computes the cadre’s assessment for the period as a new DRAFT (replacing an earlier draft; a confirmed one stays).' })
  async computeAssessment(@Arg('cadreId', () => ID) cadreId: string, @Arg('period', () => String, periodArg) period: string, @Ctx() ctx: Context) {
    const [assessment] = await assessmentService.compute(ctx, { id: { eq: cadreId } }, period, cadreId);
    return assessment;
  }

  @Mutation(() => [Assessment], {
    complexity: ({ childComplexity }) => 1 + 500 * childComplexity,
    description: 'ADMIN, REGIONAL: computes the assessments of every cadre matching filter (a department, a county, the region) in one set-based pass; cadres with nothing to assess are skipped.',
  })
  computeAssessments(
    @Arg('filter', () => cadreQuery.Filter, { nullable: true }) filter: object | null,
    @Arg('period', () => String, periodArg) period: string,
    @Ctx() ctx: Context,
  ) {
    return assessmentService.compute(ctx, filter, period);
  }

  @Mutation(() => Assessment, { description: 'ADMIN, REGIONAL: a reviewer’s tier for a DRAFT, with a required reason (audited).' })
  overrideAssessmentTier(@Arg('id', () => ID) id: string, @Arg('input', () => OverrideAssessmentTierInput) input: OverrideAssessmentTierInput, @Ctx() ctx: Context) {
    return assessmentService.overrideTier(ctx, id, input);
  }

  @Mutation(() => Assessment, { description: 'ADMIN, REGIONAL: freezes a DRAFT; nothing changes it afterwards.' })
  confirmAssessment(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context) {
    return assessmentService.confirm(ctx, id, version);
  }

  @Query(() => AssessmentRanking, { complexity: ({ childComplexity }) => 1 + 500 * childComplexity, description: 'Cadres ranked by their current assessment of the period (tier, then total), with the tier counts.' })
  assessmentRanking(
    @Arg('period', () => String, periodArg) period: string,
    @Arg('filter', () => assessmentQuery.Filter, { nullable: true, description: 'e.g. { countyId: { eq: "3" } } or { departmentId: … }; default the region.' }) filter: object | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return assessmentService.ranking(ctx, period, filter, selects(info, 'entries'));
  }

  @Query(() => UnitAssessments, { complexity: ({ childComplexity }) => 1 + 500 * childComplexity, description: 'Counties or departments assessed on the same components as cadres, ranked.' })
  unitAssessments(
    @Arg('period', () => String, periodArg) period: string,
    @Arg('level', () => ScoreboardLevel, { defaultValue: ScoreboardLevel.COUNTY }) level: ScoreboardLevel,
    @Ctx() ctx: Context,
  ) {
    return assessmentService.units(ctx, period, level);
  }

  @FieldResolver(() => AssessmentTier, { description: 'The override tier if there is one, else the computed tier.' })
  tier(@Root() assessment: Assessment) {
    return assessment.overrideTier ?? assessment.computedTier;
  }

  @FieldResolver(() => AssessmentExplanation)
  explanation(@Root() assessment: Assessment) {
    return unpackExplanation(assessment.explanation, assessment.asOf);
  }

  @FieldResolver(() => String, { description: 'The explanation in one sentence, in the language of the request (Accept-Language).' })
  sentence(@Root() assessment: Assessment, @Ctx() ctx: Context) {
    const explanation = this.explanation(assessment) as AssessmentExplanation;
    const override = assessment.overrideTier ? { tier: assessment.overrideTier, reason: assessment.overrideReason } : null;
    return assessmentSentence(explanation, assessment.period, ctx.lang, override);
  }

  @FieldResolver(() => Cadre, { nullable: true })
  cadre(@Root() assessment: Assessment, @Ctx() ctx: Context) {
    return ctx.loaders.byId(cadreResource).load(assessment.cadreId);
  }

  @FieldResolver(() => Department, { nullable: true })
  department(@Root() assessment: Assessment, @Ctx() ctx: Context) {
    return ctx.loaders.byId(departmentResource).load(assessment.departmentId);
  }

  @FieldResolver(() => County, { nullable: true })
  county(@Root() assessment: Assessment, @Ctx() ctx: Context) {
    return assessment.countyId == null ? null : ctx.loaders.byId(countyResource).load(assessment.countyId);
  }
}

@Resolver(() => AssessmentRankingEntry)
export class AssessmentRankingEntryResolver {
  @FieldResolver(() => Assessment, { nullable: true })
  assessment(@Root() entry: AssessmentRankingEntry, @Ctx() ctx: Context) {
    return ctx.loaders.byId(assessmentResource).load(entry.assessmentId);
  }
}

const AssessmentArgs = relationArgs(assessmentQuery);

@Resolver(() => Cadre)
export class CadreAssessmentsResolver {
  @FieldResolver(() => AssessmentPage, { description: '考核 of the cadre (drafts and confirmed).' })
  assessments(@Root() cadre: Cadre, @Args(() => AssessmentArgs) args: ListArgs, @Ctx() ctx: Context) {
    return ctx.loaders.page(assessmentResource, 'cadreId', args).load(cadre.id);
  }
}
