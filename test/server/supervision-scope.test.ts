import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startServer, type TestServer } from '../helpers/server.js';

/** Scoping of every target and supervision type, on the demo data, for county users, analysts and API keys. */
let server: TestServer;
let jiangziId: string;

const LISTS = `{
  targets(limit: 500) { total items { countyId } }
  progressReports(limit: 500) { total items { countyId } }
  inspections(limit: 500) { total items { countyId } }
  supervisionNotices(limit: 500) { total items { countyId } }
  fieldResearches(limit: 500) { total items { countyId } }
  publicFeedbacks(limit: 500) { total items { countyId } }
  directives { total }
}`;

beforeAll(async () => {
  server = await startServer();
  const regional = await server.token('region');
  jiangziId = (await server.ok('{ counties(filter: { code: { eq: "540222" } }) { items { id } } }', {}, { token: regional })).counties.items[0].id;
});
afterAll(() => server?.close());

describe('a county user', () => {
  it('lists only its own county’s targets (and their ancestors), reports, inspections, notices, visits and feedback', async () => {
    const mine = await server.ok(LISTS, {}, { token: await server.token('county-540222') });
    const all = await server.ok(LISTS, {}, { token: await server.token('region') });
    for (const type of ['progressReports', 'inspections', 'supervisionNotices', 'fieldResearches', 'publicFeedbacks']) {
      expect(mine[type].items.every((r: { countyId: string }) => r.countyId === jiangziId), type).toBe(true);
      expect(mine[type].total, type).toBe(mine[type].items.length);
      expect(mine[type].total, type).toBeLessThan(all[type].total);
    }
    expect(mine.progressReports.total).toBeGreaterThan(0);
    expect(mine.targets.items.every((t: { countyId: string | null }) => t.countyId === jiangziId || t.countyId === null)).toBe(true);
    expect(mine.targets.items.some((t: { countyId: string | null }) => t.countyId === null)).toBe(true); // the prefecture targets above its own
    expect(mine.directives.total).toBe(all.directives.total); // region-level, read-only
  });

  it('cannot create directives or inspections, publish bulletins or issue notices', async () => {
    const token = await server.token('county-540222');
    const attempts = [
      'mutation { createDirective(input: { title: "x", issuerLevel: PREFECTURE, issuer: "x", issuedOn: "2026-01-01" }) { id } }',
      'mutation { publishBulletin(period: "2026-09") { id } }',
    ];
    for (const m of attempts) expect(codes(await server.gql(m, {}, { token })), m).toEqual(['FORBIDDEN']);
    const target = (await server.ok('{ targets(filter: { isLeaf: { eq: true } }, limit: 1) { items { id countyId } } }', {}, { token })).targets.items[0];
    expect(target.countyId).toBe(jiangziId);
    expect(codes(await server.gql('mutation($t: ID!) { createInspection(input: { targetId: $t, inspectedOn: "2026-01-05", kind: ROUTINE, inspectors: "x", findings: "x", rating: 90 }) { id } }', { t: target.id }, { token }))).toEqual(['FORBIDDEN']);
    expect(codes(await server.gql('mutation($t: ID!) { issueSupervisionNotice(input: { targetId: $t, content: "x" }) { id } }', { t: target.id }, { token }))).toEqual(['FORBIDDEN']);
  });
});

describe('an analyst', () => {
  it('reads every list of the region and writes none of them', async () => {
    const analyst = await server.token('analyst');
    const [mine, all] = [await server.ok(LISTS, {}, { token: analyst }), await server.ok(LISTS, {}, { token: await server.token('region') })];
    for (const type of Object.keys(all)) expect(mine[type].total, type).toBe(all[type].total);
    const target = (await server.ok('{ targets(filter: { isLeaf: { eq: true } }, limit: 1) { items { id } } }', {}, { token: analyst })).targets.items[0];
    const writes = [
      'mutation { createDirective(input: { title: "x", issuerLevel: PREFECTURE, issuer: "x", issuedOn: "2026-01-01" }) { id } }',
      `mutation { submitProgressReport(input: { targetId: "${target.id}", percentComplete: 1, actualValue: 1, narrative: "x" }) { id } }`,
      `mutation { issueSupervisionNotice(input: { targetId: "${target.id}", content: "x" }) { id } }`,
      'mutation { publishBulletin(period: "2026-09") { id } }',
      `mutation { createPublicFeedback(input: { countyId: "${jiangziId}", receivedOn: "2026-01-01", channel: OTHER, content: "x" }) { id } }`,
    ];
    for (const m of writes) expect(codes(await server.gql(m, {}, { token: analyst })), m).toEqual(['FORBIDDEN']);
  });
});

describe('an API key', () => {
  it('reads the scoreboard, statistics and bulletins, and no list of records', async () => {
    const admin = await server.token('admin');
    const key = (await server.ok('mutation { createApiKey(input: { name: "看板" }) { key } }', {}, { token: admin })).createApiKey.key;
    const analytics = await server.gql('{ scoreboard(period: "2026") { entries { rank } } targetStats(groupBy: [CATEGORY]) { category count } bulletins { period } }', {}, { token: key });
    expect(analytics.errors).toBeUndefined();
    expect(analytics.data.scoreboard.entries).toHaveLength(18);
    for (const list of ['targets', 'progressReports', 'inspections', 'supervisionNotices', 'fieldResearches', 'publicFeedbacks', 'directives', 'counties', 'cadres']) {
      expect(codes(await server.gql(`{ ${list} { total } }`, {}, { token: key })), list).toEqual(['FORBIDDEN']);
    }
  });
});
