import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from '../../config.js';
import { RAW_REQUESTS } from './raw-handler.js';
import { whole } from './settings.js';

/**
 * "Request path against a raw handler" (docs/performance.md): Luoshi and the raw handler
 * (raw-handler.ts), each in a process of its own on the same database, answer the same two
 * requests with the same token; the benchmark process is only the client. Rounds alternate
 * Luoshi and raw, each round the same number of requests with CONNECTIONS in flight over
 * keep-alive connections. Both answers are compared byte for byte once, before measuring.
 * Both servers run with NODE_ENV=production, as deployed (docs/deployment.md).
 */


export const SIDE_ROUNDS = whole('BENCH_SIDE_ROUNDS', 3);
const REQUESTS = whole('BENCH_SIDE_REQUESTS', 400);
const CONNECTIONS = Math.max(1, whole('BENCH_SIDE_CONNECTIONS', 16));
const WARMUP = whole('BENCH_SIDE_WARMUP', 200);
/** A folder: both servers run with `node --cpu-prof` and leave their profiles there. */
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF || '';
/** `cadres` or `hierarchy`: only that request (e.g. to profile it alone). */
const ONLY_REQUEST = process.env.BENCH_SIDE_REQUEST || '';

const SERVE = fileURLToPath(new URL('./serve.js', import.meta.url));

interface Server {
  name: 'Luoshi' | 'raw';
  url: string;
  child: ChildProcess;
}

async function spawnServer(name: Server['name'], config: AppConfig): Promise<Server> {
  const args = [...(CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`] : []), SERVE, name === 'Luoshi' ? 'luoshi' : 'raw'];
  const child = spawn(process.execPath, args, { env: { ...process.env, NODE_ENV: 'production', BENCH_SERVE_CONFIG: JSON.stringify(config) }, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} server exited with ${code} before listening`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
  });
  return { name, url, child };
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  server.child.stdin!.end(); // serve.ts closes and exits (and writes its CPU profile)
  await exited;
}

/** CPU time (user + system, ms) a server process has used so far (Linux /proc; null elsewhere). */
function cpuMs(child: ChildProcess): number | null {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });

interface Reply {
  status: number;
  text: string;
  ms: number;
}

function post(url: string, body: string, token: string | null): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    if (token) headers.authorization = `Bearer ${token}`;
    const req = request(`${url}/graphql`, { method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - t0 }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const STATEMENTS = /,"extensions":\{"sqlStatements":(\d+)\}\}\n?$/;
/** The answer without the statement count (which the two servers report each for itself). */
const dataOf = (text: string) => text.replace(STATEMENTS, '}\n');

export interface SideRun {
  round: number;
  server: Server['name'];
  request: string;
  n: number;
  failed: number;
  wallMs: number;
  times: number[];
  sql: number[];
  bytes: number;
  /** CPU time the server process used during the run, ms (null when unknown). */
  cpuMs: number | null;
}

export interface SideBySide {
  runs: SideRun[];
  connections: number;
  requests: number;
  rounds: number;
}

