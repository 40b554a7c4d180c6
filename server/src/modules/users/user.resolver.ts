import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { RecordResolver } from '../../common/crud.resolver.js';
import { County } from '../hierarchy/county.entity.js';
import { countyResource } from '../hierarchy/county.service.js';
import { Region } from '../hierarchy/region.entity.js';
import { regionResource } from '../hierarchy/region.service.js';
import { User } from './user.entity.js';
import { CreateUserInput, LoginResult, UpdateUserInput, UserPage, userQuery } from './user.inputs.js';
import { userService } from './user.service.js';
import { toOne } from '../../common/query/relations.js';

const userRegion = toOne(User, 'region', () => regionResource, 'regionId');
const userCounty = toOne(User, 'county', () => countyResource, 'countyId');

@Resolver(() => User)
export class UserResolver extends RecordResolver({
  type: 'User',
  plural: 'users',
  entity: User,
  page: UserPage,
  query: userQuery,
  create: CreateUserInput,
  update: UpdateUserInput,
  service: userService,
}) {
  @Mutation(() => LoginResult, { description: 'Exchange a username and password for a token. Names are compared case-insensitively (normalized); repeated failures wait growing delays. One login per HTTP request.' })
  login(@Arg('username', () => String) username: string, @Arg('password', () => String) password: string, @Ctx() ctx: Context) {
    return userService.login(ctx, username, password);
  }

  @Mutation(() => Boolean, { description: 'Ends the session of the token sent: it stops working at once.' })
  logout(@Ctx() ctx: Context) {
    return userService.logout(ctx);
  }

  @Query(() => User, { nullable: true, description: 'The logged-in user.' })
  me(@Ctx() ctx: Context) {
    return userService.me(ctx);
  }

  @Mutation(() => Boolean, { description: 'Changes your own password (throttled like login); your other sessions end.' })
  changePassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: Context,
  ) {
    return userService.changePassword(ctx, currentPassword, newPassword);
  }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() user: User, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return userRegion.load(ctx, user, info);
  }

  @FieldResolver(() => County, { nullable: true })
  county(@Root() user: User, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return userCounty.load(ctx, user, info);
  }
}
