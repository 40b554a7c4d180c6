import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { RecordResolver, relationArgs } from '../../common/crud.resolver.js';
import type { ListArgs } from '../../common/query/list.js';
import { Cadre } from '../hierarchy/cadre.entity.js';
import { cadreResource } from '../hierarchy/cadre.service.js';
import { Target } from '../targets/target.entity.js';
import { targetResource } from '../targets/target.service.js';
import { Accountability } from './accountability.entity.js';
import { AccountabilityPage, accountabilityQuery, CreateAccountabilityInput, UpdateAccountabilityInput } from './accountability.inputs.js';
import { accountabilityResource, accountabilityService } from './accountability.service.js';

@Resolver(() => Accountability)
export class AccountabilityResolver extends RecordResolver({
  type: 'Accountability',
  plural: 'accountabilities',
  entity: Accountability,
  page: AccountabilityPage,
  query: accountabilityQuery,
  create: CreateAccountabilityInput,
  update: UpdateAccountabilityInput,
  service: accountabilityService,
}) {
  @FieldResolver(() => Cadre, { nullable: true })
  cadre(@Root() record: Accountability, @Ctx() ctx: Context) {
    return ctx.loaders.byId(cadreResource).load(record.cadreId);
  }

  @FieldResolver(() => Target, { nullable: true })
  target(@Root() record: Accountability, @Ctx() ctx: Context) {
    return record.targetId == null ? null : ctx.loaders.byId(targetResource).load(record.targetId);
  }
}

const AccountabilityArgs = relationArgs(accountabilityQuery);

@Resolver(() => Cadre)
export class CadreAccountabilitiesResolver {
  @FieldResolver(() => AccountabilityPage, { description: '责任追究 records of the cadre.' })
  accountabilities(@Root() cadre: Cadre, @Args(() => AccountabilityArgs) args: ListArgs, @Ctx() ctx: Context) {
    return ctx.loaders.page(accountabilityResource, 'cadreId', args).load(cadre.id);
  }
}

@Resolver(() => Target)
export class TargetAccountabilitiesResolver {
  @FieldResolver(() => AccountabilityPage, { description: '责任追究 records about the target.' })
  accountabilities(@Root() target: Target, @Args(() => AccountabilityArgs) args: ListArgs, @Ctx() ctx: Context) {
    return ctx.loaders.page(accountabilityResource, 'targetId', args).load(target.id);
  }
}
