import type { ClassType } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { AuditAction, type AuditChanges } from '../modules/audit/audit-event.entity.js';
import { auditService } from '../modules/audit/audit.service.js';
import { BOOKKEEPING_FIELDS, type BaseRecord } from './base.entity.js';
import type { Context } from './context.js';
import { errors } from './errors.js';
import { entityLabel } from './i18n.js';
import { findVisible, listPage, parseId, type ListArgs } from './query/list.js';
import type { Page, ResourceDef } from './query/resource.js';
import { Role, scopeContains, type Location } from './scope.js';
import { inTransaction } from './transaction.js';

type Values<E> = Partial<Record<keyof E & string, unknown>>;

/** MySQL/MariaDB only: SQLite runs one transaction at a time and knows no row locks. */
function sharedLock(db: EntityManager): { lock?: { mode: 'pessimistic_read' } } {
  return db.connection.options.type === 'better-sqlite3' ? {} : { lock: { mode: 'pessimistic_read' } };
}

/** Two concurrent writes of the same unique value: the loser gets BAD_USER_INPUT, not a 500. */
async function uniqueViolationAsInput<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
    if (code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE') throw errors.badInput('id', 'invalidInput', { detail: 'duplicate value' });
    throw error;
  }
}

/** Input fields that name a county by its administrative code, and the id field each stands for. */
const COUNTY_CODE_FIELDS: Record<string, string> = { countyCode: 'countyId', responsibleCountyCode: 'responsibleCountyId' };

/**
 * Turns `countyCode` / `responsibleCountyCode` into the id fields they stand for, looking
 * the code up within the caller's scope (an invisible county is "not found", like its id).
 */
export async function resolveCountyCodes<T extends object>(ctx: Context, input: T): Promise<T> {
  const out = { ...input } as Record<string, unknown>;
  for (const [codeField, idField] of Object.entries(COUNTY_CODE_FIELDS)) {
    const code = out[codeField];
    delete out[codeField];
    if (code == null) continue;
    // Loaded late: the county module itself is built on this one.
    const { countyResource } = await import('../modules/hierarchy/county.service.js');
    const [county] = (await listPage(ctx, countyResource, { filter: { code: { eq: String(code) } }, limit: 1 })).items;
    if (!county) throw errors.badInput(codeField, 'notFoundByCode', { entity: entityLabel('County'), code: String(code) });
    if (out[idField] != null && parseId(out[idField] as string) !== county.id) throw errors.badInput(codeField, 'idOrCode', { field: idField });
    out[idField] = String(county.id);
  }
  return out as T;
}

/**
 * The changes of a move as one side may read them: references (`…Id` fields) on the other
 * side are withheld — null, marked `withheld` — when that side is another county.
 */
function withheld(changes: AuditChanges, side: 'before' | 'after', otherIsCounty: boolean): AuditChanges {
  if (!otherIsCounty) return changes;
  return Object.fromEntries(
    Object.entries(changes).map(([key, change]) => [key, /Id$/.test(key) || key === 'targetIds' ? { ...change, [side]: null, withheld: side } : change]),
  ) as AuditChanges;
}

function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  return value ?? null;
}

function auditValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

/**
 * The write path every record type shares: role and scope checks, references resolved
 * within the caller's scope, unique checks, compare-and-set on `version`, soft delete with
 * dependants refused, restore with parents required, and the audit event — all in one
 * transaction. Types add their own rules by overriding `prepare`.
 */
export class RecordService<E extends BaseRecord, C extends object = object, U extends { version: number } = { version: number }> {
  constructor(readonly def: ResourceDef<E>) {}

  get(ctx: Context, id: string): Promise<E | null> {
    this.assertReadable(ctx);
    return findVisible(ctx, this.def, id);
  }

  list(ctx: Context, args: ListArgs): Promise<Page<E>> {
    this.assertReadable(ctx);
    return listPage(ctx, this.def, args);
  }

  /** A role that may not read the type at all is told so at the top level (nested paths just see nothing). */
  protected assertReadable(ctx: Context): void {
    const role = ctx.principal?.role;
    if (this.def.readableBy && role && !this.def.readableBy.includes(role)) throw errors.forbidden('forbiddenRole', { role });
  }

  /**
   * Turns create or update input into column values: resolve `…Id` references (within scope),
   * derive dependent columns, enforce the type's rules. `current` is null on create.
   */
  protected async prepare(_ctx: Context, _db: EntityManager, input: Values<E>, _current: E | null): Promise<Values<E>> {
    return input;
  }

