import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What the consistency analysis reads of one county in one closed month — the schedule
 * score's inputs (own targets in play, mean shortfall as of the month's end) and the
 * reporting against what was due — kept so that a year's analysis reads 12 rows per county
 * instead of the month's reports and the history before it. Built in the background for the
 * months whose snapshot is built; every change that reaches back into a month deletes that
 * month's rows and later ones (they are built again; until then they are computed).
 */
@Entity('consistency_month')
export class ConsistencyMonth {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @PrimaryColumn({ type: 'int' })
  countyId: number;

  /** The county's own targets in play in the month (0: no schedule score that month). */
  @Column({ type: 'int' })
  targets: number;

  /** Their mean shortfall max(elapsed − progress, 0) at the month's end; null without targets. */
  @Column({ type: 'double', nullable: true })
  shortfall: number | null;

  /** Leaves due to report in the month, those that did, and their reports. */
  @Column({ type: 'int' })
  due: number;

  @Column({ type: 'int' })
  reported: number;

  @Column({ type: 'int' })
  reports: number;
}

/**
 * A counter every invalidation of consistency_month raises, in the change's transaction: a
 * background build stores what it computed only if the counter did not move meanwhile.
 */
@Entity('consistency_month_state')
export class ConsistencyMonthState {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  name: string;

  @Column({ type: 'int' })
  generation: number;
}
