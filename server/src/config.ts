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
  };
}
