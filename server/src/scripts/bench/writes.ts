import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import type { DataSource, EntityManager } from 'typeorm';
import { openDatabase } from '../../db/data-source.js';
import { refreshTargetMetrics } from '../../modules/targets/target-metrics.js';
import { whole } from './settings.js';

/**
 * The server in its own process, measured from outside:
 *
 * - `benchWrites(kind, url)`: on a database that holds the demo data, starts
 *   `node dist/server/src/main.js` in a child process, times its start-up, reads its peak RSS
 *   (`VmHWM` of /proc/<pid>/status) under a read load and under the writes, and runs
 *   `submitProgressReport` from 16 concurrent county users (BENCH_WRITE_CLIENTS) over HTTP;
 *   then, side by side, the same inserts and the same metric upkeep statements as raw
 *   transactions (mysql2 / better-sqlite3) from the same number of workers. Rows are counted
 *   afterwards and the maintained figures of the written trees compared with a
 *   recomputation: a lost write or a deadlock that reached a client fails the run.
 * - `benchServerProcess(kind, url)`: start-up on a pre-loaded set (scale set) and peak RSS
 *   under the read load, nothing written.
 *
 * Each returns a Markdown section. `node dist/server/src/scripts/bench/writes.js` runs both on
 * fresh databases of its own (and BENCH_SCALE_URLS) without the rest of the benchmark.
 */


const CLIENTS = Math.max(1, whole('BENCH_WRITE_CLIENTS', 16));
const PER_CLIENT = whole('BENCH_WRITES', 25);
const LOAD_SECONDS = whole('BENCH_LOAD_SECONDS', 12);
const LOAD_CONCURRENCY = Math.max(1, whole('BENCH_CONCURRENCY', 8));
/** Same as the server (common/transaction.ts): a deadlock victim is run again, up to three times in all. */
const RETRIES = 3;
const MAIN = fileURLToPath(new URL('../../main.js', import.meta.url));
const TIME_ZONE = process.env.LUOSHI_TIME_ZONE || 'Asia/Shanghai';
const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const todayIn = () => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());

// ---------------------------------------------------------------------------------------------
// Numbers

interface Timed {
  ms: number;
  sql: number | null;
  error: string | null;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
const fmt = (x: number) => (Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));

interface Summary {
  n: number;
  failed: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  sql: string;
}

function summarize(samples: Timed[], wallMs: number): Summary {
  const times = samples.map((s) => s.ms).sort((a, b) => a - b);
  const sqls = samples.map((s) => s.sql).filter((x): x is number => x !== null);
  const lo = Math.min(...sqls);
  const hi = Math.max(...sqls);
  return {
    n: samples.length,
    failed: samples.filter((s) => s.error).length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps: samples.length / (wallMs / 1000),
    sql: sqls.length === 0 ? '–' : lo === hi ? String(lo) : `${lo}–${hi}`,
  };
}

// ---------------------------------------------------------------------------------------------
// The server in a child process

