import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config.js';
import type { Lang } from './i18n.js';
import type { Loaders } from './query/loaders.js';
import { type Principal, type Scope } from './scope.js';

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
