import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import mysql from 'mysql2/promise';
import { createApp, type App } from '../app.js';
import type { AppConfig } from '../config.js';
import { benchServerProcess, benchWrites, writeFailures } from './bench/writes.js';
import { SIDE_ROUNDS, sideBySide, sideBySideFailures, sideBySideReport, type SideBySide } from './bench/side-by-side.js';
import { whole } from './bench/settings.js';

/**
 * `npm run bench`: starts Luoshi in this process on SQLite (always) and on MariaDB (when it
 * answers at 127.0.0.1:3306), runs the scenarios below over HTTP as a client would, and prints
 * a Markdown report on stdout. Exits 1 when any request answered with GraphQL errors.
 * Settings: see docs/performance.md.
 */

// ---------------------------------------------------------------------------------------------
// Settings


const ITERATIONS = whole('BENCH_ITERATIONS', 30);
const WARMUP = whole('BENCH_WARMUP', 3);
const CONCURRENCY = Math.max(1, whole('BENCH_CONCURRENCY', 8));
const CONCURRENT_ITERATIONS = whole('BENCH_CONCURRENT_ITERATIONS', ITERATIONS * 2);
/** A scenario stops issuing requests after this many seconds (n then shows what was run). */
const SCENARIO_SECONDS = whole('BENCH_SCENARIO_SECONDS', 8);
const LOGIN_ITERATIONS = whole('BENCH_LOGIN_ITERATIONS', Math.min(ITERATIONS, 16));
const LOGIN_CONCURRENT_ITERATIONS = CONCURRENT_ITERATIONS === 0 ? 0 : Math.max(LOGIN_ITERATIONS, CONCURRENCY * 2);
const DATABASES = (process.env.BENCH_DATABASES || 'sqlite,mariadb').split(',').map((s) => s.trim()).filter(Boolean);
const MARIADB = {
  host: process.env.BENCH_MARIADB_HOST || '127.0.0.1',
  port: whole('BENCH_MARIADB_PORT', 3306),
  user: process.env.BENCH_MARIADB_USER || 'root',
  password: process.env.BENCH_MARIADB_PASSWORD || '',
};
/** Comma-separated parts of scenario names to run (default: all). */
const ONLY = (process.env.BENCH_SCENARIOS || '').split(',').map((s) => s.trim()).filter(Boolean);
const VERBOSE = process.env.BENCH_VERBOSE === '1';

const AS_OF = '2026-11-20';
const DEMO_PASSWORD = 'demo';
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url)); // dist/server/src/scripts → repo
const EXAMPLES_DIR = join(ROOT, 'schema', 'examples');

