import { Args, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { RecordResolver, relationArgs } from '../../common/crud.resolver.js';
import type { ListArgs } from '../../common/query/list.js';
import { Cadre } from '../hierarchy/cadre.entity.js';
import { cadreResource } from '../hierarchy/cadre.service.js';
import { Department } from '../hierarchy/department.entity.js';
import { departmentResource } from '../hierarchy/department.service.js';
import { policyService } from '../policy/policy.service.js';
import { DemocraticEvaluation } from './democratic-evaluation.entity.js';
import {
  CreateDemocraticEvaluationInput,
  DemocraticEvaluationPage,
  evaluationQuery,
  UpdateDemocraticEvaluationInput,
} from './democratic-evaluation.inputs.js';
import { evaluationResource, evaluationService } from './democratic-evaluation.service.js';
import { voteScore } from './scoring.js';

@Resolver(() => DemocraticEvaluation)
export class DemocraticEvaluationResolver extends RecordResolver({
  type: 'DemocraticEvaluation',
  plural: 'democraticEvaluations',
  entity: DemocraticEvaluation,
  page: DemocraticEvaluationPage,
  query: evaluationQuery,
  create: CreateDemocraticEvaluationInput,
  update: UpdateDemocraticEvaluationInput,
  service: evaluationService,
}) {
  @FieldResolver(() => Cadre, { nullable: true })
  cadre(@Root() evaluation: DemocraticEvaluation, @Ctx() ctx: Context) {
    return ctx.loaders.byId(cadreResource).load(evaluation.cadreId);
  }

  @FieldResolver(() => Department, { nullable: true })
  department(@Root() evaluation: DemocraticEvaluation, @Ctx() ctx: Context) {
    return ctx.loaders.byId(departmentResource).load(evaluation.departmentId);
  }

  @FieldResolver(() => Float, { description: 'Votes × the vote scores of the current policy, per vote (0–100).' })
  async score(@Root() evaluation: DemocraticEvaluation, @Ctx() ctx: Context) {
    const policy = await ctx.loaders.custom<number, Awaited<ReturnType<typeof policyService.current>>>('current-policy', async (keys) => {
      const current = await policyService.current(ctx.db.manager);
      return keys.map(() => current);
    }).load(0);
    return voteScore(policy, evaluation);
  }
}

const EvaluationArgs = relationArgs(evaluationQuery);

@Resolver(() => Cadre)
export class CadreEvaluationsResolver {
  @FieldResolver(() => DemocraticEvaluationPage, { description: '民主测评 of the cadre.' })
  evaluations(@Root() cadre: Cadre, @Args(() => EvaluationArgs) args: ListArgs, @Ctx() ctx: Context) {
    return ctx.loaders.page(evaluationResource, 'cadreId', args).load(cadre.id);
  }
}

