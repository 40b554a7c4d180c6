import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';

/**
 * The README's tour, run as written on a fresh demo database: every statement in order, as
 * `region` unless the comment before it says "as <user>". A step that fails here fails for
 * a new user copying it.
 */
interface Step {
  query: string;
  user: string;
  comment: string;
}

function tourSteps(): Step[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## A short tour of the API'));
  const block = /```graphql\n([\s\S]*?)```/.exec(section)![1];
  const steps: Step[] = [];
  let comment = '';
  let current = '';
  let depth = 0;
  for (const line of block.split('\n')) {
    if (depth === 0 && line.trim().startsWith('#')) {
      comment = current ? comment : `${comment} ${line.trim().slice(1).trim()}`.trim();
      continue;
    }
    if (depth === 0 && !line.trim()) continue;
    current += `${line}\n`;
    for (const ch of line.replace(/"(?:[^"\\]|\\.)*"/g, '""')) {
      if (ch === '{') depth++;
      if (ch === '}') depth--;
    }
    if (depth === 0 && current.trim()) {
      const as = /\bas (county-\d{6}|region|admin|analyst)\b/.exec(comment);
      steps.push({ query: current.trim(), user: as ? as[1] : 'region', comment });
      current = '';
      comment = '';
    }
  }
  return steps;
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

describe('the README tour', () => {
  it('runs as written, step by step, on a fresh demo database', async () => {
    const steps = tourSteps();
    expect(steps.length).toBeGreaterThan(15);
    expect(steps.some((s) => s.query.startsWith('mutation'))).toBe(true);
    const failures: string[] = [];
    for (const step of steps) {
      const result = await server.gql(step.query, {}, { token: await server.token(step.user) });
      if (result.errors?.length) failures.push(`${step.user}: ${step.query.slice(0, 80)} → ${result.errors.map((e) => e.message).join('; ')}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('the README settings table', () => {
  it('lists every environment variable the server reads', () => {
    const root = new URL('../../server/src/', import.meta.url).pathname;
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const path = join(dir, f);
        if (statSync(path).isDirectory()) return f === 'scripts' ? [] : files(path); // tools document their own settings
        return path.endsWith('.ts') ? [path] : [];
      });
    const read = new Set<string>();
    for (const file of files(root)) for (const m of readFileSync(file, 'utf8').matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)) read.add(m[1]);
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const listed = new Set([...readme.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]));
    expect(read.size).toBeGreaterThan(10);
    expect([...read].filter((name) => !listed.has(name)).sort()).toEqual([]);
  });
});

describe('the project stands alone', () => {
  it('its README, docs, schema and code point at nothing outside the repository', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const walk = (dir: string): string[] =>
      readdirSync(join(root, dir)).flatMap((f) => {
        const path = join(dir, f);
        if (statSync(join(root, path)).isDirectory()) return ['node_modules', 'dist', 'screenshots'].includes(f) ? [] : walk(path);
        return /\.(md|ts|tsx|graphql)$/.test(f) ? [path] : [];
      });
    const files = ['README.md', ...walk('docs'), ...walk('schema'), ...walk('server/src'), ...walk('admin/src'), ...walk('test')];
    const outside = /\.\.\/shared|\bDESIGN\.md|\bMISSION\.md|\bSTYLE\.md|\bSTACK\.md|(?<!docs\/)\bAPI\.md/;
    const offenders = files.filter((f) => f !== 'test/server/readme-tour.test.ts' && outside.test(readFileSync(join(root, f), 'utf8')));
    expect(files.length).toBeGreaterThan(100);
    expect(offenders).toEqual([]);
  });
});
