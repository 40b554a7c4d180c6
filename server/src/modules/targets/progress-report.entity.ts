import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity.js';
import { DateTimeScalar, LocalDateScalar } from '../../common/scalars.js';
import { Target } from './target.entity.js';

export enum ReviewStatus {
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(ReviewStatus, {
  name: 'ReviewStatus',
  valuesConfig: { SUBMITTED: { description: '已报送' }, APPROVED: { description: '已审核通过' }, REJECTED: { description: '已退回' } },
});

@ObjectType({ description: '进展情况 — a progress report on a leaf target. Rejected reports do not count.' })
@Entity('progress_report')
@Index(['targetId', 'reportedOn'])
export class ProgressReport extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  targetId: number;

  @ManyToOne(() => Target, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'targetId' })
  targetRow?: Relation<Target>;

  @Field(() => ID)
  @Index()
  @Column({ type: 'int' })
  regionId: number;

  @Field(() => ID, { nullable: true, description: 'The target’s county when reported.' })
  @Index()
  @Column({ type: 'int', nullable: true })
  countyId: number | null;

  @Field(() => LocalDateScalar)
  @Column({ type: 'date' })
  reportedOn: string;

  @Field(() => String, { description: 'Reporting period, e.g. 2026-09 (month) or 2026-Q3.' })
  @Index()
  @Column({ type: 'varchar', length: 10 })
  period: string;

  @Field(() => Float, { nullable: true, description: 'Quantitative targets: the cumulative value reached.' })
  @Column({ type: 'double', nullable: true })
  actualValue: number | null;

  @Field(() => Float, { nullable: true, description: 'Qualitative targets: percent complete, 0–100.' })
  @Column({ type: 'double', nullable: true })
  percentComplete: number | null;

  @Field(() => String)
  @Column({ type: 'text' })
  narrative: string;

  @Field(() => String, { nullable: true, description: 'Evidence: document numbers, links, photos.' })
  @Column({ type: 'text', nullable: true })
  evidence: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  reporterId: number | null;

  @Field(() => ReviewStatus)
  @Column({ type: 'simple-enum', enum: ReviewStatus, default: ReviewStatus.SUBMITTED })
  status: ReviewStatus;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  reviewerId: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  reviewNote: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'datetime', precision: 6, nullable: true })
  reviewedAt: Date | null;
}
