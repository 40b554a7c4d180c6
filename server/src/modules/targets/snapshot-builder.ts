import type { DataSource } from 'typeorm';
import { buildMonthSnapshot, builtMonths, loadBuiltMonths, recentClosedMonths } from './target-metrics.js';

/** How often the builder looks for a month that closed (and for months other replicas built). */
const INTERVAL_MS = 10 * 60_000;

/**
 * Keeps the month-end snapshots of the last `months` closed months: builds the missing ones
 * one after another in the background — never before the server listens, so start-up does
 * not scan the history — and then every few minutes, which is when a month that just closed
 * gets its snapshot. Until a month is built its figures are computed from the reports.
 */
export class SnapshotBuilder {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly db: DataSource,
    private readonly months: number,
    private readonly log: (line: string) => void = (line) => console.log(line),
  ) {}

  start(): void {
    if (this.months <= 0) return;
    this.schedule(0);
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
          builtMonths(this.db.manager).add(month);
        }
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
    await this.running;
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
