import { createSecretKey, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import jwt from 'jsonwebtoken';
import mysql from 'mysql2/promise';
import { sqliteFile } from '../../config.js';
import { parseMysqlUrl } from '../../db/data-source.js';

/**
 * The baseline of the "Luoshi against a raw handler" benchmark (docs/performance.md): what a
 * careful hand-written endpoint does for the two requests below, with nothing in between —
 * `node:http`, the database driver (mysql2 or better-sqlite3), `jsonwebtoken`, template SQL.
 * It answers exactly the bytes Luoshi answers for them (`{"data":…}` plus, when asked,
 * `extensions.sqlStatements`), and does the same checks Luoshi does before it reads anything:
 *
 * - the bearer token is verified with the same secret and options (HS256, issuer `luoshi`, with
 *   a key object built once, as `common/auth.ts` does);
 * - the session is looked up as `userService.principalFor` does: the user joined to the
 *   token's session, not revoked, not expired, user not deleted and active — one statement
 *   per request, every request;
 * - every read is scoped as Luoshi's resource definitions scope it for the caller's role
 *   (region or county; soft-deleted rows excluded); roles without a region see nothing.
 *
 * It knows only these two operations (matched on the query text, whitespace aside) and
 * answers anything else with 400. It is a yardstick, not a second server.
 */

/** The two requests both servers answer (the benchmark sends exactly these). */
export const RAW_REQUESTS = {
  cadres: {
    name: 'cadres: page of 100 with department and its county',
    query: `query CadrePage {
      cadres(limit: 100, orderBy: [{ field: ID }]) { items { id name department { id name county { id name } } } }
    }`,
  },
  hierarchy: {
    name: 'hierarchy: region → counties → departments → cadres',
    query: `query Hierarchy {
      regions(limit: 1) { items { name code
        counties(limit: 18, orderBy: [{ field: CODE }]) { total items { code name nameTibetan
          departments(limit: 20, orderBy: [{ field: NAME }]) { total items { name kind
            cadres(limit: 20, orderBy: [{ field: RANK }]) { total items { name position rank } } } } } } } }
    }`,
  },
} as const;

type Kind = keyof typeof RAW_REQUESTS;
const normalize = (query: string) => query.replace(/\s+/g, ' ').replace(/\s*([{}():,[\]])\s*/g, '$1').trim();
const KNOWN = new Map<string, Kind>(Object.entries(RAW_REQUESTS).map(([kind, r]) => [normalize(r.query), kind as Kind]));

type Value = string | number | null;
type RowOf = Record<string, Value>;

/** One database connection (or pool), statements counted per request. */
interface Sql {
  all(counter: { n: number }, text: string, params: Value[]): Promise<RowOf[]>;
  q(name: string): string;
  close(): Promise<void>;
}

function sqliteSql(file: string): Sql {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  const cache = new Map<string, Database.Statement>();
  return {
    async all(counter, text, params) {
      counter.n += 1;
      let statement = cache.get(text);
      if (!statement) {
        statement = db.prepare(text);
        if (cache.size < 1000) cache.set(text, statement);
      }
      return statement.all(...params) as RowOf[];
    },
    q: (name) => `"${name}"`,
    async close() {
      db.close();
    },
  };
}

function mysqlSql(url: string, statementTimeoutMs: number): Sql {
  const target = parseMysqlUrl(url);
  // As Luoshi's pool (db/data-source.ts): 10 connections, the same settings on each.
  const pool = mysql.createPool({ host: target.host, port: target.port, user: target.username, password: target.password, database: target.database, charset: 'utf8mb4_unicode_ci', timezone: 'Z', connectionLimit: 10 });
  pool.pool.on('connection', (connection) => {
    connection.query("SET SESSION optimizer_switch = 'split_materialized=off'", () => undefined);
    connection.query('SET SESSION optimizer_join_limit_pref_ratio = 10', () => undefined); // as Luoshi's connections
    if (statementTimeoutMs > 0) connection.query(`SET SESSION max_statement_time = ${(statementTimeoutMs / 1000).toFixed(3)}`, () => undefined);
  });
  return {
    async all(counter, text, params) {
      counter.n += 1;
      const [rows] = await pool.query(text, params);
      return rows as RowOf[];
    },
    q: (name) => `\`${name}\``,
    close: () => pool.end(),
  };
}

/** What Luoshi's `Scope` says about a caller, as far as these reads need it. */
type Scope = { level: 'ALL' } | { level: 'REGION'; regionId: number } | { level: 'COUNTY'; regionId: number; countyId: number } | { level: 'NONE' };

function scopeOf(user: RowOf): Scope {
  const regionId = user.regionId === null ? null : Number(user.regionId);
  const countyId = user.countyId === null ? null : Number(user.countyId);
  switch (user.role) {
    case 'ADMIN':
      return { level: 'ALL' };
    case 'REGIONAL':
    case 'ANALYST':
      return regionId === null ? { level: 'NONE' } : { level: 'REGION', regionId };
    case 'COUNTY':
      return regionId === null || countyId === null ? { level: 'NONE' } : { level: 'COUNTY', regionId, countyId };
    default:
      return { level: 'NONE' };
  }
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const id = (value: Value) => String(value);

export interface RawHandler {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface RawHandlerOptions {
  databaseUrl: string;
  jwtSecret: string;
  port?: number;
  /** Adds `extensions.sqlStatements`, as Luoshi's EXPOSE_SQL_STATEMENTS does. */
  exposeSqlStatements?: boolean;
  statementTimeoutMs?: number;
}

export async function startRawHandler(options: RawHandlerOptions): Promise<RawHandler> {
  const file = sqliteFile(options.databaseUrl);
  const sql = file ? sqliteSql(file) : mysqlSql(options.databaseUrl, options.statementTimeoutMs ?? 10_000);
  const { q } = sql;
  const key: KeyObject = createSecretKey(Buffer.from(options.jwtSecret));

  /** Luoshi's `verifyToken` + `userService.principalFor`: null unless the session counts. */
  async function principal(counter: { n: number }, header: string | undefined): Promise<Scope | null> {
    if (!header) return null;
    const token = header.replace(/^Bearer\s+/i, '').trim();
    let userId: number;
    let tokenId: string;
    try {
      const payload = jwt.verify(token, key, { issuer: 'luoshi', algorithms: ['HS256'] });
      if (typeof payload !== 'object' || typeof payload.jti !== 'string') return null;
      userId = Number(payload.sub);
      tokenId = payload.jti;
      if (!Number.isInteger(userId)) return null;
    } catch {
      return null;
    }
    // TypeORM writes datetimes as UTC 'YYYY-MM-DD HH:MM:SS.mmm' on both drivers.
    const now = new Date().toISOString().replace('T', ' ').slice(0, 23);
    const [user] = await sql.all(
      counter,
      `SELECT u.${q('role')} AS role, u.${q('regionId')} AS regionId, u.${q('countyId')} AS countyId, u.${q('active')} AS active
       FROM ${q('user')} u INNER JOIN ${q('user_session')} s ON s.${q('userId')} = u.${q('id')}
       WHERE u.${q('id')} = ? AND s.${q('tokenId')} = ? AND s.${q('revokedAt')} IS NULL AND s.${q('expiresAt')} > ? AND u.${q('deletedAt')} IS NULL`,
      [userId, tokenId, now],
    );
    if (!user || !Number(user.active)) return null;
    return scopeOf(user);
  }

  /** The scoping predicates of Luoshi's resource definitions (hierarchy/*.service.ts). */
  const scoped = {
    region: (scope: Scope, a: string): [string, Value[]] =>
      scope.level === 'ALL' ? ['1 = 1', []] : scope.level === 'NONE' ? ['1 = 0', []] : [`${a}.${q('id')} = ?`, [scope.regionId]],
    county: (scope: Scope, a: string): [string, Value[]] =>
      scope.level === 'ALL' ? ['1 = 1', []] : scope.level === 'NONE' ? ['1 = 0', []] : scope.level === 'REGION' ? [`${a}.${q('regionId')} = ?`, [scope.regionId]] : [`${a}.${q('id')} = ?`, [scope.countyId]],
    department: (scope: Scope, a: string): [string, Value[]] =>
      scope.level === 'ALL' ? ['1 = 1', []] : scope.level === 'NONE' ? ['1 = 0', []] : scope.level === 'REGION' ? [`${a}.${q('regionId')} = ?`, [scope.regionId]] : [`${a}.${q('countyId')} = ?`, [scope.countyId]],
    cadre: (scope: Scope, a: string): [string, Value[]] =>
      scope.level === 'ALL'
        ? ['1 = 1', []]
        : scope.level === 'NONE'
          ? ['1 = 0', []]
          : [`${a}.${q('departmentId')} IN (SELECT sd.${q('id')} FROM ${q('department')} sd WHERE sd.${q(scope.level === 'REGION' ? 'regionId' : 'countyId')} = ?)`, [scope.level === 'REGION' ? scope.regionId : scope.countyId]],
  };

  /** (a) One statement: the page joined to each cadre's department and its county, each as the caller may see it. */
  async function cadrePage(counter: { n: number }, scope: Scope): Promise<unknown> {
    const [cs, cp] = scoped.cadre(scope, 'c');
    const [ds, dp] = scoped.department(scope, 'd');
    const [ks, kp] = scoped.county(scope, 'k');
    const rows = await sql.all(
      counter,
      `SELECT c.${q('id')} AS id, c.${q('name')} AS name, d.${q('id')} AS dId, d.${q('name')} AS dName, k.${q('id')} AS kId, k.${q('name')} AS kName
       FROM ${q('cadre')} c
       LEFT JOIN ${q('department')} d ON d.${q('id')} = c.${q('departmentId')} AND d.${q('deletedAt')} IS NULL AND ${ds}
       LEFT JOIN ${q('county')} k ON k.${q('id')} = d.${q('countyId')} AND k.${q('deletedAt')} IS NULL AND ${ks}
       WHERE c.${q('deletedAt')} IS NULL AND ${cs}
       ORDER BY c.${q('id')} ASC LIMIT 100`,
      [...dp, ...kp, ...cp],
    );
    return {
      cadres: {
        items: rows.map((r) => ({
          id: id(r.id),
          name: r.name,
          department: r.dId === null ? null : { id: id(r.dId), name: r.dName, county: r.kId === null ? null : { id: id(r.kId), name: r.kName } },
        })),
      },
    };
  }

  /**
   * Children pages of many parents in one statement: rank and count within each parent
   * (window functions), keep the page. Grouped by parent id, in page order.
   */
  async function childPages(counter: { n: number }, table: string, columns: string[], fk: string, parentIds: Value[], order: string, limit: number, where: [string, Value[]]): Promise<Map<string, { total: number; rows: RowOf[] }>> {
    const out = new Map<string, { total: number; rows: RowOf[] }>();
    if (parentIds.length === 0) return out;
    const rows = await sql.all(
      counter,
      `SELECT * FROM (
         SELECT ${columns.map((c) => `x.${q(c)} AS ${q(c)}`).join(', ')}, x.${q(fk)} AS pk,
           ROW_NUMBER() OVER (PARTITION BY x.${q(fk)} ORDER BY x.${q(order)} ASC, x.${q('id')} ASC) AS rn,
           COUNT(*) OVER (PARTITION BY x.${q(fk)}) AS n
         FROM ${q(table)} x
         WHERE x.${q('deletedAt')} IS NULL AND ${where[0]} AND x.${q(fk)} IN (${placeholders(parentIds.length)})
       ) w WHERE w.rn <= ? ORDER BY w.pk, w.rn`,
      [...where[1], ...parentIds, limit],
    );
    for (const r of rows) {
      const key = String(r.pk);
      let page = out.get(key);
      if (!page) out.set(key, (page = { total: Number(r.n), rows: [] }));
      page.rows.push(r);
    }
    return out;
  }

  /** (b) One statement per level: the region, then each level's pages for all parents at once. */
  async function hierarchy(counter: { n: number }, scope: Scope): Promise<unknown> {
    const [rs, rp] = scoped.region(scope, 'r');
    const regions = await sql.all(counter, `SELECT r.${q('id')} AS id, r.${q('name')} AS name, r.${q('code')} AS code FROM ${q('region')} r WHERE r.${q('deletedAt')} IS NULL AND ${rs} ORDER BY r.${q('id')} ASC LIMIT 1`, rp);
    const counties = await childPages(counter, 'county', ['id', 'code', 'name', 'nameTibetan'], 'regionId', regions.map((r) => r.id), 'code', 18, scoped.county(scope, 'x'));
    const countyIds = [...counties.values()].flatMap((p) => p.rows.map((r) => r.id));
    const departments = await childPages(counter, 'department', ['id', 'name', 'kind'], 'countyId', countyIds, 'name', 20, scoped.department(scope, 'x'));
    const departmentIds = [...departments.values()].flatMap((p) => p.rows.map((r) => r.id));
    const cadres = await childPages(counter, 'cadre', ['id', 'name', 'position', 'rank'], 'departmentId', departmentIds, 'rank', 20, scoped.cadre(scope, 'x'));
    const page = <T>(pages: Map<string, { total: number; rows: RowOf[] }>, parent: Value, item: (r: RowOf) => T) => {
      const p = pages.get(String(parent));
      return { total: p?.total ?? 0, items: (p?.rows ?? []).map(item) };
    };
    return {
      regions: {
        items: regions.map((r) => ({
          name: r.name,
          code: r.code,
          counties: page(counties, r.id, (c) => ({
            code: c.code,
            name: c.name,
            nameTibetan: c.nameTibetan,
            departments: page(departments, c.id, (d) => ({
              name: d.name,
              kind: d.kind,
              cadres: page(cadres, d.id, (k) => ({ name: k.name, position: k.position, rank: k.rank })),
            })),
          })),
        })),
      },
    };
  }

  const send = (res: ServerResponse, status: number, body: unknown) => {
    const text = `${JSON.stringify(body)}\n`;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
    res.end(text);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || req.url !== '/graphql') return send(res, 404, { errors: [{ message: 'not found' }] });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let kind: Kind | undefined;
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query?: unknown };
      kind = typeof body.query === 'string' ? KNOWN.get(normalize(body.query)) : undefined;
    } catch {
      kind = undefined;
    }
    if (!kind) return send(res, 400, { errors: [{ message: 'the raw handler answers only the two benchmark requests', extensions: { code: 'BAD_USER_INPUT' } }] });
    const counter = { n: 0 };
    const scope = await principal(counter, req.headers.authorization);
    if (!scope) return send(res, 401, { errors: [{ message: 'login required', extensions: { code: 'UNAUTHENTICATED' } }] });
    const data = kind === 'cadres' ? await cadrePage(counter, scope) : await hierarchy(counter, scope);
    send(res, 200, options.exposeSqlStatements ? { data, extensions: { sqlStatements: counter.n } } : { data });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error('[raw-handler]', error);
      if (!res.headersSent) send(res, 500, { errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}`,
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await sql.close();
    },
  };
}
