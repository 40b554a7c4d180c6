import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { RecordResolver } from '../../common/crud.resolver.js';
import { ApiKey } from './api-key.entity.js';
import { ApiKeyPage, apiKeyQuery, apiKeyService, CreateApiKeyInput, CreatedApiKey } from './api-key.service.js';

@Resolver(() => ApiKey)
export class ApiKeyResolver extends RecordResolver({
  type: 'ApiKey',
  plural: 'apiKeys',
  entity: ApiKey,
  page: ApiKeyPage,
  query: apiKeyQuery,
  create: CreateApiKeyInput,
  update: CreateApiKeyInput as never,
  service: apiKeyService,
  omit: ['create', 'update', 'delete', 'restore'],
}) {
  @Mutation(() => CreatedApiKey, { description: 'ADMIN: a new dashboard key; the key is in the answer and nowhere else.' })
  createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() ctx: Context) {
    return apiKeyService.issue(ctx, input);
  }

  @Mutation(() => ApiKey, { description: 'ADMIN: the key stops working at once.' })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return apiKeyService.revoke(ctx, id);
  }
}
