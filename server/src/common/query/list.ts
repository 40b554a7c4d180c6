import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../context.js';
import { errors } from '../errors.js';
import type { OrderByItem, Page, ResourceDef, Row } from './resource.js';
import { QuerySql } from './sql.js';
import { compileFilter, compileOrder } from './where.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export interface ListArgs {
  filter?: object | null;
  orderBy?: OrderByItem[] | null;
  offset?: number | null;
  limit?: number | null;
  /** List the soft-deleted rows (the recycle bin) instead of the live ones. */
  deleted?: boolean | null;
  /** The date computed columns are evaluated at (types with a `derived` table). */
  asOf?: string | null;
  /** Join the derived table even when no filter or sort asks for it (aggregates over it). */
  withDerived?: boolean;
}

function paging(args: ListArgs): { offset: number; limit: number } {
  const offset = args.offset ?? 0;
  const limit = args.limit ?? DEFAULT_LIMIT;
  if (limit > MAX_LIMIT) throw errors.badInput('limit', 'limitTooLarge', { max: MAX_LIMIT, value: limit });
  if (limit < 0) throw errors.badInput('limit', 'negative', { value: limit });
  if (offset < 0) throw errors.badInput('offset', 'negative', { value: offset });
  return { offset, limit };
}

/** A query id as a number, or null when it cannot name a row. */
export function parseId(id: string | number | null | undefined): number | null {
  if (id === null || id === undefined) return null;
  const text = String(id);
  return /^\d{1,15}$/.test(text) ? Number(text) : null;
}

/**
 * The one place where a read of `def` rows starts: soft-deleted rows are excluded (or, for
 * the recycle bin, selected) and the caller's scope is applied, before anything else is added.
 */
export class ScopedQuery<E extends Row> {
  readonly sql: QuerySql;
  private readonly conditions: string[] = [];
  private readonly join: { alias: string; table: string; on: string } | null;

  constructor(
    private readonly ctx: Context,
    readonly def: ResourceDef<E>,
    readonly db: EntityManager = ctx.db.manager,
    private readonly opts: {
      deleted?: boolean | null;
      args?: ListArgs;
      lock?: 'pessimistic_read' | 'pessimistic_write';
      /** An analytics aggregate: the one kind of read a dashboard's API key may make. */
      aggregate?: boolean;
    } = {},
  ) {
    this.sql = new QuerySql(db, 'x');
    this.join = opts.args && def.derived ? def.derived(this.sql, opts.args) : null;
    if (def.softDelete !== false) {
      this.conditions.push(`${this.sql.col('deletedAt')} IS ${opts.deleted ? 'NOT NULL' : 'NULL'}`);
    }
    const scope = ctx.scope;
    const role = ctx.principal?.role;
    const keyOutsideAggregates = ctx.principal?.apiKeyId !== undefined && !opts.aggregate;
    if (scope.level === 'NONE' || keyOutsideAggregates || (def.readableBy && (!role || !def.readableBy.includes(role)))) this.conditions.push('1 = 0');
    else if (scope.level !== 'ALL') {
      const predicate = def.readScope(scope, this.sql);
      if (predicate) this.conditions.push(`(${predicate})`);
    }
  }

  filter(filter: object | null | undefined): this {
    const predicate = compileFilter(this.sql, this.def.query.fields, filter, this.ctx.principal);
    if (predicate) this.conditions.push(predicate);
    return this;
  }

  where(predicate: string): this {
    this.conditions.push(`(${predicate})`);
    return this;
  }

  order(items: OrderByItem[] | null | undefined): string[] {
    const { fields, order } = this.def.query;
    return compileOrder(this.sql, fields, order, items, this.ctx.principal);
  }

  builder(): SelectQueryBuilder<E> {
    const qb = this.db.createQueryBuilder(this.def.entity, this.sql.alias).withDeleted();
    if (this.join) qb.leftJoin(`(${this.join.table})`, this.join.alias, this.join.on);
    if (this.opts.lock && !this.sql.isSqlite) qb.setLock(this.opts.lock);
    return qb.where(this.conditions.join(' AND ')).setParameters(this.sql.params);
  }
}

function applyOrder<E extends Row>(qb: SelectQueryBuilder<E>, terms: string[]): SelectQueryBuilder<E> {
  terms.forEach((term, i) => {
    const [expr, dir] = [term.slice(0, term.lastIndexOf(' ')), term.slice(term.lastIndexOf(' ') + 1) as 'ASC' | 'DESC'];
    if (i === 0) qb.orderBy(expr, dir);
    else qb.addOrderBy(expr, dir);
  });
  return qb;
}

