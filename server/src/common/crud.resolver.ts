import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Mutation, Query, Resolver, type ClassType } from 'type-graphql';
import type { BaseRecord } from './base.entity.js';
import type { Context } from './context.js';
import type { QueryInputs } from './query/resource.js';
import type { RecordService } from './records.js';
import { DEFAULT_LIMIT, type ListArgs } from './query/list.js';

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);

/** `(filter, orderBy, offset, limit)` of a relation field. */
export function relationArgs(query: QueryInputs): ClassType<ListArgs> {
  @ArgsType()
  class RelationArgs implements ListArgs {
    @Field(() => query.Filter, { nullable: true })
    filter?: object;

    @Field(() => [query.OrderBy], { nullable: true, description: 'Sort keys in order; ties break on id.' })
    orderBy?: ListArgs['orderBy'];

    @Field(() => Int, { nullable: true, defaultValue: 0 })
    offset?: number | null;

    @Field(() => Int, { nullable: true, defaultValue: DEFAULT_LIMIT, description: 'At most 500.' })
    limit?: number | null;
  }
  return RelationArgs;
}

/** A top-level list's arguments: a relation field's plus `deleted` for the recycle bin. */
export function listArgs(query: QueryInputs): ClassType<ListArgs> {
  @ArgsType()
  class TopLevelArgs extends relationArgs(query) {
    @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'true lists the soft-deleted rows (to restore them).' })
    override deleted?: boolean | null;
  }
  return TopLevelArgs;
}

interface RecordResolverOptions<E extends BaseRecord> {
  type: string;
  plural: string;
  entity: ClassType<E>;
  page: ClassType<object>;
  query: QueryInputs;
  create: ClassType<object>;
  update: ClassType<{ version: number }>;
  service: RecordService<E>;
}

/**
 * The standard operations of a record type, named as API.md says: `x(id)`, `xs(filter,
 * orderBy, offset, limit)`, `createX`, `updateX`, `deleteX`, `restoreX`. Each is one call into
 * the service; type resolvers extend this class and add their relation fields.
 */
export function RecordResolver<E extends BaseRecord>(o: RecordResolverOptions<E>) {
  const Args_ = listArgs(o.query);

  @Resolver()
  abstract class BaseRecordResolver {
    @Query(() => o.entity, { name: lowerFirst(o.type), nullable: true, description: `One ${o.type}; null when it does not exist or is not visible.` })
    one(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
      return o.service.get(ctx, id);
    }

    @Query(() => o.page, { name: o.plural })
    many(@Args(() => Args_) args: ListArgs, @Ctx() ctx: Context) {
      return o.service.list(ctx, args);
    }

    @Mutation(() => o.entity, { name: `create${o.type}` })
    create(@Arg('input', () => o.create) input: object, @Ctx() ctx: Context) {
      return o.service.create(ctx, input);
    }

    @Mutation(() => o.entity, { name: `update${o.type}`, description: 'Fails with CONFLICT when input.version is not the current version.' })
    update(@Arg('id', () => ID) id: string, @Arg('input', () => o.update) input: { version: number }, @Ctx() ctx: Context) {
      return o.service.update(ctx, id, input);
    }

    @Mutation(() => Boolean, { name: `delete${o.type}`, description: 'Soft delete; refused while other records depend on it.' })
    remove(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
      return o.service.remove(ctx, id);
    }

    @Mutation(() => o.entity, { name: `restore${o.type}` })
    restore(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
      return o.service.restore(ctx, id);
    }
  }
  return BaseRecordResolver;
}
