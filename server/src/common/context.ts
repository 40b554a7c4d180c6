import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config.js';
import type { Lang } from './i18n.js';
import { Loaders } from './query/loaders.js';
import { scopeOf, type Principal, type Scope } from './scope.js';

/** Everything a resolver and a service know about the request they serve. */
export interface Context {
  requestId: string;
  lang: Lang;
  ip: string;
  config: AppConfig;
  db: DataSource;
  principal: Principal | null;
  scope: Scope;
  loaders: Loaders;
  /** Set when a token was sent but is not valid; answered instead of the generic login request. */
  authError?: Error;
  /**
   * What the operations of this HTTP request have used so far (batched operations share it):
   * estimated cost, and password checks (login, changePassword: at most one per request).
   */
  cost: { spent: number; credentialChecks?: number };
}

/** The manager to read with: the transaction's inside one, the pool's otherwise. */
export type Db = EntityManager;

/**
 * A context for work that no request carries — a seed, a background build — acting as
 * `principal`, with its scope and loaders as a request of that user would have them.
 */
export function workContext(db: DataSource, principal: Principal, requestId: string): Context {
  const ctx: Context = {
    requestId,
    lang: 'zh-CN',
    ip: '127.0.0.1',
    config: undefined as unknown as AppConfig, // read by request-level limits only
    db,
    principal,
    scope: scopeOf(principal),
    loaders: undefined as unknown as Loaders,
    cost: { spent: 0 },
  };
  ctx.loaders = new Loaders(ctx);
  return ctx;
}
