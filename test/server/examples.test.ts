import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';

/**
 * Every saved analyst query in schema/examples runs against the demo data as the role its
 * header names (`# role: <demo user>`), without errors; the checks below pin what each finds.
 */
const DIR = 'schema/examples';
const examples = readdirSync(DIR).filter((f) => f.endsWith('.graphql')).sort();

let server: TestServer;
const results = new Map<string, any>();

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

async function run(file: string) {
  const text = readFileSync(join(DIR, file), 'utf8');
  const role = /^# role: (\S+)/m.exec(text)?.[1];
  if (!role) throw new Error(`${file} has no "# role:" header`);
  const result = await server.gql(text, {}, { token: await server.token(role) });
  expect(result.errors, file).toBeUndefined();
  results.set(file, result.data);
  return result.data;
}

describe('schema/examples', () => {
  it.each(examples)('%s runs without errors', async (file) => {
    await run(file);
  });

  it('county-hierarchy lists 江孜县 with its departments and cadres', async () => {
    const data = results.get('county-hierarchy.graphql') ?? (await run('county-hierarchy.graphql'));
    const county = data.counties.items[0];
    expect(county.name).toBe('江孜县');
    expect(county.departments.total).toBe(8);
    expect(county.departments.items.flatMap((d: any) => d.cadres.items).length).toBeGreaterThan(15);
  });

  it('cadres-under-40-by-county finds only cadres born from 1986 in organization posts', async () => {
    const data = results.get('cadres-under-40-by-county.graphql') ?? (await run('cadres-under-40-by-county.graphql'));
    expect(data.cadres.total).toBeGreaterThan(0);
    for (const c of data.cadres.items) {
      expect(c.birthDate >= '1986-01-01').toBe(true);
      expect(/组织|部长/.test(c.position)).toBe(true);
    }
  });
});