// The server runs in this process: its start-up chatter (migrations) stays out of the report
// on stdout (on stderr with BENCH_VERBOSE=1, dropped otherwise).
console.log = console.info = VERBOSE ? (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`) : () => undefined;
const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);

// ---------------------------------------------------------------------------------------------
// HTTP client

interface Sample {
  ms: number;
  bytes: number;
  sql: number | null;
  errors: string[];
}

interface GqlBody {
  query: string;
  variables?: Record<string, unknown>;
}

async function post(url: string, body: string, token: string | null): Promise<Sample & { json: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const t0 = performance.now();
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  const ms = performance.now() - t0;
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    return { ms, bytes: Buffer.byteLength(text), sql: null, errors: [`HTTP ${response.status}: not JSON`], json: null };
  }
  const errors = Array.isArray(json?.errors) ? json.errors.map((e: any) => `${e.extensions?.code ?? '?'}: ${e.message}`) : [];
  if (!response.ok && errors.length === 0) errors.push(`HTTP ${response.status}`);
  const sql = typeof json?.extensions?.sqlStatements === 'number' ? json.extensions.sqlStatements : null;
  return { ms, bytes: Buffer.byteLength(text), sql, errors, json };
}

class Client {
  readonly graphql: string;
  private readonly tokens = new Map<string, string>();
  constructor(url: string) {
    this.graphql = `${url}/graphql`;
  }

  /** One operation; throws on GraphQL errors (setup, not measured). */
  async ok(body: GqlBody, token: string | null): Promise<any> {
    const result = await post(this.graphql, JSON.stringify(body), token);
    if (result.errors.length) throw new Error(`setup request failed: ${result.errors.join('; ')}\n${body.query}`);
    return result.json.data;
  }

  async token(username: string): Promise<string> {
    const known = this.tokens.get(username);
    if (known) return known;
    const data = await this.ok({ query: LOGIN, variables: { u: username, p: DEMO_PASSWORD } }, null);
    this.tokens.set(username, data.login.token);
    return data.login.token;
  }
}

// ---------------------------------------------------------------------------------------------
// Scenarios

const LOGIN = 'mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt user { username role } } }';

interface Scenario {
  name: string;
  /** Demo user the request runs as; null: no token (login). */
  user: string | null;
  /** Users the requests take turns with instead (request i runs as users[i % length]). */
  users?: string[];
  /** Request body of iteration i (the same for most scenarios). */
  body: (i: number) => GqlBody;
  /** Also run with CONCURRENCY requests in flight. */
  concurrent: boolean;
  iterations?: number;
  concurrentIterations?: number;
}

/** County users for the concurrent logins: one account's logins run one after another by design. */
const LOGIN_USERS = ['county-540202', 'county-540221', 'county-540222', 'county-540223', 'county-540224', 'county-540225', 'county-540226', 'county-540227'];

const fixed = (query: string, variables: Record<string, unknown> = {}) => () => ({ query, variables });

const CORE_SCENARIOS: Scenario[] = [
  {
    name: 'login',
    user: null,
    // Sequential: always `region`; concurrent: one county account per in-flight request.
    body: (i) => ({ query: LOGIN, variables: { u: i < 0 ? 'region' : LOGIN_USERS[i % LOGIN_USERS.length], p: DEMO_PASSWORD } }),
    concurrent: true,
    iterations: LOGIN_ITERATIONS,
    concurrentIterations: LOGIN_CONCURRENT_ITERATIONS,
  },
  {
    name: 'hierarchy: region → counties → departments → cadres',
    user: 'region',
    body: fixed(`query Hierarchy {
      regions(limit: 1) { items { name code
        counties(limit: 18, orderBy: [{ field: CODE }]) { total items { code name nameTibetan
          departments(limit: 20, orderBy: [{ field: NAME }]) { total items { name kind
            cadres(limit: 20, orderBy: [{ field: RANK }]) { total items { name position rank } } } } } } } }
    }`),
    concurrent: true,
  },
  {
    name: 'targets: page of 500 with progress/status/warning/allocationGap/latestReport',
    user: 'region',
    body: fixed(
      `query TargetPage($asOf: LocalDate!) {
        targets(limit: 500, asOf: $asOf, orderBy: [{ field: ID }]) { total items {
          id title kind deadline progress(asOf: $asOf) status(asOf: $asOf) warning(asOf: $asOf) allocationGap
          latestReport(asOf: $asOf) { reportedOn actualValue percentComplete status } } }
      }`,
      { asOf: AS_OF },
    ),
    concurrent: true,
  },
  {
    name: 'targets: warning RED',
    user: 'region',
    body: fixed(
      `query RedTargets($asOf: LocalDate!) {
        targets(filter: { warning: { eq: RED } }, asOf: $asOf, orderBy: [{ field: DEADLINE }], limit: 100) { total items {
          title deadline progress(asOf: $asOf) elapsed(asOf: $asOf) responsibleCounty { name } responsibleCadre { name } } }
      }`,
      { asOf: AS_OF },
    ),
    concurrent: false,
  },
  {
    name: 'scoreboard(period: "2026")',
    user: 'analyst',
    body: fixed(`query Scoreboard {
      scoreboard(period: "2026") { period asOf entries { rank unitName targetsInPlay targetsDue completed completedOnTime meanProgress scheduleScore red yellow overdueRectifications } }
    }`),
    concurrent: true,
  },
  {
    name: 'targetStats(groupBy: [COUNTY, WARNING])',
    user: 'analyst',
    body: fixed(
      `query Stats($asOf: LocalDate!) {
        targetStats(groupBy: [COUNTY, WARNING], asOf: $asOf) { countyId county { name } warning count completed overdue meanProgress }
      }`,
      { asOf: AS_OF },
    ),
    concurrent: false,
  },
  {
    name: 'bulletin(period: "2026-10"), live',
    user: 'region',
    body: fixed(`query Bulletin {
      bulletin(period: "2026-10") { live publishedAt content { asOf
        ranking { rank unitName scheduleScore red yellow }
        redTargets { title countyName responsibleCadreName progress elapsed }
        overdueRectifications { countyName rectificationDeadline daysOverdue }
        notices { level countyName targetTitle issuedOn dueOn respondedOn overdue } } }
    }`),
    concurrent: true,
  },
  {
    name: 'county user (county-540222): its targets',
    user: 'county-540222',
    body: fixed(
      `query CountyTargets($asOf: LocalDate!) {
        targets(asOf: $asOf, orderBy: [{ field: DEADLINE }], limit: 100) { total items {
          title deadline progress(asOf: $asOf) status(asOf: $asOf) warning(asOf: $asOf)
          responsibleDepartment { name } responsibleCadre { name } } }
      }`,
      { asOf: AS_OF },
    ),
    concurrent: true,
  },
  {
    name: 'computeAssessments(period: "2026") for a county (江孜县)',
    user: 'region',
    body: fixed(`mutation ComputeCounty {
      computeAssessments(period: "2026", filter: { countyCode: { eq: "540222" } }) { id total computedTier }
    }`),
    concurrent: false,
  },
  {
    name: 'assessmentRanking(period: "2026") of the region',
    user: 'analyst',
    body: fixed(`query Ranking {
      assessmentRanking(period: "2026") { tierCounts { tier count } entries { rank cadreName departmentName tier total status } }
    }`),
    concurrent: true,
  },
  {
    name: 'consistency over 12 months, all counties',
    user: 'analyst',
    body: fixed(`query Consistency {
      consistency(from: "2026-01", to: "2026-12") { counties { countyName verdict mean standardDeviation reversals missedMonths burstiness findings { rule months } } }
    }`),
    concurrent: false,
  },
];

/**
 * Analytics on a prefecture-scale history (`npm run seed:scale`), as of today and as of a date
 * a year back: what must stay fast however long the history grows.
 */
function scaleScenarios(): Scenario[] {
  const now = new Intl.DateTimeFormat('en-CA', { timeZone: process.env.LUOSHI_TIME_ZONE || 'Asia/Shanghai' }).format(new Date());
  const year = Number(now.slice(0, 4));
  const month = now.slice(0, 7);
  const lastYearMonth = `${year - 1}${month.slice(4)}`;
  const yearBack = new Date(Date.UTC(year - 1, Number(now.slice(5, 7)), 0)).toISOString().slice(0, 10); // end of that month a year back
  const analytics = (label: string, asOf: string, period: string, bulletinPeriod: string): Scenario[] => [
    { name: `scale ${label}: scoreboard(period: "${period}")`, user: 'analyst', concurrent: false, body: fixed(`{ scoreboard(period: "${period}") { asOf unitsRanked entries { rank unitName scheduleScore red yellow } } }`) },
    { name: `scale ${label}: targetStats(groupBy: [COUNTY, WARNING], asOf: ${asOf})`, user: 'analyst', concurrent: false, body: fixed(`query($d: LocalDate!) { targetStats(groupBy: [COUNTY, WARNING], asOf: $d) { countyName warning count meanProgress } }`, { d: asOf }) },
    { name: `scale ${label}: live bulletin(period: "${bulletinPeriod}")`, user: 'region', concurrent: false, body: fixed(`{ bulletin(period: "${bulletinPeriod}") { live content { asOf ranking { rank unitName } redTargets { title countyName } notices { level } } } }`) },
    { name: `scale ${label}: RED targets page (asOf ${asOf})`, user: 'region', concurrent: false, body: fixed(`query($d: LocalDate!) { targets(filter: { warning: { eq: RED } }, asOf: $d, orderBy: [{ field: DEADLINE }], limit: 100) { total items { title deadline progress(asOf: $d) responsibleCounty { name } } } }`, { d: asOf }) },
    { name: `scale ${label}: targets sorted by progress (asOf ${asOf})`, user: 'region', concurrent: false, body: fixed(`query($d: LocalDate!) { targets(filter: { status: { in: [IN_PROGRESS, OVERDUE] } }, asOf: $d, orderBy: [{ field: PROGRESS }], limit: 50) { total items { title progress(asOf: $d) status(asOf: $d) } } }`, { d: asOf }) },
  ];
  return [
    ...analytics('today', now, String(year), month),
    ...analytics('a year back', yearBack, String(year - 1), lastYearMonth),
    // The warm-up computes what changed; the requests measured find the drafts unchanged (what a second click costs).
    { name: 'scale: computeAssessments for a county (江孜县)', user: 'region', concurrent: false, body: fixed(`mutation { computeAssessments(period: "${year}", filter: { countyCode: { eq: "540222" } }) { id } }`) },
    // Two users taking turns: every request finds all 2,775 drafts with the same figures but
    // another computing user, and gives each the new stamp (an UPDATE and an event per draft),
    // as the first computation of a new day does when no figure moved.
    { name: 'scale: computeAssessments for a county, users taking turns (every draft restamped)', user: null, users: ['region', 'admin'], concurrent: false, body: fixed(`mutation { computeAssessments(period: "${year}", filter: { countyCode: { eq: "540222" } }) { id } }`) },
    { name: 'scale: assessmentRanking of the region', user: 'analyst', concurrent: false, body: fixed(`{ assessmentRanking(period: "${year}") { tierCounts { tier count } } }`) },
    { name: 'scale: consistency over 12 months', user: 'analyst', concurrent: false, body: fixed(`{ consistency(from: "${lastYearMonth}", to: "${month}") { counties { countyName verdict } } }`) },
  ];
}

function exampleScenarios(): Scenario[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(EXAMPLES_DIR, file), 'utf8');
      const role = /^# role: (\S+)/m.exec(text)?.[1];
      if (!role) throw new Error(`schema/examples/${file} has no "# role:" header`);
      return { name: `example ${file} (${role})`, user: role, body: fixed(text), concurrent: false };
    });
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Result {
  scenario: string;
  mode: string;
  n: number;
  /** Iterations asked for; more than n when the scenario hit BENCH_SCENARIO_SECONDS. */
  planned: number;
  wallMs: number;
  samples: Sample[];
}

const errorLog: { database: string; scenario: string; message: string; count: number }[] = [];
let errorCount = 0;

function noteErrors(database: string, scenario: string, sample: Sample): void {
  if (sample.errors.length === 0) return;
  errorCount += 1;
  for (const message of sample.errors) {
    const known = errorLog.find((e) => e.database === database && e.scenario === scenario && e.message === message);
    if (known) known.count += 1;
    else errorLog.push({ database, scenario, message, count: 1 });
  }
}

async function run(client: Client, database: string, s: Scenario, mode: 'sequential' | 'concurrent'): Promise<Result> {
  const tokens = s.users ? await Promise.all(s.users.map((u) => client.token(u))) : [s.user ? await client.token(s.user) : null];
  const tokenOf = (i: number) => tokens[i % tokens.length];
  let sent = 0; // requests sent, warm-up included: the turn of the next one
  const n = mode === 'sequential' ? (s.iterations ?? ITERATIONS) : (s.concurrentIterations ?? CONCURRENT_ITERATIONS);
  const workers = mode === 'sequential' ? 1 : CONCURRENCY;
  // Sequential runs use body(-1), concurrent ones body(i): only login varies (its user).
  const bodyOf = (i: number) => JSON.stringify(s.body(mode === 'sequential' ? -1 : i));

  // Warm-up: WARMUP requests, cut short after a quarter of the scenario's time budget.
  const warmupEnd = performance.now() + (SCENARIO_SECONDS * 1000) / 4;
  for (let i = 0; i < WARMUP && (i === 0 || SCENARIO_SECONDS === 0 || performance.now() < warmupEnd); i++) {
    noteErrors(database, s.name, await post(client.graphql, bodyOf(i), tokenOf(sent++)));
  }

  const samples: Sample[] = [];
  let next = 0;
  const start = performance.now();
  const deadline = start + SCENARIO_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: Math.min(workers, Math.max(n, 1)) }, async () => {
      while (next < n && (SCENARIO_SECONDS === 0 || performance.now() < deadline)) {
        const i = next++;
        const sample = await post(client.graphql, bodyOf(i), tokenOf(sent++));
        noteErrors(database, s.name, sample);
        samples.push({ ms: sample.ms, bytes: sample.bytes, sql: sample.sql, errors: sample.errors });
      }
    }),
  );
  return { scenario: s.name, mode: mode === 'sequential' ? 'seq' : `c${CONCURRENCY}`, n: samples.length, planned: n, wallMs: performance.now() - start, samples };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const ms = (x: number) => (Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const kb = (bytes: number) => (bytes < 1024 ? `${bytes.toFixed(0)} B` : `${(bytes / 1024).toFixed(1)} KB`);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function row(r: Result): string {
  const times = r.samples.map((s) => s.ms).sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / (times.length || 1);
  const sqls = r.samples.map((s) => s.sql).filter((x): x is number => x !== null);
  const sqlMin = Math.min(...sqls);
  const sqlMax = Math.max(...sqls);
  const sql = sqls.length === 0 ? '–' : sqlMin === sqlMax ? String(sqlMin) : `${sqlMin}–${sqlMax}`;
  const bytes = r.samples.reduce((a, s) => a + s.bytes, 0) / (r.samples.length || 1);
  const rps = r.n / (r.wallMs / 1000);
  const failed = r.samples.filter((s) => s.errors.length).length;
  const capped = r.n < r.planned ? ` of ${r.planned}, time cap` : '';
  return `| ${r.scenario} | ${r.mode} | ${r.n}${capped}${failed ? ` (${failed} with errors)` : ''} | ${ms(mean)} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 95))} | ${ms(times[times.length - 1] ?? NaN)} | ${rps.toFixed(1)} | ${sql} | ${kb(bytes)} |`;
}

// ---------------------------------------------------------------------------------------------
// Memory

interface MemoryPoint {
  label: string;
  rss: number;
  heapUsed: number;
}
const memory: MemoryPoint[] = [];

/** A full garbage collection before each reading, so heap used is live data, not garbage. */
const collectGarbage: () => void = (() => {
  try {
    v8.setFlagsFromString('--expose_gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return () => undefined;
  }
})();

function memoryPoint(label: string): void {
  collectGarbage();
  const m = process.memoryUsage();
  memory.push({ label, rss: m.rss, heapUsed: m.heapUsed });
}

// ---------------------------------------------------------------------------------------------
// One database

interface DatabaseRun {
  kind: string;
  version: string;
  startMs: number;
  restartMs: number | null;
  dataSet: string;
  results: Result[];
  notes: string[];
  /** Luoshi against the raw handler (bench/side-by-side.ts), when run. */
  side?: SideBySide;
}

/** The side-by-side comparison runs unless BENCH_SIDE_ROUNDS=0 or BENCH_SCENARIOS leaves it out. */
const SIDE_SELECTED = SIDE_ROUNDS > 0 && (ONLY.length === 0 || ONLY.some((part) => 'side-by-side'.includes(part)));

function configFor(databaseUrl: string, jwtSecret: string): AppConfig {
  return {
    databaseUrl,
    port: 0,
    seed: 'demo',
    jwtSecret,
    adminPassword: null,
    production: true,
    queryCostLimit: 50_000,
    queryDepthLimit: 10,
    exposeSqlStatements: true,
    adminDir: join(os.tmpdir(), 'luoshi-bench-no-admin'),
    logSql: false,
  };
}

async function dataSetOf(app: App): Promise<{ summary: string; targets: number }> {
  const parts: string[] = [];
  let targets = 0;
  for (const meta of app.db.entityMetadatas) {
    const count = await app.db.getRepository(meta.target).count({ withDeleted: true } as never);
    if (meta.name === 'Target') targets = count;
    if (count > 0) parts.push(`${meta.name} ${count}`);
  }
  return { summary: parts.join(', '), targets };
}

async function benchDatabase(kind: 'SQLite' | 'MariaDB', databaseUrl: string, scale = false): Promise<DatabaseRun> {
  const jwtSecret = randomBytes(16).toString('hex');
  progress(`${kind}: migrate + ${scale ? 'open the scale set' : 'seed'} + start`);
  const t0 = performance.now();
  const config = (): AppConfig => ({ ...configFor(databaseUrl, jwtSecret), ...(scale ? { seed: 'none' as const } : {}) });
  let app: App | null = await createApp(config());
  const startMs = performance.now() - t0;
  memoryPoint(`${kind}: after migrations + demo seed + start`);

  let restartMs: number | null = null;
  try {
    const version =
      kind === 'SQLite'
        ? `SQLite ${(await app.db.query('SELECT sqlite_version() AS v'))[0].v} (better-sqlite3, WAL)`
        : `MariaDB ${(await app.db.query('SELECT VERSION() AS v'))[0].v}, optimizer_switch ${/split_materialized=\w+/.exec((await app.db.query('SELECT @@optimizer_switch AS s'))[0].s)?.[0] ?? '?'}`;
    const notes: string[] = [];
    if (kind === 'MariaDB') {
      // InnoDB recomputes table statistics in the background some seconds after the seed, and
      // the optimizer's plans change with them: measure with the statistics a running system has.
      for (const meta of app.db.entityMetadatas) await app.db.query(`ANALYZE TABLE \`${meta.tableName}\``);
      notes.push('ANALYZE TABLE was run on every table after the seed (not counted in the start time), so that the plans measured are those of a running system rather than of the first seconds after the seed.');
    }
    if (scale) {
      // The month-end snapshots a running server builds in the background after start.
      const t = performance.now();
      await app.snapshots.turnDay();
      await app.snapshots.runOnce();
      notes.push(`today's stored status and warning, the month-end snapshots of the last closed months and their consistency figures were built (or found) in ${((performance.now() - t) / 1000).toFixed(1)} s after start, before the scenarios.`);
    }
    const client = new Client(app.url);
    const data = await dataSetOf(app);
    if (data.targets === 0) notes.push('the demo data holds no targets: the target scenarios measured empty results.');

    const scenarios = (scale ? scaleScenarios() : [...CORE_SCENARIOS, ...exampleScenarios()]).filter((s) => ONLY.length === 0 || ONLY.some((part) => s.name.includes(part)));
    const results: Result[] = [];
    progress(`${kind}: ${scenarios.length} scenarios, one request at a time`);
    for (const s of scenarios) {
      if (VERBOSE) progress(`${kind}: ${s.name}`);
      if ((s.iterations ?? ITERATIONS) > 0) results.push(await run(client, kind, s, 'sequential'));
    }
    progress(`${kind}: ${scenarios.filter((x) => x.concurrent).length} scenarios, ${CONCURRENCY} requests in flight`);
    for (const s of scenarios.filter((x) => x.concurrent)) {
      if (VERBOSE) progress(`${kind}: ${s.name} ×${CONCURRENCY}`);
      if ((s.concurrentIterations ?? CONCURRENT_ITERATIONS) > 0) results.push(await run(client, kind, s, 'concurrent'));
    }
    if (!scale) {
      const bulletin = await client.ok({ query: '{ bulletin(period: "2026-10") { live } }' }, await client.token('region'));
      if (bulletin.bulletin && !bulletin.bulletin.live) notes.push('bulletin 2026-10 is a published snapshot, not the live computation.');
    }
    memoryPoint(`${kind}: after the scenarios`);

    await app.close();
    app = null;
    let side: SideBySide | undefined;
    if (SIDE_SELECTED) {
      progress(`${kind}: side by side with the raw handler`);
      side = await sideBySide(config(), progress);
      const failed = sideBySideFailures(side);
      if (failed > 0) {
        errorCount += failed;
        errorLog.push({ database: kind, scenario: 'side by side', message: 'responses other than HTTP 200 with data', count: failed });
      }
    }
    progress(`${kind}: restart on the seeded database`);
    const t1 = performance.now();
    const again = await createApp(config());
    restartMs = performance.now() - t1;
    await again.close();
    return { kind: scale ? `${kind}, scale set` : kind, version, startMs, restartMs, dataSet: data.summary, results, notes, side };
  } finally {
    if (app) await app.close();
  }
}

