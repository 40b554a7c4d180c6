import type { DataSource, EntityManager } from 'typeorm';

const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs `work` in one database transaction. SQLite has one connection: transactions are
 * queued so that two requests never interleave on it. MySQL/MariaDB use pooled connections.
 */
export function inTransaction<T>(db: DataSource, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  if (db.options.type !== 'better-sqlite3') return db.transaction(work);
  const previous = sqliteQueues.get(db) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => db.transaction(work));
  sqliteQueues.set(db, run.catch(() => undefined));
  return run;
}
