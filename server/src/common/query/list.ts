import type { EntityManager, EntityMetadata, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { Context } from '../context.js';
import { errors } from '../errors.js';
import type { OrderByItem, Page, ResourceDef, Row } from './resource.js';
import { NotCovered, QuerySql } from './sql.js';
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
  /**
   * false: the caller does not read the page's `total` (the GraphQL selection has no `total`),
   * so the count statement is not run and `total` is NaN. Default: counted.
   */
  countTotal?: boolean;
  /**
   * The entity properties to read (the id always): what the GraphQL selection needs
   * (relations.ts). Absent: whole rows. The rows then have only these properties.
   */
  columns?: readonly string[] | null;
  /**
   * To-one relations read in the page's own statement (LEFT JOINs, each with its type's scope
   * in the join condition), in order: a join may hang off an earlier one. Ignored (the rows
   * come without them) when the list joins a derived table.
   */
  joins?: readonly JoinAhead[] | null;
}

/** A to-one relation joined into a list's statement. */
export interface JoinAhead {
  def: ResourceDef<Row>;
  /** The alias of the row it hangs off: `x` (the page's rows) or an earlier join's. */
  parentAlias: string;
  alias: string;
  /** The parent's foreign-key property. */
  foreignKey: string;
  /** The joined entity's properties to read (null: whole rows). */
  columns: readonly string[] | null;
}

/** A page whose statement also read joined relations: for each join (by alias), its row for each item (null where none or out of scope). */
export interface JoinedPage<E> extends Page<E> {
  joined?: Map<string, (Row | null)[]>;
}

/**
 * Rows as entities without TypeORM's query builder and result transformer on the hot read
 * paths (lists, lookups by id, relation pages): the SELECT is written here from the entity's
 * metadata and each column is converted as TypeORM's driver converts it — with shortcuts for
 * the common types (numbers and strings as they come, SQLite's UTC datetime text to a Date)
 * and the driver's own `prepareHydratedValue` for everything else. The entity is created as
 * TypeORM's `getMany` creates it (its class's prototype, no constructor).
 */
interface Hydrator {
  /** `alias.col AS c0, …` for the given (escaped) alias: every column, or those of the given properties (and the id); `key` names the result columns (`c0`, …). */
  select(alias: string, properties?: readonly string[] | null, key?: string): string;
  hydrate(row: Record<string, unknown>, key?: string): object;
}

const IDENTITY_TYPES = new Set(['int', 'integer', 'varchar', 'text', 'nvarchar', 'character varying', 'tinytext', 'mediumtext', 'longtext', 'char']);
const hydrators = new WeakMap<EntityMetadata, Hydrator>();

function converterOf(db: EntityManager, column: ColumnMetadata): (value: unknown) => unknown {
  const driver = db.connection.driver;
  const exact = (value: unknown) => driver.prepareHydratedValue(value, column);
  if (column.transformer) return exact;
  const type = column.type;
  if (typeof type === 'string' && IDENTITY_TYPES.has(type)) return (value) => value;
  if (type === 'simple-enum' && (column.enum ?? []).every((v) => typeof v === 'string')) return (value) => value;
  if (type === 'datetime') {
    return (value) => {
      if (value === null || value === undefined || value instanceof Date) return value;
      // SQLite: "YYYY-MM-DD HH:MM:SS[.mmm]", UTC (what TypeORM and datetime('now') write), read as
      // the driver reads it; anything else the driver's way.
      if (typeof value === 'string' && (value.length === 19 || (value.length === 23 && value[19] === '.')) && value[10] === ' ' && value[13] === ':') {
        return new Date(`${value.slice(0, 10)}T${value.slice(11)}Z`);
      }
      return exact(value);
    };
  }
  // 'YYYY-MM-DD' text on both drivers (mysql2 is given dateStrings for DATE): kept as it is, as the driver keeps it.
  if (type === 'date' && !column.utc) return (value) => (typeof value === 'string' ? value : exact(value));
  return exact;
}

