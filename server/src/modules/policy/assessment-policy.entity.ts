import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '../../common/scalars.js';

/**
 * Thresholds and weights the rules use. Rows are never changed: a new policy is a new row,
 * the newest is current, and the older ones are its history.
 */
@ObjectType({ description: '考核与预警政策 — thresholds of the rules; the newest row is current, older rows are history.' })
@Entity('assessment_policy')
export class AssessmentPolicy {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => DateTimeScalar)
  @Index()
  @Column({ type: 'datetime', precision: 6 })
  createdAt: Date;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @Field(() => String, { nullable: true, description: 'Why the policy changed.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => Float, { description: 'RED when elapsed share − progress reaches this (default 0.30).' })
  @Column({ type: 'double', default: 0.3 })
  redGap: number;

  @Field(() => Float, { description: 'YELLOW when elapsed share − progress reaches this (default 0.15).' })
  @Column({ type: 'double', default: 0.15 })
  yellowGap: number;

  @Field(() => Int, { description: 'YELLOW when fewer than this many days are left … (default 14)' })
  @Column({ type: 'int', default: 14 })
  yellowDaysLeft: number;

  @Field(() => Float, { description: '… and progress is below this (default 0.8).' })
  @Column({ type: 'double', default: 0.8 })
  yellowMinProgress: number;

  @Field(() => Int, { description: 'Days a county has to answer a supervision notice (default 7).' })
  @Column({ type: 'int', default: 7 })
  noticeResponseDays: number;

  @Field(() => Boolean, {
    description: 'Count SUBMITTED (not yet reviewed) reports in the official figures too, for organizations that do not review (default false: only APPROVED reports count).',
  })
  @Column({ type: 'boolean', default: false })
  countSubmittedReports: boolean;

  @Field(() => Int, { description: 'A report waiting longer than this many days for review is listed as overdue for the reviewers (default 7).' })
  @Column({ type: 'int', default: 7 })
  reviewOverdueDays: number;
}

export const DEFAULT_POLICY: Omit<AssessmentPolicy, 'id' | 'createdAt' | 'createdById' | 'note'> = {
  redGap: 0.3,
  yellowGap: 0.15,
  yellowDaysLeft: 14,
  yellowMinProgress: 0.8,
  noticeResponseDays: 7,
  countSubmittedReports: false,
  reviewOverdueDays: 7,
};
