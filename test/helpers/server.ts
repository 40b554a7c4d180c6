import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { createApp, type App } from '../../server/src/app.js';
import type { AppConfig } from '../../server/src/config.js';

export type TestDb = 'sqlite' | 'mariadb';
export const testDb: TestDb = process.env.LUOSHI_TEST_DB === 'mariadb' ? 'mariadb' : 'sqlite';

const MYSQL = { host: '127.0.0.1', port: 3306, user: 'root', password: '' };

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions: { code: string; field?: string; currentVersion?: number; [key: string]: unknown };
}

export interface GqlResponse<T = any> {
  data?: T | null;
  errors?: GqlError[];
  extensions?: { sqlStatements?: number };
}

export interface TestServer {
  app: App;
  /** The configuration the server was started with. */
  config: AppConfig;
  url: string;
  databaseUrl: string;
  /** POST one operation to /graphql as a client would. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, opts?: { token?: string | null; lang?: string }): Promise<GqlResponse<T>>;
  /** Like gql, but fails the test on any error and returns data. */
  ok<T = any>(query: string, variables?: Record<string, unknown>, opts?: { token?: string | null }): Promise<T>;
  /** A token for a demo user (password "demo"), cached per file. */
  token(username: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts Luoshi on a fresh database of the suite's kind (SQLite file or new MariaDB database). */
export async function startServer(overrides: Partial<AppConfig> = {}): Promise<TestServer> {
  let databaseUrl: string;
  let cleanup: () => Promise<void>;
  if (testDb === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-test-'));
    databaseUrl = `sqlite:${join(dir, 'test.sqlite')}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `luoshi_test_${randomBytes(6).toString('hex')}`;
    databaseUrl = `mariadb://root@127.0.0.1:3306/${name}`;
    cleanup = async () => {
      const connection = await mysql.createConnection(MYSQL);
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    };
  }

  const config: AppConfig = {
    databaseUrl,
    port: 0,
    seed: 'demo',
    jwtSecret: randomBytes(16).toString('hex'),
    adminPassword: null,
    production: false,
    queryCostLimit: 50_000,
    queryDepthLimit: 10,
    exposeSqlStatements: true,
    adminDir: join(tmpdir(), 'luoshi-no-admin'),
    logSql: false,
    // Every query compiled from its first execution, so that the whole suite checks compiled
    // execution (executor.test.ts checks the interpreted first run against it).
    compileQueriesAfter: 1,
    ...overrides,
  };
  const app = await createApp(config);
  const tokens = new Map<string, string>();

  const gql: TestServer['gql'] = async (query, variables = {}, opts = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.lang) headers['accept-language'] = opts.lang;
    const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as GqlResponse;
  };

  const server: TestServer = {
    app,
    config,
    url: app.url,
    databaseUrl,
    gql,
    async ok(query, variables, opts) {
      const result = await gql(query, variables, opts);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data;
    },
    async token(username) {
      const known = tokens.get(username);
      if (known) return known;
      const result = await gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: 'demo' });
      if (!result.data?.login) throw new Error(`login ${username} failed: ${JSON.stringify(result.errors)}`);
      tokens.set(username, result.data.login.token);
      return result.data.login.token;
    },
    async close() {
      await app.close();
      await cleanup();
    },
  };
  return server;
}

/** Codes of all errors of a response, for compact assertions. */
export const codes = (r: GqlResponse) => (r.errors ?? []).map((e) => e.extensions.code);
