import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLObjectType,
  GraphQLSkipDirective,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import type { Context } from '../context.js';
import type { JoinAhead, JoinedPage, ListArgs } from './list.js';
import type { Page, ResourceDef, Row } from './resource.js';

/**
 * Relation fields, declared once: what the field resolver answers, and how a page of parents
 * loads the relation for all of them ahead of execution.
 *
 * Resolved the lazy way, a relation field returns a DataLoader promise per parent row, and
 * graphql-js completes every row's subtree asynchronously: for a page of 100 cadres with
 * department and county, 200 promises, whose microtasks and garbage cost more than the SQL.
 * So a list resolver (`listWithRelations`) **prefetches**: once its page is read it walks the
 * operation's selection under `items` and, for each declared relation selected there, loads it
 * for the whole page — the same batched statements the lazy way runs, through the same scoped
 * reads — level after level. The field resolvers then find their values and answer
 * synchronously.
 *
 * **Joins.** The to-one relations selected under `items` (and theirs, two levels deep) are not
 * loaded apart but read in the page's own statement, as LEFT JOINs that carry their type's
 * scope (`joinPlan`, `ScopedQuery.rowsJoined`): the cadre page with department and county is
 * one statement.
 *
 * **Columns.** A level whose selected fields are all plain columns of the entity or declared
 * relations reads only those columns (and the id and foreign keys the relations need);
 * a level with any other field (a computed one, whose resolver may read any column) reads
 * whole rows. The list page itself is read the same way (`listColumns`).
 *
 * A relation that is not declared, a field reached twice through a fragment, or a prefetch
 * that fails (e.g. a bad argument) is resolved the lazy way, with whole rows — and the error,
 * if it recurs, at its own path.
 */

interface Declared {
  paged: boolean;
  /** The field resolver itself, as graphql-js calls it. */
  resolve(root: Row, args: Record<string, unknown>, ctx: Context, info: GraphQLResolveInfo): unknown;
  /** The parent property the relation reads (its foreign key, or the id for pages). */
  parentKey: string;
  /** The resource of the rows it reaches. */
  resource(): ResourceDef<Row>;
  /** Loads the relation for these parents and keeps it for `node`; the rows reached, for the next level. */
  prefetch(ctx: Context, parents: readonly Row[], node: FieldNode, fieldArgs: Record<string, unknown>, columns: readonly string[] | null, withTotals: boolean): Promise<Row[]>;
}

const declared = new Map<object, Map<string, Declared>>();

function declare(parent: abstract new () => object, field: string, relation: Declared): void {
  let fields = declared.get(parent.prototype);
  if (!fields) declared.set(parent.prototype, (fields = new Map()));
  fields.set(field, relation);
}

/** A to-one relation through a foreign key of the parent (null when the key is null). */
export function toOne<P extends object, E extends Row>(parent: abstract new () => P, field: string, def: () => ResourceDef<E>, key: keyof P & string) {
  const idOf = (row: object): number | null => {
    const value = (row as Record<string, unknown>)[key];
    return value === null || value === undefined ? null : Number(value);
  };
  const load = (ctx: Context, row: P, info: GraphQLResolveInfo): E | null | Promise<E | null> => {
    const id = idOf(row);
    if (id === null) return null;
    const ahead = ctx.loaders.loadedFor<E | null>(info.fieldNodes[0], id);
    return ahead !== undefined ? ahead : ctx.loaders.byId(def()).load(id);
  };
  declare(parent, field, {
    paged: false,
    resolve: (root, _args, ctx, info) => load(ctx, root as unknown as P, info),
    parentKey: key,
    resource: () => def() as unknown as ResourceDef<Row>,
    async prefetch(ctx, parents, node, _args, columns) {
      const ids = [...new Set(parents.map(idOf).filter((id): id is number => id !== null))];
      const rows = ids.length ? await ctx.loaders.byId(def(), columns).loadMany(ids) : [];
      if (rows.some((r) => r instanceof Error)) throw rows.find((r) => r instanceof Error);
      ctx.loaders.keepFor(node, ids, rows);
      return rows.filter((r): r is E => r !== null && !(r instanceof Error));
    },
  });
  /** The field resolver's answer: the row as the caller may see it (or null), synchronously when loaded ahead. */
  return { load };
}

