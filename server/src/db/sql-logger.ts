import type { Logger } from 'typeorm';
import { requestStore } from '../common/i18n.js';

/**
 * Counts the statements each request runs (tests and benchmarks read the count to prove that
 * relation fields are batched) and prints SQL only when asked to.
 */
export class CountingLogger implements Logger {
  constructor(private readonly print: boolean) {}

  logQuery(query: string): void {
    const store = requestStore.getStore();
    if (store) store.sqlStatements += 1;
    if (this.print) console.log(`[sql] ${query}`);
  }
  logQueryError(error: string | Error, query: string): void {
    console.error(`[sql error] ${error instanceof Error ? error.message : error} — ${query}`);
  }
  logQuerySlow(time: number, query: string): void {
    console.warn(`[sql slow ${time} ms] ${query}`);
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    console.log(`[migration] ${message}`);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') console.warn(message);
  }
}
