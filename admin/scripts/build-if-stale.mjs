#!/usr/bin/env node
/**
 * Builds the console into admin/dist when it is missing or older than its sources (so
 * `npm start` stays quick when nothing changed). `--force` always builds.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const admin = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(admin, '..');
const built = join(admin, 'dist', 'index.html');

const newest = (path) => {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
};

const sources = [join(admin, 'src'), join(admin, 'index.html'), join(admin, 'vite.config.ts'), join(root, 'package-lock.json')];
const force = process.argv.includes('--force');
const stale = force || !existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs;

if (!stale) {
  console.log('console: admin/dist is up to date');
} else {
  // Always a production bundle, also when started from vitest (which sets NODE_ENV=test).
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  console.log('console: building admin/dist …');
  await build({ configFile: join(admin, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  console.log('console: built admin/dist');
}
