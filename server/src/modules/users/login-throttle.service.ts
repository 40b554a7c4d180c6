import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../common/context.js';
import { AppError, ErrorCode } from '../../common/errors.js';
import { inTransaction } from '../../common/transaction.js';
import { LoginThrottle } from './login-throttle.entity.js';

/**
 * Throttling of password checks (login and changePassword), following OWASP's
 * authentication guidance: growing delays instead of a lockout, counted per key
 * - PAIR (username, address): 5 free failures, then 1 s, 2 s, 4 s … up to 15 min
 *   between attempts, and never two attempts of one pair at the same time;
 * - USER (the username from any address): after 20 failures 5 s, 10 s … but only for
 *   addresses that have never logged in as that user — so a stranger's guesses slow the
 *   stranger down, not the real user at their usual address;
 * - ADDRESS (any username from one address): after 50 failures 1 min, 2 min …: stops a
 *   password spray from one source.
 * Failures are forgotten after an hour without one. Every step is a conditional UPDATE in
 * the database, so the count-and-check holds across replicas and parallel requests.
 */
export const THROTTLE = {
  PAIR: { free: 5, maxInFlight: 1, baseDelayMs: 1000 },
  USER: { free: 20, maxInFlight: 20, baseDelayMs: 5000 },
  ADDRESS: { free: 50, maxInFlight: 50, baseDelayMs: 60_000 },
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
  /** A reservation older than this is taken as abandoned (its process died). */
  leaseMs: 60_000,
  /** Known addresses are remembered this long after their last use. */
  rememberMs: 30 * 24 * 60 * 60_000,
  /** Argon2 checks running at once per address in one process (CPU per source), and waiting. */
  verifiesPerAddress: 2,
  verifiesWaitingPerAddress: 16,
  /** Attempts of one (username, address) waiting for the one being checked, per process. */
  attemptsWaitingPerPair: 8,
};

type Kind = 'PAIR' | 'USER' | 'ADDRESS';

export interface ThrottleTicket {
  keys: { kind: Kind; key: string }[];
  pair: string;
}

const digest = (kind: Kind, value: string) => createHash('sha256').update(`${kind}:${value}`).digest('hex');

/** The delay after `failures` failures of a key of `kind`: none while free, then doubling up to the cap. */
export function delayAfter(failures: number, kind: Kind): number {
  const { free, baseDelayMs } = THROTTLE[kind];
  if (failures < free) return 0;
  return Math.min(THROTTLE.maxDelayMs, baseDelayMs * 2 ** Math.min(failures - free, 30));
}

export function throttled(retryAfterMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError(ErrorCode.TOO_MANY_REQUESTS, 'credentialThrottled', { seconds }, { retryAfterSeconds: seconds });
}

const at = (d: Date | null): number => (d === null ? 0 : d.getTime());

/** A Date as a bound parameter of raw SQL (SQLite keeps datetimes as UTC text; mysql2 converts Dates itself). */
function instant(db: EntityManager, d: Date): unknown {
  return db.connection.options.type === 'better-sqlite3' ? d.toISOString().replace('T', ' ').replace('Z', '') : d;
}

/**
 * Runs throttle statements. Each one is atomic by itself (a conditional UPDATE), so on
 * MySQL/MariaDB they run as single autocommitted statements — one transaction holding
 * several rows would deadlock with a parallel attempt on the same keys. SQLite's one
 * connection is shared by every request: there they run in the queued transaction, so that
 * another request's open transaction can neither absorb nor roll them back.
 */
function atomically<T>(ctx: Context, work: (db: EntityManager) => Promise<T>): Promise<T> {
  if (ctx.db.options.type === 'better-sqlite3') return inTransaction(ctx.db, work);
  return retryDeadlock(() => work(ctx.db.manager));
}

async function retryDeadlock<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { driverError?: { code?: string } }).driverError?.code;
      if (attempt >= 3 || (code !== 'ER_LOCK_DEADLOCK' && code !== 'ER_LOCK_WAIT_TIMEOUT')) throw error;
    }
  }
}

function esc(db: EntityManager, name: string): string {
  return db.connection.driver.escape(name);
}

/** Rows of the keys, as plain objects with numbers for instants. */
async function rowsOf(db: EntityManager, keys: string[]) {
  const rows = await db.getRepository(LoginThrottle).createQueryBuilder('t').where('t.key IN (:...keys)', { keys }).getMany();
  return new Map(rows.map((r) => [r.key, r]));
}