function hydratorOf(db: EntityManager, metadata: EntityMetadata): Hydrator {
  let hydrator = hydrators.get(metadata);
  if (hydrator) return hydrator;
  // What getMany would do and this does not: refuse loudly rather than answer differently.
  const unsupported = [
    metadata.columns.some((c) => c.isVirtualProperty) && '@VirtualColumn',
    metadata.relationIds.length > 0 && '@RelationId',
    metadata.afterLoadListeners.length > 0 && '@AfterLoad',
    db.connection.subscribers.some((s) => typeof s.afterLoad === 'function') && 'an afterLoad subscriber',
    (metadata.discriminatorColumn || metadata.childEntityMetadatas.length > 0) && 'table inheritance',
  ].filter(Boolean);
  if (unsupported.length) throw new Error(`list.ts reads ${metadata.name} without TypeORM's transformer, which does not handle ${unsupported.join(', ')}: add it to hydratorOf`);
  const driver = db.connection.driver;
  const columns = metadata.columns
    .filter((c) => c.isSelect && !c.isVirtual && !c.isVirtualProperty)
    .map((column, i) => ({
      column,
      key: `c${i}`,
      convert: converterOf(db, column),
      // A plain column of the entity itself is assigned directly; embedded and relation columns the way TypeORM sets them.
      property: !column.embeddedMetadata && !column.relationMetadata && !column.referencedColumn ? column.propertyName : null,
    }));
  const plain = typeof metadata.target === 'function' && !metadata.isAlwaysUsingConstructor && metadata.lazyRelations.length === 0 && !db.connection.options.typename;
  const proto = typeof metadata.target === 'function' ? (metadata.target as { prototype: object }).prototype : Object.prototype;
  const primary = new Set(metadata.primaryColumns.map((c) => c.propertyName));
  const keysBy = new Map<string, string[]>([['c', columns.map((c) => c.key)]]);
  const keysOf = (prefix: string) => {
    let keys = keysBy.get(prefix);
    if (!keys) keysBy.set(prefix, (keys = columns.map((_, i) => `${prefix}${i}`)));
    return keys;
  };
  hydrator = {
    select: (alias, properties, key = 'c') => {
      const keys = keysOf(key);
      return columns
        .map((c, i) => ((!properties || primary.has(c.column.propertyName) || properties.includes(c.column.propertyName)) ? `${alias}.${driver.escape(c.column.databaseName)} AS ${driver.escape(keys[i])}` : ''))
        .filter(Boolean)
        .join(', ');
    },
    hydrate: (row, key = 'c') => {
      const keys = keysOf(key);
      const entity = (plain ? Object.create(proto) : metadata.create(undefined, { fromDeserializer: true })) as Record<string, unknown>;
      for (let i = 0; i < columns.length; i++) {
        const c = columns[i];
        const value = row[keys[i]];
        if (value === undefined) continue;
        if (c.property !== null) entity[c.property] = c.convert(value);
        else c.column.setEntityValue(entity, c.convert(value));
      }
      return entity;
    },
  };
  hydrators.set(metadata, hydrator);
  return hydrator;
}

/** Runs a SELECT of whole rows built by `select` (given the escaped alias's column list) and hydrates them. */
async function selectEntities<E extends Row>(db: EntityManager, def: ResourceDef<E>, alias: string, text: (columns: string) => string, params: Record<string, unknown>, properties?: readonly string[] | null): Promise<E[]> {
  return (await selectRows(db, def, alias, text, params, properties)).map(([entity]) => entity);
}

