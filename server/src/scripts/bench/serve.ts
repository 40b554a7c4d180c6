import 'reflect-metadata';
import { createApp } from '../../app.js';
import type { AppConfig } from '../../config.js';
import { startRawHandler } from './raw-handler.js';

/**
 * One server of the side-by-side benchmark, in a process of its own (bench.ts starts it):
 * `node serve.js luoshi` or `node serve.js raw`, configured by the JSON in BENCH_SERVE_CONFIG
 * (an AppConfig for Luoshi; databaseUrl, jwtSecret and exposeSqlStatements for the raw
 * handler). Prints one line `{"url": …}` on stdout once it listens; closes on SIGTERM or when
 * stdin closes (the benchmark ended). `node --cpu-prof serve.js …` profiles a server alone.
 */

const kind = process.argv[2];
const config = JSON.parse(process.env.BENCH_SERVE_CONFIG ?? '{}') as AppConfig;
// Start-up chatter (migrations) stays off stdout, which carries the one line the benchmark reads.
const quiet = process.env.BENCH_VERBOSE === '1' ? (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`) : () => undefined;
console.log = console.info = quiet;

let close: () => Promise<void>;
if (kind === 'luoshi') {
  const app = await createApp(config);
  // The month-end snapshots a running server builds in the background: done before measuring.
  await app.snapshots.runOnce();
  close = () => app.close();
  process.stdout.write(`${JSON.stringify({ url: app.url })}\n`);
} else if (kind === 'raw') {
  const raw = await startRawHandler({ databaseUrl: config.databaseUrl, jwtSecret: config.jwtSecret, exposeSqlStatements: config.exposeSqlStatements, statementTimeoutMs: config.statementTimeoutMs });
  close = () => raw.close();
  process.stdout.write(`${JSON.stringify({ url: raw.url })}\n`);
} else {
  throw new Error(`usage: serve.js luoshi|raw (got ${kind})`);
}

let closing = false;
const stop = async () => {
  if (closing) return;
  closing = true;
  await close().catch(() => undefined);
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.resume();
