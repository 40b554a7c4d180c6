import type { DataSource, EntityManager } from 'typeorm';

const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/** InnoDB gives up one of two transactions that wait for each other; running it again is the documented answer. */
const RETRIES = 3;
function isDeadlock(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } };
  const code = e?.driverError?.code ?? e?.code;
  const errno = e?.driverError?.errno ?? e?.errno;
  return code === 'ER_LOCK_DEADLOCK' || errno === 1213;
}

/**
 * Runs `work` in one database transaction. SQLite has one connection: transactions are
 * queued so that two requests never interleave on it. MySQL/MariaDB use pooled connections;
 * a transaction chosen as a deadlock's victim is run again (up to three times) — the
 * maintained figures of a target tree are rewritten by every change to it, so two changes
 * to one tree at the same moment can meet that way. `READ COMMITTED` (MySQL/MariaDB) reads
 * without locking what it reads: for background work that must not hold up the writes.
 */
export async function inTransaction<T>(db: DataSource, work: (tx: EntityManager) => Promise<T>, isolation?: 'READ COMMITTED'): Promise<T> {
  if (db.options.type !== 'better-sqlite3') {
    for (let attempt = 1; ; attempt++) {
      try {
        const released = async (tx: EntityManager) => {
          try {
            return await work(tx);
          } finally {
            await releaseTreeLocks(tx);
          }
        };
        return await (isolation ? db.transaction(isolation, released) : db.transaction(released));
      } catch (error) {
        if (!isDeadlock(error) || attempt >= RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
      }
    }
  }
  const previous = sqliteQueues.get(db) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => db.transaction(work));
  sqliteQueues.set(db, run.catch(() => undefined));
  return run;
}

/** Transactions (their query runners) holding a tree lock, released when their work ends. */
const treeLocks = new WeakSet<object>();
/** Seconds a change waits for its tree's lock. */
const TREE_LOCK_SECONDS = 20;

/**
 * MySQL/MariaDB: takes the write lock of a target tree, as the first lock of a transaction that
 * will change the tree's reports. Every such change rewrites the tree's maintained figures
 * (DELETE + `INSERT … SELECT` over the tree's targets and reports, which in REPEATABLE READ
 * takes shared locks on what it reads). Two changes to one tree that had each inserted or
 * updated a report before that step waited for each other's row, and InnoDB gave one up as a
 * deadlock: 16 county users reporting into the same trees at once had reports refused after
 * three attempts. With the tree's lock taken first they queue instead.
 *
 * The lock is a named lock (`GET_LOCK`, one per database and tree), not a row: the upkeep reads
 * and share-locks `target` rows of other trees too, and on a small table its DELETE scans —
 * and locks — every `target_metric` row, so a row lock would make writers of unrelated trees
 * wait for each other or deadlock. `inTransaction` releases it when the work ends, before the
 * commit: past that point the transaction takes no more locks, and the next change to the
 * tree waits for its rows as before. The lookups are plain reads (a target's root and a
 * report's target never change). An unknown id locks nothing (the change then fails its own
 * checks). SQLite runs one transaction at a time: nothing to do.
 */
export async function lockTree(db: EntityManager, from: { targetId: number } | { reportId: number }): Promise<void> {
  if (db.connection.options.type === 'better-sqlite3' || !db.queryRunner) return;
  let targetId = 'targetId' in from ? from.targetId : null;
  if ('reportId' in from) {
    if (!Number.isSafeInteger(from.reportId) || from.reportId <= 0) return;
    const [report] = await db.query('SELECT `targetId` FROM `progress_report` WHERE `id` = ?', [from.reportId]);
    targetId = report ? Number(report.targetId) : null;
  }
  if (targetId === null || !Number.isSafeInteger(targetId) || targetId <= 0) return;
  const [target] = await db.query('SELECT `rootId` FROM `target` WHERE `id` = ?', [targetId]);
  if (!target) return;
  treeLocks.add(db.queryRunner);
  const [{ got }] = await db.query("SELECT GET_LOCK(CONCAT(LEFT(DATABASE(), 40), ':tree:', ?), ?) AS got", [Number(target.rootId), TREE_LOCK_SECONDS]);
  if (Number(got) !== 1) throw new Error(`the lock of target tree ${target.rootId} was not granted within ${TREE_LOCK_SECONDS} s`);
}

/** Releases the tree lock a transaction took (its work ended, committed or not). */
async function releaseTreeLocks(tx: EntityManager): Promise<void> {
  if (!tx.queryRunner || !treeLocks.has(tx.queryRunner)) return;
  treeLocks.delete(tx.queryRunner);
  await tx.query('SELECT RELEASE_ALL_LOCKS()');
}
