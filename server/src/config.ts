import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type SeedMode = 'demo' | 'none' | 'auto';

export interface AppConfig {
  /** `sqlite:<file>`, `mysql://user:pass@host:3306/db` or `mariadb://…`. */
  databaseUrl: string;
  port: number;
  /** `auto`: the demo data on an empty SQLite database, nothing otherwise. */
  seed: SeedMode;
  jwtSecret: string;
  /** Password of the `admin` user created on an empty database outside demo mode. */
  adminPassword: string | null;
  production: boolean;
  /** Estimated-cost budget of one HTTP request (batched operations share it). */
  queryCostLimit: number;
  queryDepthLimit: number;
  /** Report the number of SQL statements a request ran in `extensions.sqlStatements`. */
  exposeSqlStatements: boolean;
  /** Folder of the built console served at /admin. */
  adminDir: string;
  logSql: boolean;
  /**
   * Which peers may tell the client's address in X-Forwarded-For (Express `trust proxy`):
   * false (the default: the socket address is the client), a hop count, or a list of
   * addresses/subnets such as `loopback, 10.0.0.0/8`.
   */
  trustProxy?: boolean | number | string;
  /** How long a login token lasts. */
  tokenLifetimeMinutes?: number;
  /** `Strict-Transport-Security` max-age in seconds; 0 sends none (set it only behind TLS). */
  hstsMaxAge?: number;
  /** SQL statements one HTTP request may run. */
  sqlStatementLimit?: number;
  /** Milliseconds one SQL statement may run on MySQL/MariaDB (max_statement_time); 0: no limit. */
  statementTimeoutMs?: number;
  /** Milliseconds after which a request's next SQL statement is refused (both databases). */
  requestTimeLimitMs?: number;
  /** Closed months whose month-end snapshot is kept (0: none; figures of past months are then computed from the reports). */
  /**
   * A query is executed compiled (graphql-jit) from its N-th execution on (default 2: a query
   * sent once is not worth compiling); 0 turns compiled execution off.
   */
  compileQueriesAfter?: number;
  /** V8's old generation grows to (1 + this/100) × what survived a full collection (0: V8's own factor). Read by main.ts only. */
  heapGrowingPercent?: number;
  snapshotMonths?: number;
}

/** The old generation may grow by half of what survived before it is collected again (V8's own factor is about 4). */
export const DEFAULT_HEAP_GROWING_PERCENT = 50;

/** Month-end snapshots kept: the last 13 closed months cover "a year back" and 12-month trends. */
export const DEFAULT_SNAPSHOT_MONTHS = 13;

/** Defaults of the optional settings, in one place. */
export const SECURITY_DEFAULTS = {
  trustProxy: false,
  tokenLifetimeMinutes: 12 * 60,
  hstsMaxAge: 0,
  sqlStatementLimit: 2000,
  statementTimeoutMs: 10_000,
  requestTimeLimitMs: 20_000,
} as const;

/** `TRUST_PROXY`: off / on / a hop count / a list of addresses and subnets. */
export function parseTrustProxy(value: string | undefined): boolean | number | string {
  const text = (value ?? '').trim();
  if (text === '' || /^(0|false|off|no)$/i.test(text)) return false;
  if (/^(true|on|yes)$/i.test(text)) return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/luoshi.sqlite';

export function sqliteFile(databaseUrl: string): string | null {
  return databaseUrl.startsWith('sqlite:') ? databaseUrl.slice('sqlite:'.length) : null;
}

/** For SQLite, a secret generated once and kept next to the database file. */
function storedSecret(databaseUrl: string): string {
  const file = sqliteFile(databaseUrl);
  if (!file || file === ':memory:') return randomBytes(32).toString('hex');
  const path = resolve(dirname(file), 'jwt-secret');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number (got "${value}")`);
  return n;
}

function positive(n: number, name: string): number {
  if (n <= 0) throw new Error(`${name} must be greater than 0`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (!/^(sqlite:|mysql:\/\/|mariadb:\/\/)/.test(databaseUrl)) {
    throw new Error(`DATABASE_URL must start with sqlite:, mysql:// or mariadb:// (got "${databaseUrl}")`);
  }
  const seed = (env.SEED || 'auto') as SeedMode;
  if (!['demo', 'none', 'auto'].includes(seed)) throw new Error(`SEED must be demo or none (got "${seed}")`);
  let jwtSecret = env.JWT_SECRET ?? '';
  if (!jwtSecret) {
    if (!sqliteFile(databaseUrl)) throw new Error('JWT_SECRET is required with a MySQL/MariaDB database (every replica must share it).');
    jwtSecret = storedSecret(databaseUrl);
  }
  return {
    databaseUrl,
    port: int(env.PORT, 4000, 'PORT'),
    seed,
    jwtSecret,
    adminPassword: env.ADMIN_PASSWORD || null,
    production: env.NODE_ENV === 'production',
    queryCostLimit: int(env.QUERY_COST_LIMIT, 50_000, 'QUERY_COST_LIMIT'),
    queryDepthLimit: int(env.QUERY_DEPTH_LIMIT, 10, 'QUERY_DEPTH_LIMIT'),
    exposeSqlStatements: env.EXPOSE_SQL_STATEMENTS === '1',
    adminDir: resolve(env.ADMIN_DIR || 'admin/dist'),
    logSql: env.LOG_SQL === '1',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    tokenLifetimeMinutes: positive(int(env.TOKEN_LIFETIME_MINUTES, SECURITY_DEFAULTS.tokenLifetimeMinutes, 'TOKEN_LIFETIME_MINUTES'), 'TOKEN_LIFETIME_MINUTES'),
    hstsMaxAge: int(env.HSTS_MAX_AGE, SECURITY_DEFAULTS.hstsMaxAge, 'HSTS_MAX_AGE'),
    sqlStatementLimit: positive(int(env.SQL_STATEMENT_LIMIT, SECURITY_DEFAULTS.sqlStatementLimit, 'SQL_STATEMENT_LIMIT'), 'SQL_STATEMENT_LIMIT'),
    statementTimeoutMs: int(env.STATEMENT_TIMEOUT_MS, SECURITY_DEFAULTS.statementTimeoutMs, 'STATEMENT_TIMEOUT_MS'),
    requestTimeLimitMs: positive(int(env.REQUEST_TIME_LIMIT_MS, SECURITY_DEFAULTS.requestTimeLimitMs, 'REQUEST_TIME_LIMIT_MS'), 'REQUEST_TIME_LIMIT_MS'),
    snapshotMonths: int(env.SNAPSHOT_MONTHS, DEFAULT_SNAPSHOT_MONTHS, 'SNAPSHOT_MONTHS'),
    compileQueriesAfter: int(env.COMPILE_QUERIES_AFTER, 2, 'COMPILE_QUERIES_AFTER'),
    heapGrowingPercent: int(env.HEAP_GROWING_PERCENT, DEFAULT_HEAP_GROWING_PERCENT, 'HEAP_GROWING_PERCENT'),
  };
}