/** A top-level list: one statement for the page, one for the total. */
export async function listPage<E extends Row>(
  ctx: Context,
  def: ResourceDef<E>,
  args: ListArgs,
  opts: { aggregate?: boolean; extra?: (q: ScopedQuery<E>) => void } = {},
): Promise<Page<E>> {
  const { offset, limit } = paging(args);
  const q = new ScopedQuery(ctx, def, ctx.db.manager, { deleted: args.deleted, args, aggregate: opts.aggregate }).filter(args.filter);
  opts.extra?.(q);
  const terms = q.order(args.orderBy);
  const items = await applyOrder(q.builder(), terms).offset(offset).limit(limit).getMany();
  const total = await q.builder().getCount();
  return { items, total };
}

/** Rows by id as the caller may see them (null where absent or out of scope), in key order. */
export async function loadByIds<E extends Row>(
  ctx: Context,
  def: ResourceDef<E>,
  ids: readonly number[],
  db: EntityManager = ctx.db.manager,
  opts: { deleted?: boolean; lock?: 'pessimistic_read' | 'pessimistic_write'; aggregate?: boolean } = {},
): Promise<(E | null)[]> {
  if (ids.length === 0) return [];
  const q = new ScopedQuery(ctx, def, db, opts);
  const rows = await q.where(`${q.sql.col('id')} IN ${q.sql.list([...new Set(ids)])}`).builder().getMany();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** One visible row or null: for lookups and for services that must check visibility. */
export async function findVisible<E extends Row>(
  ctx: Context,
  def: ResourceDef<E>,
  id: string | number,
  db: EntityManager = ctx.db.manager,
  opts: { deleted?: boolean; lock?: 'pessimistic_read' | 'pessimistic_write' } = {},
): Promise<E | null> {
  const numeric = parseId(id);
  if (numeric === null) return null;
  const [row] = await loadByIds(ctx, def, [numeric], db, opts);
  return row;
}

/**
 * Pages of children for many parents at once (a relation field over a whole parent page):
 * two statements whatever the number of parents — the rows joined to their rank within
 * their parent (a window function), and the totals grouped by parent.
 */
export async function relationPages<E extends Row>(
  ctx: Context,
  def: ResourceDef<E>,
  foreignKey: string,
  parentIds: readonly number[],
  args: ListArgs,
  withTotals = true,
): Promise<Page<E>[]> {
  const { offset, limit } = paging(args);
  const db = ctx.db.manager;
  const scoped = () => {
    const q = new ScopedQuery(ctx, def, db, { args }).filter(args.filter);
    return q.where(`${q.sql.col(foreignKey)} IN ${q.sql.list([...new Set(parentIds)])}`);
  };

  const ranked = scoped();
  const fk = ranked.sql.col(foreignKey);
  const over = `PARTITION BY ${fk} ORDER BY ${ranked.order(args.orderBy).join(', ')}`;
  const window = ranked.builder().select(ranked.sql.col('id'), 'id').addSelect(`ROW_NUMBER() OVER (${over})`, 'rn').getQuery();
  const esc = (name: string) => ranked.sql.esc(name);
  const rows =
    limit === 0
      ? []
      : await db
          .createQueryBuilder(def.entity, 'rel')
          .withDeleted()
          .innerJoin(`(${window})`, 'w', `${esc('w')}.${esc('id')} = ${esc('rel')}.${esc('id')}`)
          .where(`${esc('w')}.${esc('rn')} > :relOffset AND ${esc('w')}.${esc('rn')} <= :relEnd`)
          .setParameters({ ...ranked.sql.params, relOffset: offset, relEnd: offset + limit })
          .orderBy(`${esc('w')}.${esc('rn')}`, 'ASC')
          .getMany();

  const counted = scoped();
  const totals: { pk: number | string; n: number | string }[] = withTotals
    ? await counted.builder().select(counted.sql.col(foreignKey), 'pk').addSelect('COUNT(*)', 'n').groupBy(counted.sql.col(foreignKey)).getRawMany()
    : [];
  const totalByParent = new Map(totals.map((t) => [Number(t.pk), Number(t.n)]));

  const itemsByParent = new Map<number, E[]>();
  for (const row of rows) {
    const parent = Number((row as Record<string, unknown>)[foreignKey]);
    itemsByParent.set(parent, [...(itemsByParent.get(parent) ?? []), row]);
  }
  return parentIds.map((id) => {
    const items = itemsByParent.get(id) ?? [];
    return { items, total: withTotals ? (totalByParent.get(id) ?? 0) : items.length };
  });
}
