import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from 'typeorm';
import { today } from '../../server/src/common/dates.js';
import { inTransaction, lockTree } from '../../server/src/common/transaction.js';
import { refreshTargetMetrics } from '../../server/src/modules/targets/target-metrics.js';
import { startServer, testDb, type TestServer } from '../helpers/server.js';

/**
 * Reports written at the same moment by many county users (month end): none may be refused or
 * lost, each keeps its audit event, the maintained figures stay equal to a recomputation, and a
 * change to one target tree waits only for changes to that tree (MariaDB; SQLite runs one
 * transaction at a time).
 */
let server: TestServer;
const SUBMIT = 'mutation($input: SubmitProgressReportInput!) { submitProgressReport(input: $input) { id status } }';

interface Leaf {
  id: number;
  rootId: number;
  countyId: number;
  kind: string;
  targetValue: number | null;
}

const esc = (name: string) => server.app.db.driver.escape(name);

async function leaves(): Promise<Leaf[]> {
  const rows: Record<string, unknown>[] = await server.app.db.query(
    `SELECT ${esc('id')} AS id, ${esc('rootId')} AS rootId, ${esc('countyId')} AS countyId, ${esc('kind')} AS kind, ${esc('targetValue')} AS targetValue
       FROM ${esc('target')} WHERE ${esc('isLeaf')} = 1 AND ${esc('deletedAt')} IS NULL AND ${esc('countyId')} IS NOT NULL AND ${esc('startDate')} <= ? ORDER BY ${esc('id')}`,
    [today()],
  );
  return rows.map((r) => ({ id: Number(r.id), rootId: Number(r.rootId), countyId: Number(r.countyId), kind: String(r.kind), targetValue: r.targetValue == null ? null : Number(r.targetValue) }));
}

async function countyUsers(): Promise<Map<number, string>> {
  const rows: Record<string, unknown>[] = await server.app.db.query(`SELECT ${esc('username')} AS u, ${esc('countyId')} AS c FROM ${esc('user')} WHERE ${esc('role')} = 'COUNTY' AND ${esc('username')} LIKE 'county-%'`);
  return new Map(rows.map((r) => [Number(r.c), String(r.u)]));
}

const input = (leaf: Leaf, k: number, marker: string) => ({
  targetId: String(leaf.id),
  narrative: `${marker} #${k}`,
  ...(leaf.kind === 'QUANTITATIVE' ? { actualValue: Math.round((leaf.targetValue ?? 10) * (k + 1) * 10) / 100 } : { percentComplete: 10 * (k + 1) }),
});

/** Targets of these trees whose maintained figures differ from a recomputation (done in a transaction that is rolled back). */
async function figuresDiffer(roots: number[]): Promise<number> {
  const read = async (tx: EntityManager) => {
    const rows: Record<string, unknown>[] = await tx.query(
      `SELECT m.${esc('targetId')} AS t, m.${esc('progress')} AS p, m.${esc('claimedProgress')} AS c, m.${esc('reportedLeaves')} AS l
         FROM ${esc('target_metric')} m JOIN ${esc('target')} x ON x.${esc('id')} = m.${esc('targetId')} WHERE x.${esc('rootId')} IN (${roots.map(() => '?').join(', ')})`,
      roots,
    );
    return new Map(rows.map((r) => [Number(r.t), `${Number(r.p).toFixed(9)} ${Number(r.c).toFixed(9)} ${Number(r.l)}`]));
  };
  let differ = -1;
  await server.app.db
    .transaction(async (tx) => {
      const stored = await read(tx);
      await refreshTargetMetrics(tx, roots);
      const computed = await read(tx);
      differ = [...computed].filter(([id, v]) => stored.get(id) !== v).length + [...stored.keys()].filter((id) => !computed.has(id)).length;
      throw new Error('rollback');
    })
    .catch((e: Error) => {
      if (e.message !== 'rollback') throw e;
    });
  return differ;
}

async function counted(marker: string): Promise<{ reports: number; audits: number }> {
  const [r] = await server.app.db.query(`SELECT COUNT(*) AS n FROM ${esc('progress_report')} WHERE ${esc('narrative')} LIKE ?`, [`${marker}%`]);
  const [a] = await server.app.db.query(
    `SELECT COUNT(*) AS n FROM ${esc('audit_event')} a JOIN ${esc('progress_report')} r ON a.${esc('entityId')} = r.${esc('id')}
      WHERE a.${esc('entityType')} = 'ProgressReport' AND a.${esc('action')} = 'CREATE' AND r.${esc('narrative')} LIKE ?`,
    [`${marker}%`],
  );
  return { reports: Number(r.n), audits: Number(a.n) };
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

describe('concurrent reports', () => {
  it('16 county users reporting into the same trees at once: all stored, none refused, figures right', async () => {
    const all = await leaves();
    const users = await countyUsers();
    // The trees with the most counties reporting into them.
    const countiesOf = new Map<number, Set<number>>();
    for (const l of all) countiesOf.set(l.rootId, (countiesOf.get(l.rootId) ?? new Set()).add(l.countyId));
    const roots = [...countiesOf].sort((a, b) => b[1].size - a[1].size).slice(0, 2).map(([root]) => root);
    const counties = [...countiesOf.get(roots[0])!].filter((c) => users.has(c)).slice(0, 16);
    expect(counties.length).toBeGreaterThanOrEqual(8);
    const tokens = new Map<number, string>();
    for (const c of counties) tokens.set(c, await server.token(users.get(c)!));

    const marker = `concurrent-${Date.now()}`;
    const perClient = 3;
    const answers = await Promise.all(
      counties.map(async (c, i) => {
        const mine = all.filter((l) => l.countyId === c && roots.includes(l.rootId));
        const out = [];
        for (let k = 0; k < perClient; k++) out.push(await server.gql(SUBMIT, { input: input(mine[(i + k) % mine.length], k, marker) }, { token: tokens.get(c)! }));
        return out;
      }),
    );
    const errors = answers.flat().flatMap((a) => a.errors ?? []);
    expect(errors).toEqual([]);
    expect(await counted(marker)).toEqual({ reports: counties.length * perClient, audits: counties.length * perClient });
    expect(await figuresDiffer(roots)).toBe(0);
  });

  it.skipIf(testDb === 'sqlite')('a change to one tree waits for that tree only', async () => {
    const all = await leaves();
    const users = await countyUsers();
    const [a, b] = [...new Set(all.map((l) => l.rootId))];
    const leafA = all.find((l) => l.rootId === a)!;
    const leafB = all.find((l) => l.rootId === b)!;
    const marker = `tree-lock-${Date.now()}`;

    // Another change to tree A holds its lock until `release` is called.
    let release!: () => void;
    let locked!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = inTransaction(server.app.db, async (tx) => {
      await lockTree(tx, { targetId: leafA.id });
      locked();
      await gate;
    });
    await isLocked;

    let aDone = false;
    const submitA = server.gql(SUBMIT, { input: input(leafA, 0, marker) }, { token: await server.token(users.get(leafA.countyId)!) }).then((r) => ((aDone = true), r));
    const started = Date.now();
    const other = await server.gql(SUBMIT, { input: input(leafB, 0, marker) }, { token: await server.token(users.get(leafB.countyId)!) });
    expect(other.errors).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(aDone).toBe(false); // still queued behind the holder of tree A's lock

    release();
    await holder;
    const mine = await submitA;
    expect(mine.errors).toBeUndefined();
    expect(await counted(marker)).toEqual({ reports: 2, audits: 2 });
    expect(await figuresDiffer([a, b])).toBe(0);
  });
});
