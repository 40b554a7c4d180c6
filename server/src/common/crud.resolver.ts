import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, ID, Info, Int, Mutation, Query, Resolver, type ClassType } from 'type-graphql';
import type { BaseRecord } from './base.entity.js';
import { errors } from './errors.js';
import type { Context } from './context.js';
import type { QueryInputs } from './query/resource.js';
import type { RecordService } from './records.js';
import { DEFAULT_LIMIT, type ListArgs } from './query/list.js';
import { listWithRelations, selects } from './query/relations.js';

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);

export { selects };

/** The list arguments with `countTotal: false` when the page's `total` is not selected. */
export function countingIfSelected<A extends ListArgs>(args: A, info: GraphQLResolveInfo): A {
  return selects(info, 'total') ? args : { ...args, countTotal: false };
}

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

type Operation = 'create' | 'update' | 'delete' | 'restore';

interface RecordResolverOptions<E extends BaseRecord> {
  type: string;
  plural: string;
  entity: ClassType<E>;
  page: ClassType<object>;
  query: QueryInputs;
  create: ClassType<object>;
  update: ClassType<{ version: number }>;
  service: RecordService<E>;
  /** Operations this type does not offer (e.g. reports are submitted, not created). */
  omit?: Operation[];
  /** Another name for the create mutation (`submitProgressReport`). */
  createName?: string;
  /** Arguments of the top-level list when the type has more than the usual ones (`asOf`). */
  listArgs?: ClassType<ListArgs>;
  /** The lookup also takes the administrative `code` (regions and counties: what staff know). */
  byCode?: boolean;
}

/**
 * The standard operations of a record type, named as docs/api.md says: `x(id)`, `xs(filter,
 * orderBy, offset, limit)`, `createX`, `updateX`, `deleteX`, `restoreX`. Each is one call into
 * the service; type resolvers extend this class and add their relation fields.
 */
export function RecordResolver<E extends BaseRecord>(o: RecordResolverOptions<E>) {
  const ListArgsType = o.listArgs ?? listArgs(o.query);
  const omit = new Set(o.omit ?? []);

  @Resolver()
  abstract class BaseRecordResolver {
    one(id: string | null, ctx: Context, code?: string | null) {
      if (o.byCode) {
        if ((id == null) === (code == null)) throw errors.badInput('id', 'idOrCode', { field: 'id' });
        if (code != null) return o.service.list(ctx, { filter: { code: { eq: code } }, limit: 1, countTotal: false }).then((page) => page.items[0] ?? null);
      }
      return o.service.get(ctx, id!);
    }

    @Query(() => o.page, { name: o.plural })
    many(@Args(() => ListArgsType) args: ListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
      return listWithRelations(ctx, info, o.entity, countingIfSelected(args, info), (a) => o.service.list(ctx, a));
    }

    create(input: object, ctx: Context) {
      return o.service.create(ctx, input);
    }

    update(id: string, input: { version: number }, ctx: Context) {
      return o.service.update(ctx, id, input);
    }

    remove(id: string, ctx: Context) {
      return o.service.remove(ctx, id);
    }

    restore(id: string, ctx: Context) {
      return o.service.restore(ctx, id);
    }
  }

  // Mutations are declared here rather than with decorators in the class body so that a
  // type can leave some out.
  const proto = BaseRecordResolver.prototype;
  const describe = (method: keyof BaseRecordResolver) => Object.getOwnPropertyDescriptor(proto, method)!;
  const lookup = o.byCode
    ? `One ${o.type} by id or by its administrative code (give one of them); null when it does not exist or is not visible.`
    : `One ${o.type}; null when it does not exist or is not visible.`;
  Query(() => o.entity, { name: lowerFirst(o.type), nullable: true, description: lookup })(proto, 'one', describe('one'));
  Arg('id', () => ID, { nullable: o.byCode })(proto, 'one', 0);
  Ctx()(proto, 'one', 1);
  if (o.byCode) Arg('code', () => String, { nullable: true, description: 'e.g. 540222' })(proto, 'one', 2);
  if (!omit.has('create')) {
    Mutation(() => o.entity, { name: o.createName ?? `create${o.type}` })(proto, 'create', describe('create'));
    Arg('input', () => o.create)(proto, 'create', 0);
    Ctx()(proto, 'create', 1);
  }
  if (!omit.has('update')) {
    Mutation(() => o.entity, { name: `update${o.type}`, description: 'Fails with CONFLICT when input.version is not the current version.' })(proto, 'update', describe('update'));
    Arg('id', () => ID)(proto, 'update', 0);
    Arg('input', () => o.update)(proto, 'update', 1);
    Ctx()(proto, 'update', 2);
  }
  if (!omit.has('delete')) {
    Mutation(() => Boolean, { name: `delete${o.type}`, description: 'Soft delete; refused while other records depend on it.' })(proto, 'remove', describe('remove'));
    Arg('id', () => ID)(proto, 'remove', 0);
    Ctx()(proto, 'remove', 1);
  }
  if (!omit.has('restore')) {
    Mutation(() => o.entity, { name: `restore${o.type}` })(proto, 'restore', describe('restore'));
    Arg('id', () => ID)(proto, 'restore', 0);
    Ctx()(proto, 'restore', 1);
  }
  return BaseRecordResolver;
}
