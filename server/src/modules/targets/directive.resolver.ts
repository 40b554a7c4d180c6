import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { RecordResolver } from '../../common/crud.resolver.js';
import type { ListArgs } from '../../common/query/list.js';
import { Directive } from './directive.entity.js';
import { CreateDirectiveInput, DirectivePage, directiveQuery, UpdateDirectiveInput } from './directive.inputs.js';
import { directiveService } from './directive.service.js';
import { TargetPage } from './target.inputs.js';
import { TargetRelationArgs } from './target.resolver.js';
import { targetResource } from './target.service.js';

const TargetArgs = TargetRelationArgs;

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
  @FieldResolver(() => TargetPage, { description: 'Targets that implement it (all levels; filter parentId.isNull for the roots).' })
  targets(@Root() directive: Directive, @Args(() => TargetArgs) args: ListArgs, @Ctx() ctx: Context) {
    return ctx.loaders.page(targetResource, 'directiveId', args).load(directive.id);
  }
}
