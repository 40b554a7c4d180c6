import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Float, ID, Info, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { listArgs, RecordResolver, relationArgs } from '../../common/crud.resolver.js';
import { today } from '../../common/dates.js';
import type { ListArgs } from '../../common/query/list.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { Cadre } from '../hierarchy/cadre.entity.js';
import { cadreResource } from '../hierarchy/cadre.service.js';
import { County } from '../hierarchy/county.entity.js';
import { countyResource } from '../hierarchy/county.service.js';
import { Department } from '../hierarchy/department.entity.js';
import { departmentResource } from '../hierarchy/department.service.js';
import { Region } from '../hierarchy/region.entity.js';
import { regionResource } from '../hierarchy/region.service.js';
import { Directive } from './directive.entity.js';
import { directiveResource } from './directive.service.js';
import { ProgressReport } from './progress-report.entity.js';
import { ProgressReportPage, progressReportQuery } from './progress-report.inputs.js';
import { progressReportResource, progressReportService } from './progress-report.service.js';
import { Target, TargetStatus, WarningLevel } from './target.entity.js';
import { CreateTargetInput, DecomposeTargetInput, TargetPage, targetQuery, UpdateTargetInput } from './target.inputs.js';
import { targetService } from './target.service.js';
import type { TargetMetrics } from './target-metrics.js';
import { toMany, toOne } from '../../common/query/relations.js';

@ArgsType()
class TargetListArgs extends listArgs(targetQuery) {
  @Field(() => LocalDateScalar, { nullable: true, description: 'Date that progress, status and warning filters and sorts are evaluated at (default today).' })
  override asOf?: string | null;
}

/** A relation field's target arguments, with the date that status and warning filters use. */
@ArgsType()
export class TargetRelationArgs extends relationArgs(targetQuery) {
  @Field(() => LocalDateScalar, { nullable: true, description: 'Date that progress, status and warning filters and sorts are evaluated at (default today).' })
  override asOf?: string | null;
}

const ChildArgs = TargetRelationArgs;
const ReportArgs = relationArgs(progressReportQuery);

const asOfArg = { nullable: true, description: 'Evaluate as of this date (default today).' };

function metrics(ctx: Context, target: Target, asOf: string | null | undefined, claimed = false): Promise<TargetMetrics | null> {
  const date = asOf ?? today();
  return ctx.loaders
    .custom<number, TargetMetrics | null>(`target-metrics:${claimed ? 'claimed' : 'official'}:${date}`, (ids) => targetService.metrics(ctx, ids, date, claimed))
    .load(target.id);
}

const targetParent = toOne(Target, 'parent', () => targetService.def, 'parentId');
const targetChildren = toMany(Target, 'children', () => targetService.def, 'parentId');
const targetProgressReports = toMany(Target, 'progressReports', () => progressReportResource, 'targetId');
const targetDirective = toOne(Target, 'directive', () => directiveResource, 'directiveId');
const targetRegion = toOne(Target, 'region', () => regionResource, 'regionId');
const targetResponsibleCounty = toOne(Target, 'responsibleCounty', () => countyResource, 'responsibleCountyId');
const targetResponsibleDepartment = toOne(Target, 'responsibleDepartment', () => departmentResource, 'responsibleDepartmentId');
const targetResponsibleCadre = toOne(Target, 'responsibleCadre', () => cadreResource, 'responsibleCadreId');
const countyTargets = toMany(County, 'targets', () => targetService.def, 'countyId');
const departmentTargets = toMany(Department, 'targets', () => targetService.def, 'responsibleDepartmentId');
const cadreTargets = toMany(Cadre, 'targets', () => targetService.def, 'responsibleCadreId');

