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
        return await (isolation ? db.transaction(isolation, work) : db.transaction(work));
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
