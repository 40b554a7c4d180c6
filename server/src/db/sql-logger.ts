import type { Logger } from 'typeorm';
import { AppError, ErrorCode } from '../common/errors.js';
import { requestStore } from '../common/i18n.js';

/** Quoted literals in a database message (a duplicate value, say) can be personal data: mask them. */
export function maskLiterals(text: string): string {
  return text.replace(/'(?:[^'\\]|\\.)*'/g, "'…'").replace(/"(?:[^"\\]|\\.)*"/g, (m) => (m.length > 40 ? '"…"' : m));
}

/**
 * Counts the statements each request runs (tests and benchmarks read the count to prove that
 * relation fields are batched) and enforces the request's limits: past its statement budget
 * or its deadline, the next statement is refused before it runs, so that no request can hold
 * the server. Prints SQL only when asked to, and never the bound parameters (personal data).
 */
export class CountingLogger implements Logger {
  constructor(private readonly print: boolean) {}

  logQuery(query: string): void {
    const store = requestStore.getStore();
    if (store) {
      // A refused statement is not sent, so it is not counted: the count is what ran (several
      // parts of a request may be refused at once when they run concurrently).
      if (store.sqlStatementLimit !== undefined && store.sqlStatements >= store.sqlStatementLimit) {
        throw new AppError(ErrorCode.QUERY_TOO_COMPLEX, 'tooManyStatements', { max: store.sqlStatementLimit });
      }
      if (store.deadline !== undefined && Date.now() > store.deadline) {
        throw new AppError(ErrorCode.QUERY_TOO_COMPLEX, 'requestTooLong', { seconds: Math.round((store.deadline - store.startedAt!) / 1000) });
      }
      store.sqlStatements += 1;
    }
    if (this.print) console.log(`[sql] ${query}`);
  }
  logQueryError(error: string | Error, query: string): void {
    console.error(`[sql error] ${maskLiterals(error instanceof Error ? error.message : error)} — ${query}`);
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
