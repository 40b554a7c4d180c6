import 'reflect-metadata';
import { openDatabase } from '../db/data-source.js';
import { seedScale } from '../db/seed/scale.js';

/**
 * Loads a prefecture's five-year history into an empty database, for benchmarks:
 *
 *   DATABASE_URL=mariadb://root@127.0.0.1:3306/luoshi_scale npm run seed:scale -- [--scale 1] [--seed 540200]
 *
 * `--scale 0.1` makes a tenth of it. The database is migrated first and must hold no data.
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} must be a positive number`);
    process.exit(2);
  }
  return value;
};
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('usage: DATABASE_URL=… npm run seed:scale -- [--scale 1] [--seed 540200]');
  process.exit(2);
}
const scale = arg('scale', 1);
const seed = arg('seed', 540200);

const db = await openDatabase(url);
const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM region');
if (Number(n) > 0) {
  console.error('The database already holds data: seed:scale loads an empty database only.');
  await db.destroy();
  process.exit(1);
}

const started = Date.now();
let last = '';
let lastTenth = -1;
const bar = (table: string, done: number, total: number) => {
  const tenth = total ? Math.floor((10 * done) / total) : 10;
  const width = 30;
  const filled = total ? Math.round((width * done) / total) : width;
  const line = `${table.padEnd(22)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')}  ${((Date.now() - started) / 1000).toFixed(0)} s`;
  if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
  else if (table !== last || tenth !== lastTenth) console.log(line);
  lastTenth = tenth;
  if (table !== last && process.stdout.isTTY && last) process.stdout.write('\n');
  last = table;
};
const counts = await seedScale(db, { scale, seed, onProgress: bar });
if (process.stdout.isTTY) process.stdout.write('\n');
console.log(`Loaded in ${((Date.now() - started) / 1000).toFixed(1)} s (scale ${scale}, seed ${seed}):`);
for (const [k, v] of Object.entries(counts)) console.log(`  ${k.padEnd(22)} ${v.toLocaleString('en')}`);
console.log('Logins: admin, region, analyst, county-<code>; password "demo".');
await db.destroy();
