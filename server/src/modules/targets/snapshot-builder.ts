import type { DataSource } from 'typeorm';
import { today } from '../../common/dates.js';
import { inTransaction } from '../../common/transaction.js';
import { buildConsistencyMonth, monthsWithoutFacts } from '../assessment/consistency.service.js';
import { buildMonthSnapshot, builtMonths, loadBuiltMonths, loadStoredDay, recentClosedMonths, refreshTargetDay, storedDay } from './target-metrics.js';

/** How often the builder looks for a month that closed (and for months other replicas built). */
const INTERVAL_MS = 10 * 60_000;
/** How often it looks whether the day changed. */
const DAY_INTERVAL_MS = 60_000;

/**
 * Keeps the month-end snapshots of the last `months` closed months: builds the missing ones
 * one after another in the background — never before the server listens, so start-up does
 * not scan the history — and then every few minutes, which is when a month that just closed
 * gets its snapshot. Until a month is built its figures are computed from the reports.
 */
export class SnapshotBuilder {
  private timer: NodeJS.Timeout | null = null;
  private dayTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private turning: Promise<void> | null = null;
  private facts: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly db: DataSource,
    private readonly months: number,
    private readonly log: (line: string) => void = (line) => console.log(line),
  ) {}

  start(): void {
    this.scheduleDay(0);
    if (this.months <= 0) return;
    this.schedule(0);
  }

  /**
   * When the day has changed (or was never recorded), recomputes today's status and warning
   * of every target: one UPDATE over the stored figures, in one transaction, so that changes
   * wait for it and readers go on reading the figures computed at query time until it commits.
   * Replicas doing it at the same moment wait for each other; the second finds it done.
   */
  async turnDay(): Promise<void> {
    if (this.turning) return this.turning;
    this.turning = (async () => {
      try {
        const day = today();
        if ((await loadStoredDay(this.db.manager)) === day) return;
        const started = Date.now();
        const done = await inTransaction(this.db, (db) => refreshTargetDay(db, day, { background: true }));
        await loadStoredDay(this.db.manager);
        if (done) this.log(`figures of ${day} computed in ${Date.now() - started} ms`);
      } catch (error) {
        if (!this.stopped) console.error(`[figures] ${(error as Error).message}`);
      } finally {
        this.turning = null;
      }
    })();
    return this.turning;
  }

  /**
   * Keeps the consistency figures of the built months (consistency_month): builds those that
   * are missing — never built, or dropped by a change that reached back into them.
   */
  async buildFacts(): Promise<void> {
    if (this.facts) return this.facts;
    this.facts = (async () => {
      try {
        for (const month of await monthsWithoutFacts(this.db.manager)) {
          if (this.stopped) return;
          const started = Date.now();
          if (await buildConsistencyMonth(this.db, month)) this.log(`consistency figures of ${month} built in ${Date.now() - started} ms`);
          await new Promise((resolve) => setImmediate(resolve)); // SQLite runs in this thread: requests go first
        }
      } catch (error) {
        if (!this.stopped) console.error(`[consistency] ${(error as Error).message}`);
      } finally {
        this.facts = null;
      }
    })();
    return this.facts;
  }

  private scheduleDay(delay: number): void {
    this.dayTimer = setTimeout(() => {
      const due = storedDay(this.db.manager) !== today();
      // Each minute: the day's figures when the day changed, and the consistency figures a change dropped.
      void (due ? this.turnDay() : Promise.resolve())
        .then(() => (this.running || this.stopped ? undefined : this.buildFacts()))
        .then(() => {
        if (!this.stopped) this.scheduleDay(DAY_INTERVAL_MS);
      });
    }, delay);
    this.dayTimer.unref();
  }

  /** Builds what is missing now; resolves when done (tests and the benchmark wait for it). */
  async runOnce(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        await loadBuiltMonths(this.db.manager);
        for (const month of recentClosedMonths(this.months)) {
          if (this.stopped) return;
          if (builtMonths(this.db.manager).has(month)) continue;
          const started = Date.now();
          if (await buildMonthSnapshot(this.db, month)) this.log(`month snapshot ${month} built in ${Date.now() - started} ms`);
          await new Promise((resolve) => setImmediate(resolve));
          builtMonths(this.db.manager).add(month);
        }
        await this.buildFacts();
      } catch (error) {
        if (!this.stopped) console.error(`[snapshots] ${(error as Error).message}`);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.dayTimer) clearTimeout(this.dayTimer);
    await this.running;
    await this.turning;
    await this.facts;
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => {
      void this.runOnce().then(() => {
        if (!this.stopped) this.schedule(INTERVAL_MS);
      });
    }, delay);
    this.timer.unref();
  }
}