/**
 * A to-many relation: the rows whose `foreignKey` is the parent's id, as a page per parent
 * with the field's list arguments; counted only when the selection asks for `total`.
 */
export function toMany<P extends Row, E extends Row>(parent: abstract new () => P, field: string, def: () => ResourceDef<E>, foreignKey: keyof E & string) {
  const load = (ctx: Context, row: P, args: ListArgs, info: GraphQLResolveInfo): Page<E> | Promise<Page<E>> => {
    const ahead = ctx.loaders.loadedFor<Page<E>>(info.fieldNodes[0], row.id);
    return ahead ?? ctx.loaders.page(def(), foreignKey, args, selects(info, 'total')).load(row.id);
  };
  declare(parent, field, {
    paged: true,
    resolve: (root, args, ctx, info) => load(ctx, root as P, args as ListArgs, info),
    parentKey: 'id',
    resource: () => def() as unknown as ResourceDef<Row>,
    async prefetch(ctx, parents, node, args, columns, withTotals) {
      const ids = [...new Set(parents.map((p) => p.id))];
      const pages = await ctx.loaders.page(def(), foreignKey, { ...(args as ListArgs), columns }, withTotals).loadMany(ids);
      if (pages.some((p) => p instanceof Error)) throw pages.find((p) => p instanceof Error);
      ctx.loaders.keepFor(node, ids, pages);
      return (pages as Page<E>[]).flatMap((page) => page.items);
    },
  });
  return { load };
}

/**
 * The resolver of a declared relation field, to be called by graphql-js directly (schema.ts
 * does so where type-graphql's call would add nothing: no roles, no middleware, arguments
 * without validation rules). type-graphql's per-call wrapper validates arguments
 * asynchronously, so every relation field would answer with a promise even when its value is
 * loaded ahead.
 */
export function declaredResolver(prototype: object, field: string): Declared['resolve'] | null {
  return declared.get(prototype)?.get(field)?.resolve ?? null;
}

const selected = new WeakMap<FieldNode, Map<string, boolean>>();

/**
 * Whether the field being resolved selects `name` directly (through fragments too; `@skip` and
 * `@include` are ignored, so a conditional selection counts as selected). Remembered per field
 * node: a cached document's nodes give the same answer on every request.
 */
export function selects(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, name: string): boolean {
  const first = info.fieldNodes[0];
  let known = selected.get(first);
  if (!known) selected.set(first, (known = new Map()));
  const cached = known.get(name);
  if (cached !== undefined) return cached;
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): boolean =>
    !!set &&
    set.selections.some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === name;
      if (s.kind === Kind.INLINE_FRAGMENT) return walk(s.selectionSet);
      const fragment = info.fragments[s.name.value];
      if (!fragment || seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      return walk(fragment.selectionSet);
    });
  const answer = info.fieldNodes.some((node) => walk(node.selectionSet));
  known.set(name, answer);
  return answer;
}

/**
 * The fields execution will resolve for these selection sets, grouped by response key as
 * graphql-js groups them (first node first): through fragments, `@skip`/`@include` applied.
 */
const collected = new WeakMap<SelectionSetNode, FieldNode[][]>();

function collect(sets: readonly SelectionSetNode[], info: GraphQLResolveInfo): FieldNode[][] {
  // One selection set without directives collects the same way on every request of the (cached) document.
  const known = sets.length === 1 ? collected.get(sets[0]) : undefined;
  if (known) return known;
  const byKey = new Map<string, FieldNode[]>();
  const seen = new Set<string>();
  let directives = false;
  const included = (node: Parameters<typeof getDirectiveValues>[1]) =>
    getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if !== true && getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.directives?.length) directives = true;
      if (s.directives?.length && !included(s)) continue;
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        const nodes = byKey.get(key);
        if (nodes) nodes.push(s);
        else byKey.set(key, [s]);
      } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value) && info.fragments[s.name.value]) {
        seen.add(s.name.value);
        walk(info.fragments[s.name.value].selectionSet);
      }
    }
  };
  sets.forEach(walk);
  const groups = [...byKey.values()];
  if (sets.length === 1 && !directives) collected.set(sets[0], groups);
  return groups;
}