export const loginThrottle = {
  /**
   * Reserves one password check for `username` from `address`, or throws TOO_MANY_REQUESTS
   * with the time to wait. The reservation must be ended with `failed` or `succeeded`.
   */
  async begin(ctx: Context, username: string, address: string): Promise<ThrottleTicket> {
    const now = new Date();
    const pair = digest('PAIR', `${username}\n${address}`);
    const all: { kind: Kind; key: string }[] = [
      { kind: 'ADDRESS', key: digest('ADDRESS', address) },
      { kind: 'USER', key: digest('USER', username) },
      { kind: 'PAIR', key: pair },
    ];
    return atomically(ctx, async (db) => {
      await db
        .createQueryBuilder()
        .insert()
        .into(LoginThrottle)
        .values(all.map(({ kind, key }) => ({ key, kind, failures: 0, inFlight: 0, windowStart: now, blockedUntil: null, leaseUntil: null, lastSuccessAt: null, updatedAt: now })))
        .orIgnore()
        .execute();
      const rows = await rowsOf(db, all.map((k) => k.key));
      // An address that has logged in as this user before is not slowed down by others' guesses.
      const known = rows.get(pair)?.lastSuccessAt != null;
      const keys = all.filter((k) => !(known && k.kind === 'USER'));
      const taken: string[] = [];
      for (const { kind, key } of keys) {
        const limits = THROTTLE[kind];
        const q = (n: string) => esc(db, n);
        const live = `(CASE WHEN ${q('leaseUntil')} IS NULL OR ${q('leaseUntil')} <= :now THEN 0 ELSE ${q('inFlight')} END)`;
        const result = await db
          .createQueryBuilder()
          .update(LoginThrottle)
          .set({ inFlight: () => `${live} + 1`, leaseUntil: new Date(now.getTime() + THROTTLE.leaseMs) })
          .where(`${q('key')} = :key`, { key })
          .andWhere(`(${q('blockedUntil')} IS NULL OR ${q('blockedUntil')} <= :now)`)
          .andWhere(`${live} < :maxInFlight`)
          .andWhere(`(${q('failures')} + ${live} < :free OR ${live} = 0)`)
          .setParameters({ now: instant(db, now), maxInFlight: limits.maxInFlight, free: limits.free })
          .execute();
        if (result.affected !== 1) {
          for (const k of taken) await release(db, k);
          const row = rows.get(key);
          const wait = row ? at(row.blockedUntil) - now.getTime() : 0;
          throw throttled(wait > 0 ? wait : THROTTLE.baseDelayMs);
        }
        taken.push(key);
      }
      return { keys: keys, pair };
    });
  },

  /** A wrong password: every key counts one more failure and waits the longer delay. */
  async failed(ctx: Context, ticket: ThrottleTicket): Promise<void> {
    const now = new Date();
    const forgetBefore = new Date(now.getTime() - THROTTLE.forgetAfterMs);
    await atomically(ctx, async (db) => {
      const q = (n: string) => esc(db, n);
      for (const { key } of ticket.keys) {
        const stale = `${q('updatedAt')} < :forgetBefore AND ${q('failures')} > 0`;
        await db
          .createQueryBuilder()
          .update(LoginThrottle)
          .set({
            inFlight: () => `CASE WHEN ${q('inFlight')} > 0 THEN ${q('inFlight')} - 1 ELSE 0 END`,
            failures: () => `CASE WHEN ${stale} THEN 1 ELSE ${q('failures')} + 1 END`,
            windowStart: () => `CASE WHEN ${stale} THEN :now ELSE ${q('windowStart')} END`,
            updatedAt: now,
          })
          .where(`${q('key')} = :key`, { key })
          .setParameters({ now: instant(db, now), forgetBefore: instant(db, forgetBefore) })
          .execute();
      }
      const rows = await rowsOf(db, ticket.keys.map((k) => k.key));
      for (const { kind, key } of ticket.keys) {
        const row = rows.get(key);
        const delay = row ? delayAfter(row.failures, kind) : 0;
        if (delay === 0) continue;
        const until = new Date(now.getTime() + delay);
        await db
          .createQueryBuilder()
          .update(LoginThrottle)
          .set({ blockedUntil: until })
          .where(`${q('key')} = :key AND (${q('blockedUntil')} IS NULL OR ${q('blockedUntil')} < :until)`, { key, until: instant(db, until) })
          .execute();
      }
    });
  },

  /** The right password: the pair starts afresh and its address becomes known to the user. */
  async succeeded(ctx: Context, ticket: ThrottleTicket): Promise<void> {
    const now = new Date();
    await atomically(ctx, async (db) => {
      for (const { key } of ticket.keys) {
        if (key !== ticket.pair) await release(db, key);
      }
      await db
        .createQueryBuilder()
        .update(LoginThrottle)
        .set({ inFlight: 0, failures: 0, blockedUntil: null, leaseUntil: null, lastSuccessAt: now, updatedAt: now, windowStart: now })
        .where(`${esc(db, 'key')} = :key`, { key: ticket.pair })
        .execute();
      // Housekeeping: forget quiet keys (known addresses after a month).
      const q = (n: string) => esc(db, n);
      await db
        .createQueryBuilder()
        .delete()
        .from(LoginThrottle)
        .where(
          `${q('updatedAt')} < :remember OR (${q('lastSuccessAt')} IS NULL AND ${q('updatedAt')} < :forget AND (${q('blockedUntil')} IS NULL OR ${q('blockedUntil')} < :now))`,
          {
            remember: instant(db, new Date(now.getTime() - THROTTLE.rememberMs)),
            forget: instant(db, new Date(now.getTime() - THROTTLE.forgetAfterMs)),
            now: instant(db, now),
          },
        )
        .execute();
    });
  },

  /** Ends a reservation without counting it (the check could not run). */
  async abandon(ctx: Context, ticket: ThrottleTicket): Promise<void> {
    await atomically(ctx, async (db) => {
      for (const { key } of ticket.keys) await release(db, key);
    });
  },
};

