import { createHash, randomBytes } from 'node:crypto';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../common/context.js';
import { errors } from '../../common/errors.js';
import { defineQueryInputs, PageType, type ResourceDef } from '../../common/query/resource.js';
import { RecordService } from '../../common/records.js';
import { Role, type Principal } from '../../common/scope.js';
import { inTransaction } from '../../common/transaction.js';
import { NonBlank } from '../../common/validation.js';
import { regionResource } from '../hierarchy/region.service.js';
import { ApiKey } from './api-key.entity.js';

export const API_KEY_PREFIX = 'lsk_';

export const apiKeyQuery = defineQueryInputs('ApiKey', { name: { kind: 'string' }, regionId: { kind: 'id' }, revokedAt: { kind: 'datetime' } }, { NAME: 'name' });
export const ApiKeyPage = PageType(ApiKey, 'ApiKey');

@InputType()
export class CreateApiKeyInput {
  @Field(() => String, { description: 'What the key is for, e.g. 大屏 dashboard.' }) @NonBlank(100) name: string;
  @Field(() => ID, { nullable: true, description: 'The region whose figures it reads (default: yours).' }) regionId?: string | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey) apiKey: ApiKey;
  @Field(() => String, { description: 'The key itself: shown this once, stored only as a hash. Send as Authorization: Bearer <key>.' }) key: string;
}

export const apiKeyResource: ResourceDef<ApiKey> = {
  type: 'ApiKey',
  entity: ApiKey,
  query: apiKeyQuery,
  readableBy: [Role.ADMIN],
  readScope: (scope, sql) => `${sql.col('regionId')} = ${sql.param(scope.regionId)}`,
  locate: async (_db, row) => ({ regionId: row.regionId, countyId: null }),
  writableBy: [Role.ADMIN],
  redacted: ['keyHash'],
};

const hash = (key: string) => createHash('sha256').update(key).digest('hex');
const issuedKeys = new WeakMap<EntityManager, string>();

class ApiKeyService extends RecordService<ApiKey, CreateApiKeyInput> {
  protected override async prepare(ctx: Context, db: EntityManager, input: Partial<Record<keyof ApiKey, unknown>>) {
    const regionId = input.regionId ?? ctx.principal?.regionId;
    if (regionId == null) throw errors.badInput('regionId', 'regionRoleNeedsRegion', { role: 'API key' });
    const region = await this.reference(ctx, db, regionResource, regionId, 'regionId');
    const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    issuedKeys.set(db, key);
    return { name: input.name, regionId: region.id, keyHash: hash(key), keyPrefix: key.slice(0, 12), createdById: ctx.principal!.userId };
  }

  async issue(ctx: Context, input: CreateApiKeyInput): Promise<CreatedApiKey> {
    this.assertRole(ctx);
    return inTransaction(ctx.db, async (db) => {
      const apiKey = await this.createIn(ctx, db, input);
      const key = issuedKeys.get(db)!;
      issuedKeys.delete(db);
      return { apiKey, key };
    });
  }

  async revoke(ctx: Context, id: string): Promise<ApiKey> {
    this.assertRole(ctx);
    return inTransaction(ctx.db, async (db) => {
      const key = await this.visibleOrNotFound(ctx, db, id);
      if (key.revokedAt) throw errors.badInput('id', 'apiKeyRevoked');
      return this.applyChange(ctx, db, key, key.version, { revokedAt: new Date() });
    });
  }

  /** The principal a dashboard key stands for: read-only, region-wide, analytics only. */
  async principalFor(db: EntityManager, key: string): Promise<Principal | null> {
    const row = await db.findOne(ApiKey, { where: { keyHash: hash(key) } });
    if (!row || row.revokedAt) return null;
    return { userId: 0, username: `apikey:${row.name}`, role: Role.ANALYST, regionId: row.regionId, countyId: null, apiKeyId: row.id };
  }
}

export const apiKeyService = new ApiKeyService(apiKeyResource);