const subSets = (nodes: readonly FieldNode[]) => nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));

/** The selections under `items` of a page-returning field. */
function itemSets(nodes: readonly FieldNode[], info: GraphQLResolveInfo): SelectionSetNode[] {
  return collect(subSets(nodes), info)
    .filter((group) => group[0].name.value === 'items')
    .flatMap(subSets);
}

/** The row type under a page type's `items`, if it is one. */
function rowTypeOf(pageType: unknown): GraphQLObjectType | null {
  const items = pageType instanceof GraphQLObjectType ? pageType.getFields().items : undefined;
  const row = items && getNamedType(items.type);
  return row instanceof GraphQLObjectType ? row : null;
}

/**
 * The entity properties a level of the selection needs, or null for whole rows: every field
 * selected must be a plain column (a GraphQL field without a resolver of its own, named as an
 * entity column) or a declared relation (which needs its key).
 */
function columnsFor(ctx: Context, entity: abstract new () => object, type: GraphQLObjectType, groups: readonly FieldNode[][]): string[] | null {
  const metadata = ctx.db.getMetadata(entity);
  const relations = declared.get(entity.prototype);
  const properties = new Set<string>();
  for (const [node] of groups) {
    const name = node.name.value;
    if (name === '__typename') continue;
    const relation = relations?.get(name);
    if (relation) {
      properties.add(relation.parentKey);
      continue;
    }
    const field = type.getFields()[name];
    const column = metadata.findColumnWithPropertyName(name);
    if (!field || field.resolve || !column || column.embeddedMetadata || column.relationMetadata) return null;
    properties.add(name);
  }
  return [...properties];
}

/** The columns a list resolver reads for its page: what the selection under `items` needs, or null for whole rows. */
function listColumns(ctx: Context, info: GraphQLResolveInfo, entity: abstract new () => object): string[] | null {
  const rowType = rowTypeOf(getNamedType(info.returnType));
  if (!rowType) return null;
  return columnsFor(ctx, entity, rowType, collect(itemSets(info.fieldNodes, info), info));
}

/** At most this many to-one relations joined into a list's statement, this deep. */
const MAX_JOINS = 4;
const MAX_JOIN_DEPTH = 2;

interface JoinPlan {
  joins: JoinAhead[];
  /** The field node each join answers, by alias. */
  nodes: Map<string, FieldNode>;
}

/**
 * The to-one relations under `items` to read in the page's own statement (LEFT JOINs): each
 * selected declared to-one relation, and those under it, a few levels deep. One statement
 * instead of one per relation — on MariaDB a statement's round trip costs more than the rows.
 */
function joinPlan(ctx: Context, info: GraphQLResolveInfo, entity: abstract new () => object): JoinPlan | null {
  const rowType = rowTypeOf(getNamedType(info.returnType));
  if (!rowType) return null;
  const plan: JoinPlan = { joins: [], nodes: new Map() };
  const level = (type: GraphQLObjectType, prototype: object, groups: FieldNode[][], parentAlias: string, depth: number) => {
    const relations = declared.get(prototype);
    for (const nodes of groups) {
      const relation = relations?.get(nodes[0].name.value);
      const field = type.getFields()[nodes[0].name.value];
      const childType = field && getNamedType(field.type);
      if (!relation || relation.paged || !(childType instanceof GraphQLObjectType) || plan.joins.length >= MAX_JOINS) continue;
      const child = relation.resource().entity;
      const childGroups = collect(subSets(nodes), info);
      const alias = `j${plan.joins.length}`;
      plan.joins.push({ def: relation.resource(), parentAlias, alias, foreignKey: relation.parentKey, columns: columnsFor(ctx, child, childType, childGroups) });
      plan.nodes.set(alias, nodes[0]);
      if (depth < MAX_JOIN_DEPTH) level(childType, child.prototype, childGroups, alias, depth + 1);
    }
  };
  level(rowType, entity.prototype, collect(itemSets(info.fieldNodes, info), info), 'x', 1);
  return plan.joins.length ? plan : null;
}

