import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Float, Info, Resolver, Root } from 'type-graphql';
import { today } from '../../common/dates.js';
import { LocalDateScalar } from '../../common/scalars.js';
import type { Context } from '../../common/context.js';
import { RecordResolver } from '../../common/crud.resolver.js';
import type { ListArgs } from '../../common/query/list.js';
import { Directive } from './directive.entity.js';
import { CreateDirectiveInput, DirectivePage, directiveQuery, UpdateDirectiveInput } from './directive.inputs.js';
import { directiveService } from './directive.service.js';
import { TargetPage } from './target.inputs.js';
import { TargetRelationArgs } from './target.resolver.js';
import { TargetStatus, WarningLevel } from './target.entity.js';
import { targetResource, targetService, type DirectiveRollUp } from './target.service.js';
import { toMany } from '../../common/query/relations.js';

const TargetArgs = TargetRelationArgs;
const asOfArg = { nullable: true, description: 'Evaluate as of this date (default today).' };

function rollUp(ctx: Context, directive: Directive, asOf: string | null): Promise<DirectiveRollUp | null> {
  const date = asOf ?? today();
  return ctx.loaders.custom<number, DirectiveRollUp | null>(`directive-rollup:${date}`, (ids) => targetService.directiveRollUp(ctx, ids, date)).load(directive.id);
}

const directiveTargets = toMany(Directive, 'targets', () => targetResource, 'directiveId');

@Resolver(() => Directive)
export class DirectiveResolver extends RecordResolver({
  type: 'Directive',
  plural: 'directives',
  entity: Directive,
  page: DirectivePage,
  query: directiveQuery,
  create: CreateDirectiveInput,
  update: UpdateDirectiveInput,
  service: directiveService,
}) {
  @FieldResolver(() => Float, { description: 'Weight-weighted mean official progress of its root targets (those visible to you), 0..1.' })
  async progress(@Root() directive: Directive, @Arg('asOf', () => LocalDateScalar, asOfArg) asOf: string | null, @Ctx() ctx: Context) {
    return (await rollUp(ctx, directive, asOf))?.progress ?? 0;
  }

  @FieldResolver(() => TargetStatus, {
    description: 'COMPLETED (or COMPLETED_LATE) when every root target is; OVERDUE when any is; NOT_STARTED when none has a counted report; else IN_PROGRESS.',
  })
  async status(@Root() directive: Directive, @Arg('asOf', () => LocalDateScalar, asOfArg) asOf: string | null, @Ctx() ctx: Context) {
    return (await rollUp(ctx, directive, asOf))?.status ?? TargetStatus.NOT_STARTED;
  }

  @FieldResolver(() => WarningLevel, { description: 'The worst warning among its root targets.' })
  async warning(@Root() directive: Directive, @Arg('asOf', () => LocalDateScalar, asOfArg) asOf: string | null, @Ctx() ctx: Context) {
    return (await rollUp(ctx, directive, asOf))?.warning ?? WarningLevel.GREEN;
  }

  @FieldResolver(() => TargetPage, { description: 'Targets that implement it (all levels; filter parentId.isNull for the roots).' })
  targets(@Root() directive: Directive, @Args(() => TargetArgs) args: ListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return directiveTargets.load(ctx, directive, args, info);
  }
}