  /**
   * The first statement of a create, update, delete or restore transaction: where a type must
   * take a lock before anything else (a progress report takes its target tree's, see
   * `lockTree`). `id` on update, delete and restore; `input` on create.
   */
  protected async lockFirst(_db: EntityManager, _at: { id: string } | { input: C }): Promise<void> {}

  create(ctx: Context, input: C): Promise<E> {
    this.assertRole(ctx);
    return inTransaction(ctx.db, async (db) => {
      await this.lockFirst(db, { input });
      return this.createIn(ctx, db, input);
    });
  }

  /** Creates one row inside a running transaction (several creates can share one, e.g. a decomposition). */
  async createIn(ctx: Context, db: EntityManager, input: C): Promise<E> {
    this.assertRole(ctx);
    const given = (await resolveCountyCodes(ctx, { ...input })) as Values<E> & { countyId?: unknown };
    // A county user's new record belongs to its own county unless it says otherwise.
    const countyId = ctx.principal?.role === Role.COUNTY ? ctx.principal.countyId : null;
    if (countyId != null && given.countyId == null && db.connection.getMetadata(this.def.entity).columns.some((c) => c.propertyName === 'countyId')) {
      given.countyId = String(countyId);
    }
    const values = await this.prepare(ctx, db, given, null);
    for (const column of db.connection.getMetadata(this.def.entity).columns) {
      const key = column.propertyName as keyof Values<E>;
      if (values[key] !== null || column.isNullable) continue;
      if (column.default === undefined) throw errors.badInput(key, 'blank');
      delete values[key]; // null for a column with a default: take the default
    }
    await this.assertUnique(db, values, null);
    const row = db.create(this.def.entity, values as E);
    this.assertInScope(ctx, await this.def.locate(db, row));
    const inserted = await uniqueViolationAsInput(() => db.insert(this.def.entity, row as never));
    const id = Number(inserted.identifiers[0].id);
    await this.afterChange(ctx, db, await this.reload(db, id), AuditAction.CREATE);
    const saved = await this.reload(db, id);
    await auditService.record(db, ctx, {
      action: AuditAction.CREATE,
      entityType: this.def.type,
      entityId: id,
      location: await this.def.locate(db, saved),
      changes: this.snapshot(db, saved),
    });
    return saved;
  }

  /**
   * Runs after a row was created, changed, deleted or restored, in the same transaction:
   * where a type keeps derived columns up to date (a target tree's shares).
   */
  protected async afterChange(_ctx: Context, _db: EntityManager, _row: E, _action: AuditAction): Promise<void> {}

  /** A type's own reasons to refuse a deletion, checked inside the deleting transaction. */
  protected async beforeRemove(_ctx: Context, _db: EntityManager, _row: E): Promise<void> {}

  /**
   * Changes an update makes outside the row's own columns (a visit's linked targets), as
   * audit changes: they count as a change, so the version is checked and bumped for them too.
   */
  protected async pendingChanges(_db: EntityManager, _current: E): Promise<AuditChanges> {
    return {};
  }

  async update(ctx: Context, id: string, input: U): Promise<E> {
    this.assertRole(ctx);
    return inTransaction(ctx.db, async (db) => {
      await this.lockFirst(db, { id });
      const current = await this.visibleOrNotFound(ctx, db, id);
      this.assertInScope(ctx, await this.def.locate(db, current));
      const { version, ...patch } = input;
      if (current.version !== version) throw errors.conflict(entityLabel(this.def.type), current.id, version, current.version);
      const values = await this.prepare(ctx, db, (await resolveCountyCodes(ctx, patch)) as Values<E>, current);
      return this.applyChange(ctx, db, current, version, values);
    });
  }