/**
 * A list resolver's page with its relations: read with the columns the selection needs and
 * its to-one relations joined in (`list` is the service's list), then every other declared
 * relation loaded ahead.
 */
export async function listWithRelations<E extends Row>(ctx: Context, info: GraphQLResolveInfo, entity: abstract new () => object, args: ListArgs, list: (args: ListArgs) => Promise<Page<E>>): Promise<Page<E>> {
  const plan = joinPlan(ctx, info, entity);
  const page = (await list({ ...args, columns: listColumns(ctx, info, entity), joins: plan?.joins })) as JoinedPage<E>;
  if (plan && page.joined) {
    for (const join of plan.joins) {
      const parents = join.parentAlias === 'x' ? page.items : page.joined.get(join.parentAlias)!;
      const values = page.joined.get(join.alias)!;
      const byId = new Map<number, Row | null>();
      parents.forEach((parent, i) => {
        const id = parent && (parent as unknown as Record<string, unknown>)[join.foreignKey];
        if (id !== null && id !== undefined) byId.set(Number(id), values[i]);
      });
      ctx.loaders.keepFor(plan.nodes.get(join.alias)!, [...byId.keys()], [...byId.values()]);
    }
    delete page.joined;
  }
  await prefetchPage(ctx, info, page.items);
  return page;
}

/**
 * Loads ahead every declared relation the operation selects under a page's `items` (the field
 * being resolved returns that page), down the whole selection. Called by list resolvers once
 * their rows are read.
 */
async function prefetchPage(ctx: Context, info: GraphQLResolveInfo, rows: readonly Row[]): Promise<void> {
  const rowType = rowTypeOf(getNamedType(info.returnType));
  if (!rowType || rows.length === 0) return;
  try {
    await prefetchLevel(ctx, info, rowType, rows, itemSets(info.fieldNodes, info));
  } catch {
    // Resolved the lazy way instead, with the error (if it recurs) at its own field.
  }
}

async function prefetchLevel(ctx: Context, info: GraphQLResolveInfo, type: GraphQLObjectType, rows: readonly Row[], sets: SelectionSetNode[]): Promise<void> {
  if (rows.length === 0 || sets.length === 0) return;
  const prototype = Object.getPrototypeOf(rows[0]) as object;
  const relations = declared.get(prototype);
  if (!relations) return;
  const parents = rows.filter((r) => Object.getPrototypeOf(r) === prototype);
  // All relations of a level start in the same tick, so loads of one loader share a batch, as they would lazily.
  await Promise.all(
    collect(sets, info).map(async (nodes) => {
      const node = nodes[0];
      const relation = relations.get(node.name.value);
      const field = type.getFields()[node.name.value];
      if (!relation || !field) return;
      const childType = getNamedType(field.type);
      const rowType = relation.paged ? rowTypeOf(childType) : childType instanceof GraphQLObjectType ? childType : null;
      if (!rowType) return;
      const childSets = relation.paged ? itemSets(nodes, info) : subSets(nodes);
      // Already read with the page (joined): only what hangs under it is left to load.
      const joined = ctx.loaders.keptFor(node);
      if (joined) return prefetchLevel(ctx, info, rowType, joined.filter((r): r is Row => r !== null), childSets);
      const columns = columnsFor(ctx, relation.resource().entity, rowType, collect(childSets, info));
      const args = relation.paged ? getArgumentValues(field, node, info.variableValues) : {};
      const withTotals = relation.paged && selects({ fieldNodes: nodes, fragments: info.fragments }, 'total');
      const children = await relation.prefetch(ctx, parents, node, args, columns, withTotals);
      return prefetchLevel(ctx, info, rowType, children, childSets);
    }),
  );
}
