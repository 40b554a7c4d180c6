import type { EntityManager } from 'typeorm';
import type { Context } from '../../common/context.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { auditService } from '../audit/audit.service.js';
import { scopeByColumns, type ResourceDef } from '../../common/query/resource.js';
import { RecordService } from '../../common/records.js';
import { Role } from '../../common/scope.js';
import { countyResource } from '../hierarchy/county.service.js';
import { Target } from '../targets/target.entity.js';
import { targetResource } from '../targets/target.service.js';
import { loadByIds } from '../../common/query/list.js';
import { FieldResearch, FieldResearchTarget } from './field-research.entity.js';
import { fieldResearchQuery, type CreateFieldResearchInput, type UpdateFieldResearchInput } from './field-research.inputs.js';

export const fieldResearchResource: ResourceDef<FieldResearch> = {
  type: 'FieldResearch',
  entity: FieldResearch,
  query: fieldResearchQuery,
  readScope: scopeByColumns(),
  locate: async (_db, row) => ({ regionId: row.regionId, countyId: row.countyId }),
  writableBy: [Role.ADMIN, Role.REGIONAL, Role.COUNTY],
};

type Values = Partial<Record<keyof FieldResearch | 'targetIds', unknown>>;

/** Target links of the write in progress, keyed by transaction (services are shared between requests). */
const pendingLinks = new WeakMap<EntityManager, number[]>();

class FieldResearchService extends RecordService<FieldResearch, CreateFieldResearchInput, UpdateFieldResearchInput> {
  protected override async prepare(ctx: Context, db: EntityManager, input: Values, current: FieldResearch | null): Promise<Values> {
    const { targetIds, ...values } = input;
    if (!current) {
      const county = await this.reference(ctx, db, countyResource, input.countyId, 'countyId');
      values.countyId = county.id;
      values.regionId = county.regionId;
    }
    if (targetIds !== undefined && targetIds !== null) {
      const ids: number[] = [];
      for (const [i, id] of (targetIds as string[]).entries()) ids.push((await this.reference(ctx, db, targetResource, id, `targetIds.${i}`)).id);
      const links = [...new Set(ids)].sort((a, b) => a - b);
      if (!current) pendingLinks.set(db, links);
      else await this.relink(ctx, db, current, links);
    }
    return values;
  }

  /** Replaces the linked targets of a visit, with its own audit event when they change. */
  private async relink(ctx: Context, db: EntityManager, research: FieldResearch, links: number[]): Promise<void> {
    const before = (await db.getRepository(FieldResearchTarget).find({ where: { fieldResearchId: research.id } })).map((l) => l.targetId).sort((a, b) => a - b);
    if (before.join(',') === links.join(',')) return;
    await db.delete(FieldResearchTarget, { fieldResearchId: research.id });
    if (links.length) await db.insert(FieldResearchTarget, links.map((targetId) => ({ fieldResearchId: research.id, targetId })));
    await auditService.record(db, ctx, {
      action: AuditAction.UPDATE,
      entityType: 'FieldResearch',
      entityId: research.id,
      location: { regionId: research.regionId, countyId: research.countyId },
      changes: { targetIds: { before, after: links } },
    });
  }

  protected override async afterChange(_ctx: Context, db: EntityManager, row: FieldResearch, action: AuditAction): Promise<void> {
    const links = pendingLinks.get(db);
    pendingLinks.delete(db);
    if (!links || action !== AuditAction.CREATE) return;
    if (links.length) await db.insert(FieldResearchTarget, links.map((targetId) => ({ fieldResearchId: row.id, targetId })));
  }

  /** Linked targets of many visits at once, as the caller may see them. */
  async targetsOf(ctx: Context, researchIds: readonly number[]): Promise<Target[][]> {
    const links = await ctx.db.manager
      .getRepository(FieldResearchTarget)
      .createQueryBuilder('l')
      .where('l.fieldResearchId IN (:...ids)', { ids: [...researchIds] })
      .getMany();
    const targets = await loadByIds(ctx, targetResource, [...new Set(links.map((l) => l.targetId))]);
    const byId = new Map(targets.filter((t): t is Target => t !== null).map((t) => [t.id, t]));
    return researchIds.map((id) => links.filter((l) => l.fieldResearchId === id).flatMap((l) => byId.get(l.targetId) ?? []));
  }

  /** Visits linked to many targets at once, as the caller may see them. */
  async researchOf(ctx: Context, targetIds: readonly number[]): Promise<FieldResearch[][]> {
    const links = await ctx.db.manager
      .getRepository(FieldResearchTarget)
      .createQueryBuilder('l')
      .where('l.targetId IN (:...ids)', { ids: [...targetIds] })
      .getMany();
    const visits = await loadByIds(ctx, fieldResearchResource, [...new Set(links.map((l) => l.fieldResearchId))]);
    const byId = new Map(visits.filter((v): v is FieldResearch => v !== null).map((v) => [v.id, v]));
    return targetIds.map((id) => links.filter((l) => l.targetId === id).flatMap((l) => byId.get(l.fieldResearchId) ?? []));
  }
}

export const fieldResearchService = new FieldResearchService(fieldResearchResource);