  /**
   * Writes `values` over `current` inside a running transaction: only fields that change,
   * compare-and-set on `version`, scope of the row's new place, and one UPDATE audit event
   * with before/after of each changed field. Domain actions (review, rectify, respond) call
   * it after their own checks. Returns the row as stored.
   */
  protected async applyChange(ctx: Context, db: EntityManager, current: E, version: number, values: Values<E>): Promise<E> {
    if (current.version !== version) throw errors.conflict(entityLabel(this.def.type), current.id, version, current.version);
    const changes: AuditChanges = {};
    const set: Record<string, unknown> = {};
    const columns = db.connection.getMetadata(this.def.entity).columns;
    for (const [key, after] of Object.entries(values)) {
      if (after === undefined || BOOKKEEPING_FIELDS.has(key)) continue;
      if (after === null && columns.some((c) => c.propertyName === key && !c.isNullable)) throw errors.badInput(key, 'blank');
      const before = (current as Record<string, unknown>)[key];
      if (comparable(before) === comparable(after)) continue;
      set[key] = after;
      changes[key] = this.redact(key, { before: auditValue(before), after: auditValue(after) });
    }
    const extra = await this.pendingChanges(db, current);
    Object.assign(changes, extra);
    if (Object.keys(set).length === 0 && Object.keys(extra).length === 0) return current;

    await this.assertUnique(db, set as Values<E>, current.id);
    const location = await this.def.locate(db, db.merge(this.def.entity, db.create(this.def.entity, { ...current }), set as never));
    this.assertInScope(ctx, location);
    const origin = await this.def.locate(db, current);
    await uniqueViolationAsInput(() => this.compareAndSet(db, current, set, version));
    await this.afterChange(ctx, db, await this.reload(db, current.id), AuditAction.UPDATE);
    if (origin.countyId === location.countyId) {
      await auditService.record(db, ctx, { action: AuditAction.UPDATE, entityType: this.def.type, entityId: current.id, location, changes });
    } else {
      // A move between counties is recorded on each side: the county it left sees that it
      // left, the county it reached sees that it arrived, neither sees the other's references.
      await auditService.record(db, ctx, { action: AuditAction.UPDATE, entityType: this.def.type, entityId: current.id, location: origin, changes: withheld(changes, 'after', location.countyId != null) });
      await auditService.record(db, ctx, { action: AuditAction.UPDATE, entityType: this.def.type, entityId: current.id, location, changes: withheld(changes, 'before', origin.countyId != null) });
    }
    return this.reload(db, current.id);
  }

  async remove(ctx: Context, id: string): Promise<boolean> {
    this.assertRole(ctx);
    return inTransaction(ctx.db, async (db) => {
      await this.lockFirst(db, { id });
      const current = await this.visibleOrNotFound(ctx, db, id);
      const location = await this.def.locate(db, current);
      this.assertInScope(ctx, location);
      await this.beforeRemove(ctx, db, current);
      for (const dep of this.def.dependents ?? []) {
        const count = await db
          .createQueryBuilder(dep.entity, 'd')
          .where(`d.${dep.column} = :id`, { id: current.id })
          .getCount(); // soft-deleted dependants are excluded by TypeORM here
        if (count > 0) {
          throw errors.badInput('id', 'deleteHasDependents', {
            entity: entityLabel(this.def.type),
            id: current.id,
            count,
            dependent: entityLabel(dep.type),
          });
        }
      }
      const deletedAt = new Date();
      await this.compareAndSet(db, current, { deletedAt }, current.version);
      await this.afterChange(ctx, db, await this.reload(db, current.id), AuditAction.DELETE);
      await auditService.record(db, ctx, {
        action: AuditAction.DELETE,
        entityType: this.def.type,
        entityId: current.id,
        location,
        changes: { deletedAt: { before: null, after: deletedAt.toISOString() } },
      });
      return true;
    });
  }

  async restore(ctx: Context, id: string): Promise<E> {
    this.assertRole(ctx);
    return inTransaction(ctx.db, async (db) => {
      await this.lockFirst(db, { id });
      const current = await findVisible(ctx, this.def, id, db, { deleted: true, lock: 'pessimistic_write' });
      if (!current) {
        const live = await findVisible(ctx, this.def, id, db);
        if (live) throw errors.badInput('id', 'notDeleted', { entity: entityLabel(this.def.type), id: live.id });
        throw errors.notFound(entityLabel(this.def.type), id);
      }
      const location = await this.def.locate(db, current);
      this.assertInScope(ctx, location);
      // Restoring takes the same right as deleting (a target assigned from above included).
      await this.beforeRemove(ctx, db, current);
      for (const parent of this.def.parents ?? []) {
        const parentId = (current as Record<string, unknown>)[parent.column];
        if (parentId == null) continue;
        const alive = await db.getRepository(parent.entity).exists({ where: { id: parentId as number }, ...sharedLock(db) });
        if (!alive) {
          throw errors.badInput('id', 'restoreParentDeleted', {
            entity: entityLabel(this.def.type),
            id: current.id,
            parent: entityLabel(parent.type),
          });
        }
      }
      await this.assertUnique(db, current as Values<E>, current.id);
      await this.compareAndSet(db, current, { deletedAt: null }, current.version, true);
      await this.afterChange(ctx, db, await this.reload(db, current.id), AuditAction.RESTORE);
      await auditService.record(db, ctx, {
        action: AuditAction.RESTORE,
        entityType: this.def.type,
        entityId: current.id,
        location,
        changes: { deletedAt: { before: current.deletedAt?.toISOString() ?? null, after: null } },
      });
      return this.reload(db, current.id);
    });
  }