export interface ServerProcess {
  url: string;
  pid: number;
  /** Spawn → the "is serving" line on stdout. */
  listeningMs: number;
  /** Spawn → first answered request (GET /readyz with 200). */
  readyMs: number;
  /** Peak resident set (VmHWM) since start or since the last resetPeak(), MB; null without /proc. */
  peakRssMb(): number | null;
  rssMb(): number | null;
  /** Starts a new peak from the current RSS (writes 5 to /proc/<pid>/clear_refs); false when not allowed. */
  resetPeak(): boolean;
  stop(): Promise<void>;
  output(): string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function procStatus(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export async function spawnServer(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED: 'none',
      NODE_ENV: 'production',
      EXPOSE_SQL_STATEMENTS: '1',
      ADMIN_DIR: join(os.tmpdir(), 'luoshi-bench-no-admin'),
      JWT_SECRET: process.env.BENCH_JWT_SECRET || randomBytes(16).toString('hex'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  let listeningMs = NaN;
  child.stdout!.on('data', (chunk: Buffer) => {
    log += chunk.toString();
    if (Number.isNaN(listeningMs) && log.includes('is serving')) listeningMs = performance.now() - t0;
  });
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) => child.on('exit', (code) => ((exited = code ?? -1), resolve())));
  const url = `http://127.0.0.1:${port}`;
  let readyMs = NaN;
  for (;;) {
    if (exited !== null) throw new Error(`the server exited with ${exited} before answering:\n${log.slice(-3000)}`);
    if (performance.now() - t0 > 600_000) throw new Error(`the server did not answer within 10 minutes:\n${log.slice(-3000)}`);
    try {
      const r = await fetch(`${url}/readyz`);
      await r.text();
      if (r.ok) {
        readyMs = performance.now() - t0;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    listeningMs,
    readyMs,
    peakRssMb: () => procStatus(pid, 'VmHWM'),
    rssMb: () => procStatus(pid, 'VmRSS'),
    resetPeak: () => {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    stop: async () => {
      if (exited === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(timer);
    },
    output: () => log,
  };
}

async function gql(url: string, query: string, variables: Record<string, unknown>, token: string | null): Promise<{ ms: number; json: any; sql: number | null; error: string | null }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const t0 = performance.now();
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  const ms = performance.now() - t0;
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    return { ms, json: null, sql: null, error: `HTTP ${response.status}: not JSON` };
  }
  const errors = Array.isArray(json?.errors) ? json.errors.map((e: any) => `${e.extensions?.code ?? '?'}: ${e.message}`) : [];
  const sql = typeof json?.extensions?.sqlStatements === 'number' ? json.extensions.sqlStatements : null;
  return { ms, json, sql, error: errors.length ? errors.join('; ') : response.ok ? null : `HTTP ${response.status}` };
}

async function login(url: string, username: string): Promise<string> {
  const r = await gql(url, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: 'demo' }, null);
  if (r.error) throw new Error(`login ${username}: ${r.error}`);
  return r.json.data.login.token;
}

// ---------------------------------------------------------------------------------------------
// Read load (what the dashboards and analysts send), for the peak RSS

function readMix(): { name: string; user: string; query: string; variables: Record<string, unknown> }[] {
  const d = todayIn();
  const year = d.slice(0, 4);
  const month = d.slice(0, 7);
  return [
    { name: 'targets page of 500 with computed fields', user: 'region', variables: { d }, query: 'query($d: LocalDate!) { targets(limit: 500, asOf: $d, orderBy: [{ field: ID }]) { total items { id title progress(asOf: $d) status(asOf: $d) warning(asOf: $d) allocationGap latestReport(asOf: $d) { reportedOn actualValue percentComplete } } } }' },
    { name: 'scoreboard', user: 'analyst', variables: {}, query: `{ scoreboard(period: "${year}") { entries { rank unitName scheduleScore red yellow } } }` },
    { name: 'targetStats(COUNTY, WARNING)', user: 'analyst', variables: { d }, query: 'query($d: LocalDate!) { targetStats(groupBy: [COUNTY, WARNING], asOf: $d) { countyName warning count meanProgress } }' },
    { name: 'live bulletin', user: 'region', variables: {}, query: `{ bulletin(period: "${month}") { live content { ranking { rank unitName } redTargets { title countyName } notices { level } } } }` },
    { name: 'RED targets page', user: 'region', variables: { d }, query: 'query($d: LocalDate!) { targets(filter: { warning: { eq: RED } }, asOf: $d, orderBy: [{ field: DEADLINE }], limit: 100) { total items { title progress(asOf: $d) responsibleCounty { name } } } }' },
    { name: 'hierarchy', user: 'region', variables: {}, query: '{ regions(limit: 1) { items { counties(limit: 18) { items { name departments(limit: 20) { items { name cadres(limit: 20) { items { name rank } } } } } } } } }' },
  ];
}

interface LoadResult {
  seconds: number;
  n: number;
  failed: number;
  p50: number;
  p99: number;
  errors: string[];
}

/** LOAD_CONCURRENCY requests in flight, round-robin over the read mix, for LOAD_SECONDS. */
async function readLoad(server: ServerProcess): Promise<LoadResult> {
  const mix = readMix();
  const tokens = new Map<string, string>();
  for (const m of mix) if (!tokens.has(m.user)) tokens.set(m.user, await login(server.url, m.user));
  const samples: Timed[] = [];
  const errors = new Set<string>();
  let next = 0;
  const t0 = performance.now();
  const end = t0 + LOAD_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: LOAD_CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const m = mix[next++ % mix.length];
        const r = await gql(server.url, m.query, m.variables, tokens.get(m.user)!);
        if (r.error) errors.add(`${m.name}: ${r.error.slice(0, 160)}`);
        samples.push({ ms: r.ms, sql: r.sql, error: r.error });
      }
    }),
  );
  const s = summarize(samples, performance.now() - t0);
  return { seconds: (performance.now() - t0) / 1000, n: s.n, failed: s.failed, p50: s.p50, p99: s.p99, errors: [...errors] };
}

// ---------------------------------------------------------------------------------------------
// Raw database access (the side-by-side transactions and the checks)

interface Raw {
  kind: 'SQLite' | 'MariaDB';
  all(sql: string, params?: unknown[]): Promise<any[]>;
  /** One transaction on a connection of its own; returns the statements it ran. Deadlock → thrown with `deadlock`. */
  transaction(statements: { sql: string; params: unknown[] }[]): Promise<void>;
  deadlocks(): Promise<number | null>;
  close(): Promise<void>;
}

function mysqlOptions(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1),
  };
}

