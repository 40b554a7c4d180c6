import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { JSONScalar } from '../../common/scalars.js';
import type { Context } from '../../common/context.js';
import { relationArgs } from '../../common/crud.resolver.js';
import type { ListArgs } from '../../common/query/list.js';
import { PageType } from '../../common/query/resource.js';
import { Role } from '../../common/scope.js';
import { User } from '../users/user.entity.js';
import { userResource } from '../users/user.service.js';
import { AuditEvent } from './audit-event.entity.js';
import { auditQuery, auditService } from './audit.service.js';
import { toOne } from '../../common/query/relations.js';

const AuditEventPage = PageType(AuditEvent, 'AuditEvent');
const AuditArgs = relationArgs(auditQuery);

/** Read-only: the schema has no mutation that touches audit events. */
const auditEventActor = toOne(AuditEvent, 'actor', () => userResource, 'actorId');

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Authorized(Role.ADMIN, Role.REGIONAL, Role.COUNTY, Role.ANALYST)
  @Query(() => AuditEvent, { nullable: true })
  auditEvent(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return auditService.get(ctx, id);
  }

  @Authorized(Role.ADMIN, Role.REGIONAL, Role.COUNTY, Role.ANALYST)
  @Query(() => AuditEventPage, { description: 'The audit trail; COUNTY users see the events of their own county’s records; analysts the region’s, without phone numbers.' })
  auditEvents(@Args(() => AuditArgs) args: ListArgs, @Ctx() ctx: Context) {
    return auditService.list(ctx, args);
  }

  @FieldResolver(() => JSONScalar, { nullable: true, description: 'Changed fields with before and after values (phone numbers withheld from analysts).' })
  changes(@Root() event: AuditEvent, @Ctx() ctx: Context) {
    return auditService.changesFor(ctx, event);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The acting user, when visible to you.' })
  actor(@Root() event: AuditEvent, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return auditEventActor.load(ctx, event, info);
  }
}
