import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The current figures of each live target, kept in the transaction of every change that can
 * move them (a report submitted, corrected, reviewed, withdrawn or restored; a target
 * created, re-weighted, decomposed, deleted or restored; the counting policy changed). They
 * are what target-metrics.ts computes from the reports with no date limit: reports are never
 * dated in the future, so these are the figures of today, and status and warning follow from
 * them and the dates at query time. Analytics of today read this table instead of scanning
 * every report of the history.
 */
@Entity('target_metric')
@Index(['progress'])
export class TargetMetric {
  @PrimaryColumn({ type: 'int' })
  targetId: number;

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
}