async function mariadbAnswers(): Promise<string | null> {
  try {
    const connection = await mysql.createConnection({ ...MARIADB, connectTimeout: 2000 });
    await connection.query('SELECT 1');
    await connection.end();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

// ---------------------------------------------------------------------------------------------
// Main

function report(runs: DatabaseRun[], skipped: string[], startedAt: Date, totalMs: number, loadAtStart: number[]): string {
  const cpus = os.cpus();
  const out: string[] = [];
  out.push(`# Luoshi benchmark, ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`, '');
  out.push('| | |', '|---|---|');
  out.push(`| machine | ${cpus.length} × ${cpus[0]?.model.trim() ?? '?'}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB RAM, ${os.type()} ${os.release()} |`);
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  out.push(`| load average (1/5/15 min) | at start ${load(loadAtStart)}; at the end ${load(os.loadavg())} |`);
  out.push(`| Node.js | ${process.version} |`);
  out.push(`| settings | ${ITERATIONS} sequential iterations (login: ${LOGIN_ITERATIONS}) after ${WARMUP} warm-up requests (fewer when slow); concurrent runs: ${CONCURRENT_ITERATIONS} requests (login: ${LOGIN_CONCURRENT_ITERATIONS}) with ${CONCURRENCY} in flight; each scenario stops after ${SCENARIO_SECONDS} s; asOf ${AS_OF} |`);
  out.push(`| whole run | ${(totalMs / 1000).toFixed(0)} s |`);
  out.push('');
  out.push('Latencies are in ms, measured by the client from sending the request to reading the whole body, over HTTP on localhost; the server runs in the same Node.js process as the client. SQL/req is `extensions.sqlStatements` (the request\'s statements, including the one that checks the token). seq: one request at a time; c8: 8 in flight.', '');
  for (const r of runs) {
    out.push(`## ${r.kind}`, '');
    out.push(`- database: ${r.version}`);
    out.push(`- start on an empty database (migrations + demo seed + listen): ${(r.startMs / 1000).toFixed(2)} s; restart on the seeded database: ${r.restartMs === null ? '–' : `${(r.restartMs / 1000).toFixed(2)} s`}`);
    out.push(`- rows: ${r.dataSet}`);
    for (const note of r.notes) out.push(`- note: ${note}`);
    out.push('');
    out.push('| scenario | mode | n | mean | p50 | p95 | max | req/s | SQL/req | response |', '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|');
    for (const result of r.results) out.push(row(result));
    out.push('');
    if (r.side) out.push(`### ${r.kind}: Luoshi against the raw handler`, '', ...sideBySideReport(r.side));
  }
  for (const s of skipped) out.push(`- ${s}`);
  if (skipped.length) out.push('');
  out.push('## Memory', '', 'process.memoryUsage() after a full garbage collection, of the one process that holds the server and the benchmark client (the client\'s share is small: it keeps only timings and sizes).', '');
  out.push('| point | RSS MB | heap used MB |', '|---|--:|--:|');
  for (const m of memory) out.push(`| ${m.label} | ${mb(m.rss)} | ${mb(m.heapUsed)} |`);
  out.push('');
  out.push('## GraphQL errors', '');
  if (errorLog.length === 0) out.push('None.');
  else {
    out.push(`${errorCount} responses carried errors.`, '', '| database | scenario | error | times |', '|---|---|---|--:|');
    for (const e of errorLog) out.push(`| ${e.database} | ${e.scenario} | ${e.message.replace(/\|/g, '\\|').slice(0, 200)} | ${e.count} |`);
  }
  out.push('');
  return out.join('\n');
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadAtStart = os.loadavg();
  const t0 = performance.now();
  memoryPoint('before any server');
  const runs: DatabaseRun[] = [];
  const skipped: string[] = [];
  const processRuns: string[] = [];

  if (DATABASES.includes('sqlite')) {
    const dir = mkdtempSync(join(os.tmpdir(), 'luoshi-bench-'));
    try {
      runs.push(await benchDatabase('SQLite', `sqlite:${join(dir, 'bench.sqlite')}`));
      processRuns.push(await benchWrites('SQLite', `sqlite:${join(dir, 'bench.sqlite')}`)); // the server in a process of its own; writes
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  if (DATABASES.includes('mariadb')) {
    const why = await mariadbAnswers();
    if (why) skipped.push(`MariaDB: skipped, nothing answers at ${MARIADB.host}:${MARIADB.port} (${why}).`);
    else {
      const name = `luoshi_bench_${randomBytes(6).toString('hex')}`;
      const user = encodeURIComponent(MARIADB.user) + (MARIADB.password ? `:${encodeURIComponent(MARIADB.password)}` : '');
      try {
        runs.push(await benchDatabase('MariaDB', `mariadb://${user}@${MARIADB.host}:${MARIADB.port}/${name}`));
        processRuns.push(await benchWrites('MariaDB', `mariadb://${user}@${MARIADB.host}:${MARIADB.port}/${name}`));
      } finally {
        const connection = await mysql.createConnection(MARIADB);
        await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await connection.end();
      }
    }
  }

  // Pre-loaded prefecture-scale sets (npm run seed:scale), measured as they are, never dropped.
  for (const url of (process.env.BENCH_SCALE_URLS || '').split(',').map((u) => u.trim()).filter(Boolean)) {
    runs.push(await benchDatabase(url.startsWith('sqlite:') ? 'SQLite' : 'MariaDB', url, true));
    processRuns.push(await benchServerProcess(url.startsWith('sqlite:') ? 'SQLite' : 'MariaDB', url));
  }

  memoryPoint('end, servers closed');
  process.stdout.write(report(runs, skipped, startedAt, performance.now() - t0, loadAtStart) + '\n');
  if (processRuns.length) process.stdout.write(`## The server in its own process: start-up, peak RSS, writes (bench/writes.ts)\n\n${processRuns.join('\n')}\n`);
  if (writeFailures > 0) process.exitCode = 1; // a write refused, lost or mis-counted
  if (errorCount > 0) {
    progress(`${errorCount} responses carried GraphQL errors`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