async function measure(server: Server, body: string, token: string, n: number): Promise<Omit<SideRun, 'round' | 'request'>> {
  const times: number[] = [];
  const sql: number[] = [];
  let failed = 0;
  let bytes = 0;
  let next = 0;
  const cpuBefore = cpuMs(server.child);
  const start = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(CONNECTIONS, Math.max(n, 1)) }, async () => {
      while (next < n) {
        next += 1;
        const reply = await post(server.url, body, token);
        times.push(reply.ms);
        bytes = Buffer.byteLength(reply.text);
        const count = STATEMENTS.exec(reply.text.slice(-64));
        if (count) sql.push(Number(count[1]));
        if (reply.status !== 200 || !reply.text.startsWith('{"data":')) failed += 1;
      }
    }),
  );
  const wallMs = performance.now() - start;
  const cpuAfter = cpuMs(server.child);
  return { server: server.name, n, failed, wallMs, times, sql, bytes, cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

/**
 * Runs the comparison on a database Luoshi has already migrated (and seeded): both servers
 * are started on it with `config`'s secret; `region` logs in through Luoshi.
 */
export async function sideBySide(config: AppConfig, progress: (line: string) => void): Promise<SideBySide> {
  const childConfig: AppConfig = { ...config, port: 0, seed: 'none', exposeSqlStatements: true };
  const luoshi = await spawnServer('Luoshi', childConfig);
  const raw = await spawnServer('raw', childConfig);
  try {
    const login = await post(luoshi.url, JSON.stringify({ query: 'mutation L($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: 'region', p: 'demo' } }), null);
    const token = (JSON.parse(login.text) as { data?: { login?: { token?: string } } }).data?.login?.token;
    if (!token) throw new Error(`side-by-side: login failed: ${login.text.slice(0, 300)}`);

    const runs: SideRun[] = [];
    for (const [kind, r] of Object.entries(RAW_REQUESTS)) {
      if (ONLY_REQUEST && ONLY_REQUEST !== kind) continue;
      const body = JSON.stringify({ query: r.query });
      // The same bytes from both, or the comparison means nothing.
      const [a, b] = [await post(luoshi.url, body, token), await post(raw.url, body, token)];
      if (a.status !== 200 || b.status !== 200 || dataOf(a.text) !== dataOf(b.text)) {
        const [x, y] = [dataOf(a.text), dataOf(b.text)];
        let i = 0;
        while (i < x.length && x[i] === y[i]) i++;
        throw new Error(`side-by-side: "${r.name}": Luoshi (HTTP ${a.status}, ${x.length} B) and the raw handler (HTTP ${b.status}, ${y.length} B) answer differently from byte ${i}:\n  Luoshi: …${x.slice(Math.max(0, i - 80), i + 120)}\n  raw:    …${y.slice(Math.max(0, i - 80), i + 120)}`);
      }
      progress(`side-by-side: ${r.name}: same ${Buffer.byteLength(dataOf(a.text))} bytes from both; warm-up`);
      for (const server of [luoshi, raw]) await measure(server, body, token, WARMUP);
      for (let round = 1; round <= SIDE_ROUNDS; round++) {
        for (const server of [luoshi, raw]) {
          const run = await measure(server, body, token, REQUESTS);
          runs.push({ ...run, round, request: r.name });
        }
        const [l, w] = runs.slice(-2);
        const cpu = (x: SideRun) => (x.cpuMs === null ? '?' : (x.cpuMs / x.n).toFixed(2));
        progress(`side-by-side: ${r.name}, round ${round}: Luoshi ${((l.n * 1000) / l.wallMs).toFixed(0)} req/s (${cpu(l)} CPU ms/req), raw ${((w.n * 1000) / w.wallMs).toFixed(0)} req/s (${cpu(w)} CPU ms/req)`);
      }
    }
    return { runs, connections: CONNECTIONS, requests: REQUESTS, rounds: SIDE_ROUNDS };
  } finally {
    await stopServer(luoshi);
    await stopServer(raw);
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
}
const ms = (x: number) => (Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const range = (xs: number[]) => (xs.length === 0 ? '–' : Math.min(...xs) === Math.max(...xs) ? String(xs[0]) : `${Math.min(...xs)}–${Math.max(...xs)}`);

/** The Markdown of one database's comparison: per round, then overall. */
export function sideBySideReport(result: SideBySide): string[] {
  const out: string[] = [];
  out.push(`Side by side: ${result.rounds} rounds, each ${result.requests} requests to Luoshi then ${result.requests} to the raw handler, ${result.connections} in flight (keep-alive connections); each server in its own process, the benchmark process is the client. Ratio = Luoshi req/s ÷ raw req/s. Server CPU: user + system time of the server's process during the run, per request.`, '');
  out.push('| request | round | server | n | req/s | p50 | p95 | p99 | server CPU ms/req | SQL/req | response | Luoshi/raw |', '|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  const rps = (runs: SideRun[]) => runs.reduce((a, r) => a + r.n, 0) / (runs.reduce((a, r) => a + r.wallMs, 0) / 1000);
  const line = (request: string, round: string, runs: SideRun[], ratio: string) => {
    const times = runs.flatMap((r) => r.times).sort((a, b) => a - b);
    const failed = runs.reduce((a, r) => a + r.failed, 0);
    const n = runs.reduce((a, r) => a + r.n, 0);
    const cpu = runs.some((r) => r.cpuMs === null) ? '–' : (runs.reduce((a, r) => a + r.cpuMs!, 0) / n).toFixed(2);
    out.push(`| ${request} | ${round} | ${runs[0].server} | ${n}${failed ? ` (${failed} failed)` : ''} | ${rps(runs).toFixed(0)} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 95))} | ${ms(percentile(times, 99))} | ${cpu} | ${range(runs.flatMap((r) => r.sql))} | ${(runs[0].bytes / 1024).toFixed(1)} KB | ${ratio} |`);
  };
  for (const request of [...new Set(result.runs.map((r) => r.request))]) {
    const of = result.runs.filter((r) => r.request === request);
    for (let round = 1; round <= result.rounds; round++) {
      const l = of.filter((r) => r.round === round && r.server === 'Luoshi');
      const w = of.filter((r) => r.round === round && r.server === 'raw');
      line(request, String(round), l, (rps(l) / rps(w)).toFixed(2));
      line(request, String(round), w, '');
    }
    const l = of.filter((r) => r.server === 'Luoshi');
    const w = of.filter((r) => r.server === 'raw');
    line(request, 'all', l, `**${(rps(l) / rps(w)).toFixed(2)}**`);
    line(request, 'all', w, '');
  }
  out.push('');
  return out;
}

/** Responses that failed (not HTTP 200 with data) in any run. */
export const sideBySideFailures = (result: SideBySide) => result.runs.reduce((a, r) => a + r.failed, 0);