async function openRaw(url: string): Promise<Raw> {
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length));
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const cache = new Map<string, Database.Statement>();
    const prepared = (sql: string) => {
      let s = cache.get(sql);
      if (!s) cache.set(sql, (s = db.prepare(sql)));
      return s;
    };
    const exec = (sql: string, params: unknown[] = []) => {
      const s = prepared(sql);
      return s.reader ? s.all(...params) : (s.run(...params), []);
    };
    return {
      kind: 'SQLite',
      all: async (sql, params) => exec(sql, params) as any[],
      // One connection, as the server has: 16 clients' transactions run one after another.
      // Waiting for the event loop first makes each wait its turn behind those already queued.
      transaction: async (statements) => {
        await new Promise((resolve) => setImmediate(resolve));
        db.transaction(() => {
          for (const s of statements) exec(s.sql, s.params);
        }).immediate();
      },
      deadlocks: async () => null,
      close: async () => void db.close(),
    };
  }
  // The server's pool has 10 connections (db/data-source.ts): the raw side gets as many.
  const pool = mysql.createPool({ ...mysqlOptions(url), connectionLimit: 10, timezone: 'Z', dateStrings: ['DATE'], charset: 'utf8mb4_unicode_ci' });
  // The server plans its metrics statements with split materialization off (db/data-source.ts).
  pool.on('connection', (c) => {
    (c as unknown as { query(sql: string, cb: (e: unknown) => void): void }).query("SET SESSION optimizer_switch='split_materialized=off'", () => undefined);
  });
  return {
    kind: 'MariaDB',
    all: async (sql, params = []) => (await pool.query(sql, params))[0] as any[],
    transaction: async (statements) => {
      const c = await pool.getConnection();
      try {
        await c.query('START TRANSACTION');
        for (const s of statements) await c.query(s.sql, s.params);
        await c.query('COMMIT');
      } catch (error) {
        await c.query('ROLLBACK').catch(() => undefined);
        await c.query('SELECT RELEASE_ALL_LOCKS()').catch(() => undefined);
        throw error;
      } finally {
        c.release();
      }
    },
    deadlocks: async () => {
      const [rows] = await pool.query("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'");
      const row = (rows as { Value?: string }[])[0];
      return row?.Value === undefined ? null : Number(row.Value);
    },
    close: () => pool.end(),
  };
}

/** An error message without the request id it carries, so that equal errors are counted together. */
const errorKey = (message: string) => message.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '…').slice(0, 200);

const isDeadlock = (e: unknown) => (e as { code?: string; errno?: number })?.code === 'ER_LOCK_DEADLOCK' || (e as { errno?: number })?.errno === 1213;