async function release(db: EntityManager, key: string): Promise<void> {
  const q = (n: string) => esc(db, n);
  await db
    .createQueryBuilder()
    .update(LoginThrottle)
    .set({ inFlight: () => `CASE WHEN ${q('inFlight')} > 0 THEN ${q('inFlight')} - 1 ELSE 0 END` })
    .where(`${q('key')} = :key`, { key })
    .execute();
}

const verifying = new Map<string, { running: number; waiting: (() => void)[] }>();

/**
 * Runs an Argon2 check with at most `THROTTLE.verifiesPerAddress` of them at once per
 * address in this process; a few more wait for a slot (an office behind one NAT logging in
 * at nine), and beyond those the attempt is refused at once, without the CPU work.
 */
export async function limitedVerify<T>(address: string, check: () => Promise<T>): Promise<T> {
  let slot = verifying.get(address);
  if (!slot) verifying.set(address, (slot = { running: 0, waiting: [] }));
  if (slot.running >= THROTTLE.verifiesPerAddress) {
    if (slot.waiting.length >= THROTTLE.verifiesWaitingPerAddress) throw throttled(THROTTLE.baseDelayMs);
    await new Promise<void>((resolve) => slot!.waiting.push(resolve));
  }
  slot.running += 1;
  try {
    return await check();
  } finally {
    slot.running -= 1;
    const next = slot.waiting.shift();
    if (next) next();
    else if (slot.running === 0) verifying.delete(address);
  }
}

const queues = new Map<string, { tail: Promise<unknown>; length: number }>();

/**
 * Runs the attempts of one (username, address) one after another in this process, so that
 * a user's double click waits instead of failing; the database lease does the same across
 * replicas. At most `THROTTLE.attemptsWaitingPerPair` wait; more are refused.
 */
export function oneAtATime<T>(username: string, address: string, attempt: () => Promise<T>): Promise<T> {
  const key = `${username}\n${address}`;
  const queue = queues.get(key) ?? { tail: Promise.resolve(), length: 0 };
  if (queue.length >= THROTTLE.attemptsWaitingPerPair) return Promise.reject(throttled(THROTTLE.baseDelayMs));
  queue.length += 1;
  queues.set(key, queue);
  const run = queue.tail.catch(() => undefined).then(attempt);
  queue.tail = run.catch(() => undefined).finally(() => {
    queue.length -= 1;
    if (queue.length === 0 && queues.get(key) === queue) queues.delete(key);
  });
  return run;
}
