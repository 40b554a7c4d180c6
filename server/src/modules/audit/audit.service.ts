import type { EntityManager } from 'typeorm';
import type { Context } from '../../common/context.js';
import { defineQueryInputs, scopeByColumns, type ResourceDef } from '../../common/query/resource.js';
import { listPage, findVisible, type ListArgs } from '../../common/query/list.js';
import { Role, type Location } from '../../common/scope.js';
import { AuditAction, AuditEvent, type AuditChanges } from './audit-event.entity.js';

export const auditQuery = defineQueryInputs(
  'AuditEvent',
  {
    at: { kind: 'datetime' },
    actorId: { kind: 'id' },
    actorName: { kind: 'string' },
    action: { kind: 'enum', enum: { values: AuditAction, name: 'AuditAction' } },
    entityType: { kind: 'string' },
    entityId: { kind: 'id' },
    regionId: { kind: 'id' },
    countyId: { kind: 'id' },
    requestId: { kind: 'string' },
  },
  { AT: 'at', ACTOR_NAME: 'actorName', ENTITY_TYPE: 'entityType' },
);

export const auditResource: ResourceDef<AuditEvent> = {
  type: 'AuditEvent',
  entity: AuditEvent,
  query: auditQuery,
  softDelete: false,
  readScope: scopeByColumns(),
  locate: async (_db, row) => ({ regionId: row.regionId, countyId: row.countyId }),
  writableBy: [],
};

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId: number | null;
  location: Location;
  changes: AuditChanges | null;
  /** Who acted when there is no principal yet (a login). */
  actor?: { id: number | null; name: string };
}

/** Fields analysts may not read, in audit changes as anywhere else. */
const PHONE_FIELDS = new Set(['phone']);

export const auditService = {
  /** Writes one event with the manager of the change's own transaction. */
  async record(db: EntityManager, ctx: Context, entry: AuditEntry): Promise<void> {
    await db.insert(AuditEvent, {
      at: new Date(),
      actorId: entry.actor ? entry.actor.id : (ctx.principal?.userId ?? null),
      actorName: entry.actor ? entry.actor.name : (ctx.principal?.username ?? 'system'),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      regionId: entry.location.regionId,
      countyId: entry.location.countyId,
      changes: entry.changes as never,
      requestId: ctx.requestId,
      ip: ctx.ip,
    });
  },

  /** What the caller may read of an event's changes: analysts never see phone numbers. */
  changesFor(ctx: Context, event: AuditEvent): AuditChanges | null {
    const changes = (typeof event.changes === 'string' ? JSON.parse(event.changes) : event.changes) as AuditChanges | null;
    if (!changes || ctx.principal?.role !== Role.ANALYST) return changes;
    return Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, PHONE_FIELDS.has(k) ? { before: v.before == null ? null : '[redacted]', after: v.after == null ? null : '[redacted]' } : v]));
  },

  list: (ctx: Context, args: ListArgs) => listPage(ctx, auditResource, args),
  get: (ctx: Context, id: string) => findVisible(ctx, auditResource, id),
};
