import type { EntityManager } from 'typeorm';
import type { Context } from '../../common/context.js';
import { AuditAction, type AuditChanges } from '../audit/audit-event.entity.js';
import { scopeByColumns, type ResourceDef } from '../../common/query/resource.js';
import { RecordService } from '../../common/records.js';
import { Role } from '../../common/scope.js';
import { countyResource } from '../hierarchy/county.service.js';
import { Target } from '../targets/target.entity.js';
import { assertLinkable, targetResource } from '../targets/target.service.js';
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
      for (const [i, id] of (targetIds as string[]).entries()) {
        const target = await this.reference(ctx, db, targetResource, id, `targetIds.${i}`);
        assertLinkable(ctx, target, `targetIds.${i}`);
        ids.push(target.id);
      }
      pendingLinks.set(db, [...new Set(ids)].sort((a, b) => a - b));
    }
    return values;
  }

  private async linksOf(db: EntityManager, researchId: number): Promise<number[]> {
    return (await db.getRepository(FieldResearchTarget).find({ where: { fieldResearchId: researchId } })).map((l) => l.targetId).sort((a, b) => a - b);
  }

  protected override async pendingChanges(db: EntityManager, current: FieldResearch): Promise<AuditChanges> {
    const links = pendingLinks.get(db);
    if (!links) return {};
    const before = await this.linksOf(db, current.id);
    if (before.join(',') === links.join(',')) {
      pendingLinks.delete(db);
      return {};
    }
    return { targetIds: { before, after: links } };
  }

  protected override async afterChange(_ctx: Context, db: EntityManager, row: FieldResearch, action: AuditAction): Promise<void> {
    const links = pendingLinks.get(db);
    pendingLinks.delete(db);
    if (!links || (action !== AuditAction.CREATE && action !== AuditAction.UPDATE)) return;
    await db.delete(FieldResearchTarget, { fieldResearchId: row.id });
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
