import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The figures kept of a target, today's or at a month's end (target-metrics.ts computes them). */
abstract class StoredFigures {
  /**
   * The target's region and county, copied with the figures (one row per live target), so that
   * an aggregate whose every condition and grouping reads only these and the figures reads this
   * table alone, from one covering index, instead of joining every target (docs/performance.md).
   */
  @Column({ type: 'int' })
  regionId: number;

  @Column({ type: 'int', nullable: true })
  countyId: number | null;

  /** Official progress 0..1 (counted reports, rolled up over the tree). */
  @Column({ type: 'double' })
  progress: number;

  /** The last of its leaves' completions (meaningful while progress is 1). */
  @Column({ type: 'date', nullable: true })
  lastCompletedOn: string | null;

  /** Leaves below it (itself, for a leaf) with a counted report. */
  @Column({ type: 'int' })
  reportedLeaves: number;

  /** Progress as claimed: the latest report that was not rejected, reviewed or not. */
  @Column({ type: 'double' })
  claimedProgress: number;

  /** Share of the target's time elapsed as of the figures' day (today's, or the month's end). */
  @Column({ type: 'double', nullable: true })
  elapsed: number | null;

  /** Days from that day to the deadline (negative once it passed). */
  @Column({ type: 'int', nullable: true })
  daysLeft: number | null;

  /** Status as of that day (docs/rules.md, "Status and warning"). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  status: string | null;

  /** Warning light as of that day. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  warning: string | null;
}

/**
 * The current figures of each live target, kept in the transaction of every change that can
 * move them (a report submitted, corrected, reviewed, withdrawn or restored; a target
 * created, re-weighted, decomposed, deleted or restored; the counting policy changed). They
 * are what target-metrics.ts computes from the reports with no date limit: reports are never
 * dated in the future, so these are the figures of today, and status and warning follow from
 * them and the dates: they are kept here too, as of the day in `target_metric_day`, and
 * recomputed for every row when the day changes (a statement over this table and the
 * targets, no report read). Analytics of today read this table instead of scanning every
 * report of the history.
 */
@Entity('target_metric')
@Index(['regionId', 'countyId', 'warning', 'status', 'progress'])
@Index(['progress'])
@Index(['warning', 'progress'])
@Index(['status', 'progress'])
export class TargetMetric extends StoredFigures {
  @PrimaryColumn({ type: 'int' })
  targetId: number;
}

/**
 * The figures of each target at the end of a closed month: what target_metric holds for
 * today, frozen for a past month so that analytics of a past period read them instead of the
 * whole history. Kept right like target_metric: a change that reaches back into a month
 * (a report dated in it, reviewed or withdrawn later; a change of the tree) recomputes the
 * month's rows of that tree in the change's transaction.
 */
@Entity('target_metric_month')
@Index(['month', 'regionId', 'countyId', 'warning', 'status', 'progress'])
@Index(['month', 'warning', 'progress'])
@Index(['month', 'status', 'progress'])
export class TargetMetricMonth extends StoredFigures {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @PrimaryColumn({ type: 'int' })
  targetId: number;
}

/** Months whose snapshot is complete: only those are read from target_metric_month. */
@Entity('target_metric_month_state')
export class TargetMetricMonthState {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @Column({ type: 'datetime', precision: 3 })
  builtAt: Date;
}

/**
 * The day the day-dependent columns of target_metric (elapsed, days left, status, warning)
 * were computed for. They are read only while it is today; when the day changes every row is
 * recomputed (`refreshTargetDay`) and, until that is done, they are computed at query time.
 */
@Entity('target_metric_day')
export class TargetMetricDay {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  day: string;
}
