import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Throttling state of failed credential checks, one row per key: a (username, address)
 * pair, a username from any address, or an address for any username. It lives in the
 * database so that every replica counts the same failures; rows are updated with
 * conditional UPDATEs, so concurrent attempts cannot all pass one check. The key is a
 * SHA-256 digest: no username or address is stored in the clear.
 */
@Entity('login_throttle')
export class LoginThrottle {
  /** sha256(`<kind>:<value>`), hex. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  /** PAIR, USER or ADDRESS. */
  @Column({ type: 'varchar', length: 8 })
  kind: string;

  /** Failures since `windowStart` (reset when the window has passed or, for a pair, on success). */
  @Column({ type: 'int', default: 0 })
  failures: number;

  @Column({ type: 'datetime', precision: 3 })
  windowStart: Date;

  /** No attempt is evaluated for this key before then (the growing delay). */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  blockedUntil: Date | null;

  /** Attempts being checked right now (reserved with a conditional UPDATE, released after). */
  @Column({ type: 'int', default: 0 })
  inFlight: number;

  /** `inFlight` counts only until then: a reservation of a crashed process expires. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  leaseUntil: Date | null;

  /** A pair that logged in successfully: its address is known to the user. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastSuccessAt: Date | null;

  @Index()
  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