@Resolver(() => Target)
export class TargetResolver extends RecordResolver({
  type: 'Target',
  plural: 'targets',
  entity: Target,
  page: TargetPage,
  query: targetQuery,
  create: CreateTargetInput,
  update: UpdateTargetInput,
  service: targetService,
  listArgs: TargetListArgs,
}) {
  @Mutation(() => Target, { description: '分解立项: creates one child per county, department or cadre in one transaction, all or nothing. Returns the parent.' })
  decomposeTarget(@Arg('id', () => ID) id: string, @Arg('input', () => DecomposeTargetInput) input: DecomposeTargetInput, @Ctx() ctx: Context) {
    return targetService.decompose(ctx, id, input);
  }

  @FieldResolver(() => Float, {
    description: 'Official progress 0..1 (docs/rules.md): from the latest counted (APPROVED) report of a leaf, or the weighted roll-up of the children.',
  })
  async progress(@Root() target: Target, @Arg('asOf', () => LocalDateScalar, asOfArg) asOf: string | null, @Ctx() ctx: Context) {
    return (await metrics(ctx, target, asOf))?.progress ?? 0;
  }

  @FieldResolver(() => Float, {
    description: 'Progress 0..1 as reported: from the latest report that was not rejected, reviewed or not (what the county claims, beside the official progress).',
  })
  async reportedProgress(@Root() target: Target, @Arg('asOf', () => LocalDateScalar, asOfArg) asOf: string | null, @Ctx() ctx: Context) {
    return (await metrics(ctx, target, asOf, true))?.progress ?? 0;
  }

  @FieldResolver(() => TargetStatus)
  async status(@Root() target: Target, @Arg('asOf', () => LocalDateScalar, asOfArg) asOf: string | null, @Ctx() ctx: Context) {
    return (await metrics(ctx, target, asOf))?.status ?? TargetStatus.NOT_STARTED;
  }

  @FieldResolver(() => WarningLevel, { description: '红黄绿灯 with the thresholds of the current policy.' })
  async warning(@Root() target: Target, @Arg('asOf', () => LocalDateScalar, asOfArg) asOf: string | null, @Ctx() ctx: Context) {
    return (await metrics(ctx, target, asOf))?.warning ?? WarningLevel.GREEN;
  }

  @FieldResolver(() => Float, { description: 'Share of the time from start to deadline that has passed, 0..1.' })
  async elapsed(@Root() target: Target, @Arg('asOf', () => LocalDateScalar, asOfArg) asOf: string | null, @Ctx() ctx: Context) {
    return (await metrics(ctx, target, asOf))?.elapsed ?? 0;
  }

  @FieldResolver(() => LocalDateScalar, { nullable: true, description: 'When progress reached 1 (for a parent: when its last leaf did).' })
  async completedOn(@Root() target: Target, @Arg('asOf', () => LocalDateScalar, asOfArg) asOf: string | null, @Ctx() ctx: Context) {
    return (await metrics(ctx, target, asOf))?.completedOn ?? null;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Quantitative parents: targetValue − Σ children’s targetValue (0 when fully allocated).' })
  allocationGap(@Root() target: Target, @Ctx() ctx: Context) {
    return ctx.loaders.custom<Target, number | null>('allocation-gap', (targets) => targetService.allocationGaps(ctx, targets)).load(target);
  }

  @FieldResolver(() => ProgressReport, { nullable: true, description: 'The latest counted report (APPROVED, or per the policy also SUBMITTED) on or before asOf.' })
  latestReport(@Root() target: Target, @Arg('asOf', () => LocalDateScalar, asOfArg) asOf: string | null, @Ctx() ctx: Context) {
    return progressReportService.latestFor(ctx, target.id, asOf ?? today());
  }

  @FieldResolver(() => Target, { nullable: true })
  parent(@Root() target: Target, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return targetParent.load(ctx, target, info);
  }

  @FieldResolver(() => TargetPage)
  children(@Root() target: Target, @Args(() => ChildArgs) args: ListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return targetChildren.load(ctx, target, args, info);
  }

  @FieldResolver(() => ProgressReportPage)
  progressReports(@Root() target: Target, @Args(() => ReportArgs) args: ListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return targetProgressReports.load(ctx, target, args, info);
  }

  @FieldResolver(() => Directive, { nullable: true })
  directive(@Root() target: Target, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return targetDirective.load(ctx, target, info);
  }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() target: Target, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return targetRegion.load(ctx, target, info);
  }

  @FieldResolver(() => County, { nullable: true })
  responsibleCounty(@Root() target: Target, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return targetResponsibleCounty.load(ctx, target, info);
  }

  @FieldResolver(() => Department, { nullable: true })
  responsibleDepartment(@Root() target: Target, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return targetResponsibleDepartment.load(ctx, target, info);
  }

  @FieldResolver(() => Cadre, { nullable: true })
  responsibleCadre(@Root() target: Target, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return targetResponsibleCadre.load(ctx, target, info);
  }
}

const TargetArgs = TargetRelationArgs;

/** Targets seen from the organization hierarchy. */
@Resolver(() => County)
export class CountyTargetsResolver {
  @FieldResolver(() => TargetPage, { description: 'Targets of the county, at every level of its trees.' })
  targets(@Root() county: County, @Args(() => TargetArgs) args: ListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return countyTargets.load(ctx, county, args, info);
  }
}

@Resolver(() => Department)
export class DepartmentTargetsResolver {
  @FieldResolver(() => TargetPage, { description: 'Targets the department is responsible for.' })
  targets(@Root() department: Department, @Args(() => TargetArgs) args: ListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return departmentTargets.load(ctx, department, args, info);
  }
}

@Resolver(() => Cadre)
export class CadreTargetsResolver {
  @FieldResolver(() => TargetPage, { description: 'Targets the cadre is responsible for.' })
  targets(@Root() cadre: Cadre, @Args(() => TargetArgs) args: ListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return cadreTargets.load(ctx, cadre, args, info);
  }
}