/** Statements `refreshTargetMetrics(tx, [root], { since })` runs, recorded in a transaction that is rolled back. */
async function upkeepStatements(ds: DataSource, root: number, since: string): Promise<{ sql: string; params: unknown[] }[]> {
  const log: { sql: string; params: unknown[] }[] = [];
  class Rollback extends Error {}
  try {
    await ds.transaction(async (tx) => {
      const recording = new Proxy(tx, {
        get(target, prop, receiver) {
          if (prop === 'query') {
            return (sql: string, params?: unknown[]) => {
              log.push({ sql, params: params ?? [] });
              return target.query(sql, params);
            };
          }
          return Reflect.get(target, prop, receiver);
        },
      }) as EntityManager;
      await refreshTargetMetrics(recording, [root], { since });
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return log;
}

/**
 * Maintained figures (target_metric) of these trees against a recomputation from the reports,
 * done in a transaction that is rolled back. Returns the number of targets that differ.
 */
async function figuresDiffer(ds: DataSource, roots: number[]): Promise<number> {
  const esc = (n: string) => ds.driver.escape(n);
  const read = async (tx: EntityManager) => {
    const rows: Record<string, unknown>[] = await tx.query(
      `SELECT m.${esc('targetId')} AS t, m.${esc('progress')} AS p, m.${esc('claimedProgress')} AS c, m.${esc('lastCompletedOn')} AS d, m.${esc('reportedLeaves')} AS l
         FROM ${esc('target_metric')} m JOIN ${esc('target')} x ON x.${esc('id')} = m.${esc('targetId')}
        WHERE x.${esc('rootId')} IN (${roots.map(() => '?').join(', ')}) ORDER BY m.${esc('targetId')}`,
      roots,
    );
    return new Map(rows.map((r) => [Number(r.t), `${Number(r.p).toFixed(9)} ${Number(r.c).toFixed(9)} ${r.d == null ? '' : String(r.d instanceof Date ? r.d.toISOString() : r.d).slice(0, 10)} ${Number(r.l)}`]));
  };
  let differ = 0;
  class Rollback extends Error {}
  try {
    await ds.transaction(async (tx) => {
      const stored = await read(tx);
      await refreshTargetMetrics(tx, roots);
      const computed = await read(tx);
      for (const [id, v] of computed) if (stored.get(id) !== v) differ++;
      for (const id of stored.keys()) if (!computed.has(id)) differ++;
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return differ;
}

// ---------------------------------------------------------------------------------------------
// The writes

interface Leaf {
  id: number;
  rootId: number;
  regionId: number;
  countyId: number;
  kind: string;
  targetValue: number | null;
  baseline: number | null;
}

interface Writer {
  username: string;
  userId: number;
  countyId: number;
  leaves: Leaf[];
}

interface Job {
  writer: Writer;
  leaf: Leaf;
  k: number;
}

/** Report k of a writer on a leaf: a cumulative value rising with k, always valid for its kind. */
function reportValues(job: Job): { actualValue: number | null; percentComplete: number | null } {
  const share = (job.k + 1) / (PER_CLIENT + 1);
  if (job.leaf.kind === 'QUANTITATIVE') {
    const base = job.leaf.baseline ?? 0;
    return { actualValue: Math.round((base + ((job.leaf.targetValue ?? 1) - base) * share) * 100) / 100, percentComplete: null };
  }
  return { actualValue: null, percentComplete: Math.round(100 * share) };
}

interface Phase {
  label: string;
  jobs: Job[][];
  roots: number[];
}

/**
 * Who writes where. "shared trees": each of 16 county users reports on its own county's
 * leaves, round-robin over every tree it has a leaf in — counties report into the same trees
 * at the same time, as they do at month end. "one tree each": each county user reports only
 * into trees no other client writes to — what a write must not block.
 */
function phases(writers: Writer[]): Phase[] {
  if (PER_CLIENT === 0) return []; // BENCH_WRITES=0: no writes
  const shared = writers.map((w, i) => {
    const byTree = [...new Set(w.leaves.map((l) => l.rootId))];
    return Array.from({ length: PER_CLIENT }, (_, k) => {
      const root = byTree[(i + k) % byTree.length];
      const inTree = w.leaves.filter((l) => l.rootId === root);
      return { writer: w, leaf: inTree[k % inTree.length], k };
    });
  });
  const taken = new Set<number>();
  const own: number[][] = writers.map(() => []);
  // Hand out trees one per client in turn until no client can take one more (at most 3 each).
  for (let round = 0; round < 3; round++) {
    writers.forEach((w, i) => {
      const free = [...new Set(w.leaves.map((l) => l.rootId))].find((r) => !taken.has(r));
      if (free !== undefined) {
        taken.add(free);
        own[i].push(free);
      }
    });
  }
  const phaseList: Phase[] = [{ label: 'shared trees', jobs: shared, roots: [...new Set(shared.flat().map((j) => j.leaf.rootId))] }];
  // With fewer trees than clients (the demo data), the clients that got a tree of their own.
  const alone = writers.map((w, i) => ({ w, trees: own[i] })).filter((x) => x.trees.length > 0);
  if (alone.length >= 2) {
    const disjoint = alone.map(({ w, trees }) => {
      const mine = w.leaves.filter((l) => trees.includes(l.rootId));
      return Array.from({ length: PER_CLIENT }, (_, k) => ({ writer: w, leaf: mine[k % mine.length], k }));
    });
    phaseList.push({ label: 'one tree each', jobs: disjoint, roots: [...taken] });
  }
  return phaseList;
}

const SUBMIT = 'mutation Submit($input: SubmitProgressReportInput!) { submitProgressReport(input: $input) { id status } }';

interface SideResult {
  summary: Summary;
  wallMs: number;
  errors: Map<string, number>;
  deadlocks: number | null;
  retries: number | null;
  rowsExpected: number;
  reports: number;
  auditEvents: number;
  figuresDiffer: number;
}

async function countRows(raw: Raw, marker: string): Promise<{ reports: number; auditEvents: number }> {
  const q = raw.kind === 'SQLite' ? (n: string) => `"${n}"` : (n: string) => `\`${n}\``;
  const [r] = await raw.all(`SELECT COUNT(*) AS n FROM ${q('progress_report')} WHERE ${q('narrative')} LIKE ?`, [`${marker}%`]);
  const [a] = await raw.all(
    `SELECT COUNT(*) AS n FROM ${q('audit_event')} a JOIN ${q('progress_report')} r ON a.${q('entityId')} = r.${q('id')}
      WHERE a.${q('entityType')} = 'ProgressReport' AND a.${q('action')} = 'CREATE' AND r.${q('narrative')} LIKE ?`,
    [`${marker}%`],
  );
  return { reports: Number(r.n), auditEvents: Number(a.n) };
}

async function runServerSide(server: ServerProcess, raw: Raw, ds: DataSource, phase: Phase, tokens: Map<string, string>, marker: string): Promise<SideResult> {
  const deadlocksBefore = await raw.deadlocks();
  const samples: Timed[] = [];
  const errors = new Map<string, number>();
  const t0 = performance.now();
  await Promise.all(
    phase.jobs.map(async (jobs) => {
      for (const job of jobs) {
        const input = { targetId: String(job.leaf.id), narrative: `${marker} ${job.writer.username} #${job.k}`, ...reportValues(job) };
        const r = await gql(server.url, SUBMIT, { input }, tokens.get(job.writer.username)!);
        if (r.error) errors.set(errorKey(r.error), (errors.get(errorKey(r.error)) ?? 0) + 1);
        samples.push({ ms: r.ms, sql: r.sql, error: r.error });
      }
    }),
  );
  const wallMs = performance.now() - t0;
  const deadlocksAfter = await raw.deadlocks();
  const counts = await countRows(raw, marker);
  return {
    summary: summarize(samples, wallMs),
    wallMs,
    errors,
    deadlocks: deadlocksBefore === null || deadlocksAfter === null ? null : deadlocksAfter - deadlocksBefore,
    retries: null,
    rowsExpected: phase.jobs.flat().length,
    ...counts,
    figuresDiffer: await figuresDiffer(ds, phase.roots),
  };
}

/**
 * The raw side: per report one transaction with exactly what the server inserts and upkeeps —
 * INSERT progress_report (the columns the service fills), INSERT audit_event (CREATE, the new
 * row's columns as changes), then the statements `refreshTargetMetrics` runs for the report's
 * tree, recorded from the real function (the tree's target ids, DELETE + INSERT … SELECT of
 * target_metric, the built months read with a shared lock). Without what the server adds:
 * HTTP, GraphQL, the token check, the reads of the target and scope, the re-reads of the row.
 */
async function runRawSide(raw: Raw, ds: DataSource, phase: Phase, marker: string): Promise<SideResult & { statements: number[] }> {
  const today = todayIn();
  const upkeep = new Map<number, { sql: string; params: unknown[] }[]>();
  for (const root of phase.roots) upkeep.set(root, await upkeepStatements(ds, root, today.slice(0, 7)));
  const sqlite = raw.kind === 'SQLite';
  const q = sqlite ? (n: string) => `"${n}"` : (n: string) => `\`${n}\``;
  const stamp = () => (sqlite ? new Date().toISOString().replace('T', ' ').replace('Z', '') : new Date());
  const reportColumns = ['targetId', 'regionId', 'countyId', 'reporterId', 'reportedOn', 'period', 'actualValue', 'percentComplete', 'narrative', 'evidence', 'status', 'createdAt', 'updatedAt', 'version'];
  const auditColumns = ['at', 'actorId', 'actorName', 'action', 'entityType', 'entityId', 'regionId', 'countyId', 'changes', 'requestId', 'ip'];
  const insertReport = `INSERT INTO ${q('progress_report')} (${reportColumns.map(q).join(', ')}) VALUES (${reportColumns.map(() => '?').join(', ')})`;
  const insertAudit = `INSERT INTO ${q('audit_event')} (${auditColumns.map(q).join(', ')}) VALUES (${auditColumns.map(() => '?').join(', ')})`;
  // The audit event names the new report's id: the last insert id of the connection.
  const lastId = sqlite ? 'last_insert_rowid()' : 'LAST_INSERT_ID()';
  const insertAuditOfLast = insertAudit.replace(/VALUES \(([^)]*)\)/, () => `SELECT ${auditColumns.map((c) => (c === 'entityId' ? lastId : '?')).join(', ')}`);

  const deadlocksBefore = await raw.deadlocks();
  const samples: Timed[] = [];
  const errors = new Map<string, number>();
  const statements: number[] = [];
  let retries = 0;
  const t0 = performance.now();
  await Promise.all(
    phase.jobs.map(async (jobs) => {
      for (const job of jobs) {
        const { actualValue, percentComplete } = reportValues(job);
        const now = stamp();
        const row: Record<string, unknown> = {
          targetId: job.leaf.id,
          regionId: job.leaf.regionId,
          countyId: job.leaf.countyId,
          reporterId: job.writer.userId,
          reportedOn: today,
          period: today.slice(0, 7),
          actualValue,
          percentComplete,
          narrative: `${marker} ${job.writer.username} #${job.k}`,
          evidence: null,
          status: 'SUBMITTED',
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        const changes = Object.fromEntries(Object.entries(row).filter(([k]) => !['createdAt', 'updatedAt', 'version'].includes(k) && row[k] !== null).map(([k, v]) => [k, { before: null, after: v }]));
        const audit: Record<string, unknown> = {
          at: now,
          actorId: job.writer.userId,
          actorName: job.writer.username,
          action: 'CREATE',
          entityType: 'ProgressReport',
          regionId: job.leaf.regionId,
          countyId: job.leaf.countyId,
          changes: JSON.stringify(changes),
          requestId: randomBytes(8).toString('hex'),
          ip: '127.0.0.1',
        };
        // MariaDB: the same tree lock as the server's (common/transaction.ts lockTree), released
        // before the commit; without it, changes to one tree deadlock in the upkeep.
        const treeLock = sqlite ? [] : [{ sql: "SELECT GET_LOCK(CONCAT(LEFT(DATABASE(), 40), ':tree:', ?), 20)", params: [job.leaf.rootId] }];
        const treeUnlock = sqlite ? [] : [{ sql: 'SELECT RELEASE_ALL_LOCKS()', params: [] }];
        const txn = [
          ...treeLock,
          { sql: insertReport, params: reportColumns.map((c) => row[c]) },
          { sql: insertAuditOfLast, params: auditColumns.filter((c) => c !== 'entityId').map((c) => audit[c]) },
          ...upkeep.get(job.leaf.rootId)!,
          ...treeUnlock,
        ];
        statements.push(txn.length);
        const s = performance.now();
        let error: string | null = null;
        for (let attempt = 1; ; attempt++) {
          try {
            await raw.transaction(txn);
            break;
          } catch (e) {
            if (isDeadlock(e) && attempt < RETRIES) {
              retries++;
              await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
              continue;
            }
            error = e instanceof Error ? e.message : String(e);
            break;
          }
        }
        if (error) errors.set(errorKey(error), (errors.get(errorKey(error)) ?? 0) + 1);
        samples.push({ ms: performance.now() - s, sql: txn.length, error });
      }
    }),
  );
  const wallMs = performance.now() - t0;
  const deadlocksAfter = await raw.deadlocks();
  return {
    summary: summarize(samples, wallMs),
    wallMs,
    errors,
    deadlocks: deadlocksBefore === null || deadlocksAfter === null ? null : deadlocksAfter - deadlocksBefore,
    retries,
    rowsExpected: phase.jobs.flat().length,
    ...(await countRows(raw, marker)),
    figuresDiffer: await figuresDiffer(ds, phase.roots),
    statements,
  };
}

async function writers(raw: Raw): Promise<Writer[]> {
  const sqlite = raw.kind === 'SQLite';
  const q = sqlite ? (n: string) => `"${n}"` : (n: string) => `\`${n}\``;
  const today = todayIn();
  const users = await raw.all(
    `SELECT u.${q('id')} AS id, u.${q('username')} AS username, u.${q('countyId')} AS countyId FROM ${q('user')} u
      WHERE u.${q('role')} = 'COUNTY' AND u.${q('username')} LIKE 'county-%' AND u.${q('deletedAt')} IS NULL ORDER BY u.${q('username')}`,
  );
  const leaves = await raw.all(
    `SELECT ${q('id')} AS id, ${q('rootId')} AS rootId, ${q('regionId')} AS regionId, ${q('countyId')} AS countyId, ${q('kind')} AS kind, ${q('targetValue')} AS targetValue, ${q('baseline')} AS baseline
       FROM ${q('target')} WHERE ${q('isLeaf')} = 1 AND ${q('deletedAt')} IS NULL AND ${q('countyId')} IS NOT NULL AND ${q('startDate')} <= ? ORDER BY ${q('id')}`,
    [today],
  );
  const byCounty = new Map<number, Leaf[]>();
  for (const l of leaves) {
    const leaf: Leaf = { id: Number(l.id), rootId: Number(l.rootId), regionId: Number(l.regionId), countyId: Number(l.countyId), kind: String(l.kind), targetValue: l.targetValue == null ? null : Number(l.targetValue), baseline: l.baseline == null ? null : Number(l.baseline) };
    byCounty.set(leaf.countyId, [...(byCounty.get(leaf.countyId) ?? []), leaf]);
  }
  return users
    .filter((u) => byCounty.has(Number(u.countyId)))
    .slice(0, CLIENTS)
    .map((u) => ({ username: String(u.username), userId: Number(u.id), countyId: Number(u.countyId), leaves: byCounty.get(Number(u.countyId))! }));
}

// ---------------------------------------------------------------------------------------------
// Sections of the report

export interface ProcessFigures {
  kind: string;
  listeningMs: number;
  readyMs: number;
  startPeakMb: number | null;
  load: LoadResult;
  loadPeakMb: number | null;
  peakWasReset: boolean;
  snapshotsNote: string | null;
}

function processSection(title: string, f: ProcessFigures): string[] {
  const mbs = (x: number | null) => (x === null ? '– (no /proc)' : `${x.toFixed(0)} MB`);
  return [
    `- ${title}: start-up (spawn of \`node dist/server/src/main.js\` → listening) ${(f.listeningMs / 1000).toFixed(2)} s; → first answered request (\`/readyz\` 200) ${(f.readyMs / 1000).toFixed(2)} s; peak RSS at start ${mbs(f.startPeakMb)}`,
    `- ${title}: read load (${LOAD_CONCURRENCY} in flight for ${f.load.seconds.toFixed(0)} s, round-robin over ${readMix().map((m) => m.name).join(', ')}): ${f.load.n} requests${f.load.failed ? ` (${f.load.failed} with errors)` : ''}, p50 ${fmt(f.load.p50)} ms, p99 ${fmt(f.load.p99)} ms; **server peak RSS ${mbs(f.loadPeakMb)}**${f.peakWasReset ? ' (VmHWM reset after start)' : ' (VmHWM since start)'}`,
    ...(f.snapshotsNote ? [`- ${title}: ${f.snapshotsNote}`] : []),
    ...f.load.errors.map((e) => `- ${title}: error: ${e}`),
  ];
}

/** Waits until the background builder has published the month snapshots (or 5 minutes). */
async function waitForSnapshots(raw: Raw): Promise<string | null> {
  const months = whole('SNAPSHOT_MONTHS', 13);
  if (months === 0) return null;
  const q = raw.kind === 'SQLite' ? (n: string) => `"${n}"` : (n: string) => `\`${n}\``;
  const t0 = performance.now();
  for (;;) {
    const [{ n }] = await raw.all(`SELECT COUNT(*) AS n FROM ${q('target_metric_month_state')}`);
    if (Number(n) >= months) return performance.now() - t0 > 1000 ? `the server's background builder finished the ${months} month snapshots ${((performance.now() - t0) / 1000).toFixed(0)} s after start (the load ran after it)` : null;
    if (performance.now() - t0 > 300_000) return `the month snapshots were still being built after 5 minutes (${n} of ${months}); the load ran during the build`;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function measureProcess(kind: string, server: ServerProcess, raw: Raw): Promise<ProcessFigures> {
  const startPeakMb = server.peakRssMb();
  const snapshotsNote = await waitForSnapshots(raw);
  const peakWasReset = server.resetPeak();
  const load = await readLoad(server);
  return { kind, listeningMs: server.listeningMs, readyMs: server.readyMs, startPeakMb, load, loadPeakMb: server.peakRssMb(), peakWasReset, snapshotsNote };
}

/** Start-up and peak RSS of the server on a pre-loaded set (the scale set): nothing is written. */
export async function benchServerProcess(kind: 'SQLite' | 'MariaDB', databaseUrl: string): Promise<string> {
  progress(`${kind}: server process on ${databaseUrl.replace(/\/\/[^@]*@/, '//')}: start-up and peak RSS`);
  const raw = await openRaw(databaseUrl);
  const server = await spawnServer(databaseUrl);
  try {
    const f = await measureProcess(kind, server, raw);
    return [`### ${kind}, scale set: the server in its own process`, '', ...processSection('scale set', f), ''].join('\n');
  } finally {
    await server.stop();
    await raw.close();
  }
}

export let writeFailures = 0;

/**
 * The writes benchmark on a database holding the demo data (bench.ts calls it after its own
 * run on the same database): server process, read load, then the writes, server and raw.
 */
export async function benchWrites(kind: 'SQLite' | 'MariaDB', databaseUrl: string): Promise<string> {
  progress(`${kind}: server process: start-up, peak RSS, ${CLIENTS} clients × ${PER_CLIENT} submitProgressReport, then the raw transactions`);
  const raw = await openRaw(databaseUrl);
  const ds = await openDatabase(databaseUrl);
  const server = await spawnServer(databaseUrl);
  const out: string[] = [`### ${kind}: the server in its own process; writes`, ''];
  try {
    const f = await measureProcess(kind, server, raw);
    out.push(...processSection('this data set', f));
    const who = await writers(raw);
    if (who.length < CLIENTS) out.push(`- note: only ${who.length} county users have leaf targets that accept reports today; ${who.length} clients wrote.`);
    const tokens = new Map<string, string>();
    for (const w of who) tokens.set(w.username, await login(server.url, w.username));
    const rows: string[] = [];
    const checks: string[] = [];
    for (const phase of phases(who)) {
      const tag = randomBytes(3).toString('hex');
      progress(`${kind}: writes, ${phase.label}: server`);
      server.resetPeak();
      const s = await runServerSide(server, raw, ds, phase, tokens, `bench-writes server ${tag}`);
      const writePeak = server.peakRssMb();
      progress(`${kind}: writes, ${phase.label}: raw`);
      const r = await runRawSide(raw, ds, phase, `bench-writes raw ${tag}`);
      const trees = phase.roots.length;
      const label = `submitProgressReport, ${phase.jobs.length} clients, ${phase.label} (${trees} trees)`;
      const ratio = `${(s.summary.p50 / r.summary.p50).toFixed(1)}× p50, ${(s.summary.p99 / r.summary.p99).toFixed(1)}× p99, ${(r.summary.rps / s.summary.rps).toFixed(1)}× fewer/s`;
      const line = (name: string, x: Summary, rat: string, peak: string) =>
        `| ${name} | ${x.n}${x.failed ? ` (${x.failed} failed)` : ''} | ${fmt(x.p50)} | ${fmt(x.p95)} | ${fmt(x.p99)} | ${x.rps.toFixed(1)} | ${rat} | ${x.sql} | ${peak} |`;
      rows.push(line(`${label}: server over HTTP`, s.summary, ratio, writePeak === null ? '–' : `${writePeak.toFixed(0)} MB`));
      rows.push(line(`${label}: raw ${kind === 'SQLite' ? 'better-sqlite3' : 'mysql2'} transaction`, r.summary, '1', '–'));
      for (const [side, x] of [['server', s], ['raw', r]] as const) {
        // Every write that was answered as done must be there, with its audit event; every
        // write must have been done (a deadlock given up is an error the client saw).
        const done = x.rowsExpected - x.summary.failed;
        const lost = done !== x.reports || done !== x.auditEvents;
        const errs = [...x.errors].map(([m, n]) => `${n}× ${m}`).join('; ');
        if (lost || x.errors.size || x.figuresDiffer) writeFailures++;
        checks.push(
          `- ${phase.label}, ${side}: ${x.rowsExpected} writes, ${done} done; ${x.reports} reports and ${x.auditEvents} audit events found afterwards${lost ? ' — **LOST WRITES**' : ''}; ` +
            `${x.errors.size ? `errors: ${errs}` : 'no errors'}; ` +
            `InnoDB deadlocks during the run: ${x.deadlocks === null ? 'n/a (SQLite: one writer at a time)' : x.deadlocks}${x.retries !== null && x.deadlocks !== null ? ` (raw side retried ${x.retries})` : ''}; ` +
            `maintained figures of the ${trees} trees vs a recomputation: ${x.figuresDiffer === 0 ? 'equal' : `**${x.figuresDiffer} targets differ**`}`,
        );
      }
    }
    if (writeFailures) {
      const lines = [...new Set(server.output().split('\n').filter((l) => /error|deadlock|lock wait/i.test(l)).map((l) => l.slice(0, 300)))].slice(0, 5);
      for (const l of lines) out.push(`- server log: \`${l.replace(/`/g, "'")}\``);
    }
    if (rows.length) out.push(`- raw side: per report one transaction of ${kind === 'SQLite' ? '' : "the tree's lock (GET_LOCK, as the server), "}INSERT progress_report, INSERT audit_event, and the statements refreshTargetMetrics runs for the report's tree, recorded from it (the tree's ids, DELETE + INSERT … SELECT target_metric, the built months read with a shared lock)${kind === 'SQLite' ? '' : ', RELEASE_ALL_LOCKS()'} — SQL/req counts them; deadlock victims retried as the server does. The server adds HTTP, GraphQL, the token check, reading the target with a shared lock, scope checks, the row and its target read back.`);
    if (rows.length) out.push('', '| request | n | p50 | p95 | p99 | req/s | server ÷ raw | SQL/req | server peak RSS |', '|---|--:|--:|--:|--:|--:|--:|--:|--:|', ...rows, '', ...checks);
    out.push('');
    return out.join('\n');
  } finally {
    await server.stop();
    await ds.destroy();
    await raw.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Alone: `node dist/server/src/scripts/bench/writes.js`

async function standalone(): Promise<void> {
  const databases = (process.env.BENCH_DATABASES || 'sqlite,mariadb').split(',').map((s) => s.trim()).filter(Boolean);
  const sections: string[] = [];
  const seeded = async (url: string) => {
    // Seeds the demo data by starting the server once with SEED=demo.
    const s = await spawnServer(url, { SEED: 'demo' });
    await s.stop();
  };
  if (databases.includes('sqlite')) {
    const dir = mkdtempSync(join(os.tmpdir(), 'luoshi-writes-'));
    try {
      const url = `sqlite:${join(dir, 'writes.sqlite')}`;
      await seeded(url);
      sections.push(await benchWrites('SQLite', url));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (databases.includes('mariadb')) {
    const name = `luoshi_writes_${randomBytes(4).toString('hex')}`;
    const url = `mariadb://root@127.0.0.1:3306/${name}`;
    try {
      await seeded(url);
      sections.push(await benchWrites('MariaDB', url));
    } finally {
      const c = await mysql.createConnection({ host: '127.0.0.1', user: 'root' });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    }
  }
  // Writes on sets of your own (they are written to: a copy of a scale set, say).
  for (const url of (process.env.BENCH_WRITES_URLS || '').split(',').map((u) => u.trim()).filter(Boolean)) {
    sections.push(await benchWrites(url.startsWith('sqlite:') ? 'SQLite' : 'MariaDB', url));
  }
  for (const url of (process.env.BENCH_SCALE_URLS || '').split(',').map((u) => u.trim()).filter(Boolean)) {
    sections.push(await benchServerProcess(url.startsWith('sqlite:') ? 'SQLite' : 'MariaDB', url));
  }
  process.stdout.write(sections.join('\n') + '\n');
  if (writeFailures) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  standalone().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