/** The same, with each entity its raw row (for columns selected beside the entity's, such as a window count). */
async function selectRows<E extends Row>(
  db: EntityManager,
  def: ResourceDef<E>,
  alias: string,
  text: (columns: string) => string,
  params: Record<string, unknown>,
  properties?: readonly string[] | null,
): Promise<[E, Record<string, unknown>][]> {
  const hydrator = hydratorOf(db, db.connection.getMetadata(def.entity));
  const [query, values] = db.connection.driver.escapeQueryWithParameters(text(hydrator.select(db.connection.driver.escape(alias), properties)), params);
  const rows: Record<string, unknown>[] = await db.query(query, values);
  return rows.map((row) => [hydrator.hydrate(row) as E, row]);
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
  readonly conditions: string[] = [];
  private readonly join: { alias: string; table: string; on: string } | null;
  /** The main table: the entity's, or a derived table standing alone (in parentheses). */
  private readonly from: string | null = null;

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
      /** The table's alias and the prefix of its parameters (a query joined into another's statement). */
      alias?: string;
      paramPrefix?: string;
      /**
       * Read the derived table standing alone instead of the rows joined to it (an aggregate;
       * see `aggregateQuery`): throws `NotCovered` when it does not stand alone for these
       * arguments, or as soon as the query names a column it does not hold.
       */
      alone?: boolean;
    } = {},
  ) {
    this.sql = new QuerySql(db, opts.alias ?? 'x', opts.paramPrefix);
    const derived = opts.args && def.derived ? def.derived(this.sql, opts.args) : null;
    if (opts.alone) {
      const alone = !opts.lock && !opts.deleted ? derived?.alone?.() : null;
      if (!derived || !alone) throw new NotCovered('(derived table)');
      // Its rows are the live rows only: no condition on deletedAt.
      this.from = `(${alone.table})`;
      this.join = null;
      this.sql.standAlone(derived.alias, alone.columns);
    } else this.join = derived;
    if (def.softDelete !== false && !opts.alone) {
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

  /** `FROM … [LEFT JOIN derived] [joins] WHERE …` of this query, as plain SQL with named parameters. */
  fromWhere(joins = ''): string {
    const esc = (name: string) => this.sql.esc(name);
    const join = this.join ? ` LEFT JOIN (${this.join.table}) ${esc(this.join.alias)} ON ${this.join.on}` : '';
    const where = this.conditions.length ? ` WHERE ${this.conditions.join(' AND ')}` : '';
    return `FROM ${this.from ?? this.sql.table(this.def.entity)} ${esc(this.sql.alias)}${join}${joins}${where}`;
  }

  /** ` ORDER BY … LIMIT … OFFSET …` of a page. */
  private pageClause(order: string[], page?: { offset: number; limit: number }): string {
    const orderBy = order.length ? ` ORDER BY ${order.join(', ')}` : '';
    return orderBy + (page ? ` LIMIT ${this.sql.param(page.limit)} OFFSET ${this.sql.param(page.offset)}` : '');
  }

  /**
   * The rows as entities, in `order`, with LIMIT/OFFSET; the same statement as
   * `builder().getMany()`, built without TypeORM — or with only the given properties' columns
   * (not when locking: a row read to be changed is read whole).
   */
  async rows(order: string[], page?: { offset: number; limit: number }, properties?: readonly string[] | null): Promise<E[]> {
    if (this.from) throw new NotCovered('(rows)'); // a table standing alone serves aggregates, not rows
    if (this.opts.lock) {
      const qb = applyOrder(this.builder(), order);
      return (page ? qb.offset(page.offset).limit(page.limit) : qb).getMany();
    }
    const tail = this.pageClause(order, page);
    return selectEntities(this.db, this.def, this.sql.alias, (columns) => `SELECT ${columns} ${this.fromWhere()}${tail}`, this.sql.params, properties);
  }

  /**
   * The page with to-one relations joined into its statement (see `ListArgs.joins`): each join
   * is this same kind of scoped query of its type, its conditions moved into the join's ON.
   * Null when it does not apply (a derived table joined, or rows read to be locked).
   */
  async rowsJoined(order: string[], page: { offset: number; limit: number }, properties: readonly string[] | null | undefined, joins: readonly JoinAhead[]): Promise<{ items: E[]; joined: Map<string, (Row | null)[]> } | null> {
    if (this.join || this.from || this.opts.lock) return null;
    const db = this.db;
    const esc = (name: string) => this.sql.esc(name);
    const entities = new Map<string, Function>([[this.sql.alias, this.def.entity]]);
    const own = hydratorOf(db, db.connection.getMetadata(this.def.entity));
    const columns = [own.select(esc(this.sql.alias), properties)];
    const from: string[] = [];
    for (const j of joins) {
      const parent = entities.get(j.parentAlias);
      const fk = parent && db.connection.getMetadata(parent).findColumnWithPropertyName(j.foreignKey);
      if (!fk) return null;
      const joined = new ScopedQuery(this.ctx, j.def, db, { alias: j.alias, paramPrefix: `${j.alias}_` });
      Object.assign(this.sql.params, joined.sql.params);
      const metadata = db.connection.getMetadata(j.def.entity);
      const on = [`${esc(j.alias)}.${esc(metadata.primaryColumns[0].databaseName)} = ${esc(j.parentAlias)}.${esc(fk.databaseName)}`, ...joined.conditions];
      from.push(` LEFT JOIN ${joined.sql.table(j.def.entity)} ${esc(j.alias)} ON ${on.join(' AND ')}`);
      columns.push(hydratorOf(db, metadata).select(esc(j.alias), j.columns, `${j.alias}_`));
      entities.set(j.alias, j.def.entity);
    }
    const text = `SELECT ${columns.join(', ')} ${this.fromWhere(from.join(''))}${this.pageClause(order, page)}`;
    const [query, values] = db.connection.driver.escapeQueryWithParameters(text, this.sql.params);
    const raw: Record<string, unknown>[] = await db.query(query, values);
    const joined = new Map<string, (Row | null)[]>();
    for (const j of joins) {
      const hydrator = hydratorOf(db, db.connection.getMetadata(j.def.entity));
      joined.set(
        j.alias,
        raw.map((row) => {
          const entity = hydrator.hydrate(row, `${j.alias}_`) as Row;
          return entity.id === null || entity.id === undefined ? null : entity;
        }),
      );
    }
    return { items: raw.map((row) => own.hydrate(row) as E), joined };
  }

  /** Whether the query joins its type's derived table (a list filtered or sorted on computed columns). */
  get joinsDerived(): boolean {
    return this.join !== null;
  }

  builder(): SelectQueryBuilder<E> {
    if (this.from) return this.db.createQueryBuilder().from(this.from, this.sql.alias).where(this.conditions.join(' AND ') || '1 = 1').setParameters(this.sql.params) as SelectQueryBuilder<E>;
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

/**
 * Runs an aggregate on the query `build(true)` gives — its derived table standing alone, one
 * covering index instead of a join per row — when the type has such a table for the query's
 * arguments and the aggregate names only columns it holds; otherwise, as soon as it names one
 * it does not (before any statement of that query is sent), on `build(false)`, the usual
 * query. `work` builds its statements on the query it is given and may be run twice.
 */
export async function aggregateQuery<E extends Row, T>(build: (alone: boolean) => ScopedQuery<E>, work: (q: ScopedQuery<E>) => Promise<T>): Promise<T> {
  try {
    return await work(build(true));
  } catch (error) {
    if (!(error instanceof NotCovered)) throw error;
  }
  return work(build(false));
}

/** A top-level list: one statement for the page (with its joined relations, if asked), one for the total. */
export async function listPage<E extends Row>(
  ctx: Context,
  def: ResourceDef<E>,
  args: ListArgs,
  opts: { aggregate?: boolean; extra?: (q: ScopedQuery<E>) => void } = {},
): Promise<JoinedPage<E>> {
  const { offset, limit } = paging(args);
  const q = new ScopedQuery(ctx, def, ctx.db.manager, { deleted: args.deleted, args, aggregate: opts.aggregate }).filter(args.filter);
  opts.extra?.(q);
  const terms = q.order(args.orderBy);
  const withJoins = args.joins?.length ? await q.rowsJoined(terms, { offset, limit }, args.columns, args.joins) : null;
  const items = withJoins ? withJoins.items : await q.rows(terms, { offset, limit }, args.columns);
  // COUNT(*), not the query builder's COUNT(DISTINCT id): the only join is the 1:1 derived table, and a
  // plain count is read from an index without collecting every id.
  const total =
    args.countTotal === false
      ? NaN
      : await aggregateQuery(
          (alone) => {
            // Only a list that joins a derived table can count on it alone.
            if (!alone || !q.joinsDerived) return q;
            const c = new ScopedQuery(ctx, def, ctx.db.manager, { deleted: args.deleted, args, aggregate: opts.aggregate, alone }).filter(args.filter);
            opts.extra?.(c);
            return c;
          },
          async (c) => Number((await c.builder().select('COUNT(*)', 'n').getRawOne<{ n: number | string }>())?.n ?? 0),
        );
  return withJoins ? { items, total, joined: withJoins.joined } : { items, total };
}

/** Rows by id as the caller may see them (null where absent or out of scope), in key order. */
export async function loadByIds<E extends Row>(
  ctx: Context,
  def: ResourceDef<E>,
  ids: readonly number[],
  db: EntityManager = ctx.db.manager,
  opts: { deleted?: boolean; lock?: 'pessimistic_read' | 'pessimistic_write'; aggregate?: boolean; columns?: readonly string[] | null } = {},
): Promise<(E | null)[]> {
  if (ids.length === 0) return [];
  const q = new ScopedQuery(ctx, def, db, opts);
  const rows = await q.where(`${q.sql.col('id')} IN ${q.sql.list([...new Set(ids)])}`).rows([], undefined, opts.columns);
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
 * one statement whatever the number of parents — the rows joined to their rank and their
 * parent's count (window functions). A page further on (offset > 0) or of no rows counts in a
 * second statement, grouped by parent: a parent none of whose rows is on the page has a total too.
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
  const esc = (name: string) => ranked.sql.esc(name);
  // From the first row on, every parent with any row has its first row on the page: the window's count is its total.
  const countInWindow = withTotals && offset === 0 && limit > 0;
  const windowCount = countInWindow ? `, COUNT(*) OVER (PARTITION BY ${fk}) AS ${esc('n')}` : '';
  const window = `SELECT ${ranked.sql.col('id')} AS ${esc('id')}, ROW_NUMBER() OVER (${over}) AS ${esc('rn')}${windowCount} ${ranked.fromWhere()}`;
  const selected =
    limit === 0
      ? []
      : await selectRows(
          db,
          def,
          'rel',
          (columns) =>
            `SELECT ${columns}${countInWindow ? `, ${esc('w')}.${esc('n')} AS ${esc('total_in_parent')}` : ''} FROM ${ranked.sql.table(def.entity)} ${esc('rel')} INNER JOIN (${window}) ${esc('w')} ON ${esc('w')}.${esc('id')} = ${esc('rel')}.${esc('id')}` +
            ` WHERE ${esc('w')}.${esc('rn')} > ${ranked.sql.param(offset)} AND ${esc('w')}.${esc('rn')} <= ${ranked.sql.param(offset + limit)} ORDER BY ${esc('w')}.${esc('rn')} ASC`,
          ranked.sql.params,
          args.columns && [...args.columns, foreignKey],
        );
  const rows = selected.map(([entity]) => entity);

  const totalByParent = new Map<number, number>();
  if (countInWindow) {
    for (const [entity, raw] of selected) totalByParent.set(Number((entity as Record<string, unknown>)[foreignKey]), Number(raw.total_in_parent));
  } else if (withTotals) {
    const counted = scoped();
    const totals: { pk: number | string; n: number | string }[] = await counted.builder().select(counted.sql.col(foreignKey), 'pk').addSelect('COUNT(*)', 'n').groupBy(counted.sql.col(foreignKey)).getRawMany();
    for (const t of totals) totalByParent.set(Number(t.pk), Number(t.n));
  }

  const itemsByParent = new Map<number, E[]>();
  for (const row of rows) {
    const parent = Number((row as Record<string, unknown>)[foreignKey]);
    const items = itemsByParent.get(parent);
    if (items) items.push(row);
    else itemsByParent.set(parent, [row]);
  }
  return parentIds.map((id) => {
    const items = itemsByParent.get(id) ?? [];
    return { items, total: withTotals ? (totalByParent.get(id) ?? 0) : items.length };
  });
}