  /** A visible row of this type for a write, or NOT_FOUND (never a hint that it exists elsewhere). */
  protected async visibleOrNotFound(ctx: Context, db: EntityManager, id: string): Promise<E> {
    // Locked (MySQL) so that a concurrent write that depends on it waits for this one.
    const row = await findVisible(ctx, this.def, id, db, { lock: 'pessimistic_write' });
    if (!row) throw errors.notFound(entityLabel(this.def.type), id);
    return row;
  }

  /** Resolves a `…Id` input to a row of `def` the caller may see, or BAD_USER_INPUT naming the field. */
  protected async reference<R extends BaseRecord>(ctx: Context, db: EntityManager, def: ResourceDef<R>, id: unknown, field: string): Promise<R> {
    const numeric = parseId(id as string);
    // A shared lock keeps the referenced row from being deleted until this transaction ends.
    const row = numeric === null ? null : await findVisible(ctx, def, numeric, db, { lock: 'pessimistic_read' });
    if (!row) throw errors.badInput(field, 'referenceNotFound', { entity: entityLabel(def.type), id: String(id) });
    return row;
  }

  protected assertRole(ctx: Context): void {
    const role = ctx.principal?.role;
    if (!role) throw errors.unauthenticated();
    if (!this.def.writableBy.includes(role)) throw errors.forbidden('forbiddenRole', { role });
  }

  protected assertInScope(ctx: Context, location: Location): void {
    if (!scopeContains(ctx.scope, location)) {
      const county = ctx.principal?.role === Role.COUNTY;
      throw errors.forbidden('forbiddenOutsideScope', { scope: county ? entityLabel('County') : entityLabel('Region') });
    }
  }

  private async assertUnique(db: EntityManager, values: Values<E>, exceptId: number | null): Promise<void> {
    for (const column of this.def.unique ?? []) {
      const value = (values as Record<string, unknown>)[column];
      if (value === undefined || value === null) continue;
      const qb = db.createQueryBuilder(this.def.entity, 'x').withDeleted().where(`x.${column} = :value`, { value });
      if (exceptId !== null) qb.andWhere('x.id <> :exceptId', { exceptId });
      if ((await qb.getCount()) > 0) throw errors.badInput(column, 'unique', { value: String(value) });
    }
  }

  /** UPDATE … WHERE id = ? AND version = ?: a concurrent writer makes it match nothing → CONFLICT. */
  private async compareAndSet(db: EntityManager, current: E, set: Record<string, unknown>, version: number, deleted = false): Promise<void> {
    const esc = (name: string) => db.connection.driver.escape(name);
    const result = await db
      .createQueryBuilder()
      .update(this.def.entity)
      .set({ ...set, updatedAt: new Date(), version: () => `${esc('version')} + 1` } as never)
      .where(`${esc('id')} = :id AND ${esc('version')} = :version AND ${esc('deletedAt')} IS ${deleted ? 'NOT NULL' : 'NULL'}`, {
        id: current.id,
        version,
      })
      .execute();
    if (result.affected !== 1) {
      const now = await db.getRepository(this.def.entity).findOne({ where: { id: current.id } as never, withDeleted: true });
      throw errors.conflict(entityLabel(this.def.type), current.id, version, now?.version ?? current.version);
    }
  }

  protected reload(db: EntityManager, id: number): Promise<E> {
    return db.getRepository(this.def.entity).findOneOrFail({ where: { id } as never, withDeleted: true });
  }

  private redact(key: string, change: { before: unknown; after: unknown }) {
    return this.def.redacted?.includes(key) ? { before: '[redacted]', after: '[redacted]' } : change;
  }

  /** Every column of a new row, as its CREATE audit event records it. */
  private snapshot(db: EntityManager, row: E): AuditChanges {
    const changes: AuditChanges = {};
    for (const column of db.connection.getMetadata(this.def.entity as ClassType<E>).columns) {
      const key = column.propertyName;
      if (BOOKKEEPING_FIELDS.has(key) || this.def.internal?.includes(key)) continue;
      const value = (row as Record<string, unknown>)[key];
      if (value !== null && typeof value === 'object' && !(value instanceof Date)) continue; // a loaded relation
      changes[key] = this.redact(key, { before: null, after: auditValue(value) });
    }
    return changes;
  }
}
