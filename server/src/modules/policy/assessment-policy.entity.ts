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

  @Field(() => Float, { description: 'Assessment: weight of the target component (default 0.40).' })
  @Column({ type: 'double', default: 0.4 })
  weightTarget: number;

  @Field(() => Float, { description: 'Assessment: weight of timeliness (default 0.20).' })
  @Column({ type: 'double', default: 0.2 })
  weightTimeliness: number;

  @Field(() => Float, { description: 'Assessment: weight of inspections (default 0.15).' })
  @Column({ type: 'double', default: 0.15 })
  weightInspection: number;

  @Field(() => Float, { description: 'Assessment: weight of the democratic evaluation (default 0.25).' })
  @Column({ type: 'double', default: 0.25 })
  weightDemocratic: number;

  @Field(() => Float, { description: 'PROMOTE (重用) from this total (default 90).' })
  @Column({ type: 'double', default: 90 })
  tierPromote: number;

  @Field(() => Float, { description: 'USE (使用) from this total (default 75).' })
  @Column({ type: 'double', default: 75 })
  tierUse: number;

  @Field(() => Float, { description: 'CAUTION (慎用) from this total (default 60); below it DO_NOT_USE (不用).' })
  @Column({ type: 'double', default: 60 })
  tierCaution: number;

  @Field(() => Float, { description: 'Points off the total per ADMONISHMENT (诫勉谈话) in the period (default 5).' })
  @Column({ type: 'double', default: 5 })
  penaltyAdmonishment: number;

  @Field(() => Float, { description: 'Points off per CRITICISM (通报批评) (default 10).' })
  @Column({ type: 'double', default: 10 })
  penaltyCriticism: number;

  @Field(() => Float, { description: 'Points off per REASSIGNMENT (调整岗位) (default 20). A REMOVAL gives DO_NOT_USE.' })
  @Column({ type: 'double', default: 20 })
  penaltyReassignment: number;

  @Field(() => Float, { description: 'Points off the inspection component per rectification open past its deadline (default 10).' })
  @Column({ type: 'double', default: 10 })
  openRectificationPenalty: number;

  @Field(() => Float, { description: 'Score of an excellent (优秀) vote (default 100).' })
  @Column({ type: 'double', default: 100 })
  voteExcellent: number;

  @Field(() => Float, { description: 'Score of a competent (称职) vote (default 80).' })
  @Column({ type: 'double', default: 80 })
  voteCompetent: number;

  @Field(() => Float, { description: 'Score of a basically competent (基本称职) vote (default 60).' })
  @Column({ type: 'double', default: 60 })
  voteBasicallyCompetent: number;

  @Field(() => Float, { description: 'Score of an incompetent (不称职) vote (default 0).' })
  @Column({ type: 'double', default: 0 })
  voteIncompetent: number;

  @Field(() => Float, { description: 'DO_NOT_USE when incompetent votes are above this share of all votes (default one third).' })
  @Column({ type: 'double', default: 0.3333333333333333 })
  incompetentVetoShare: number;

  @Field(() => Float, { description: 'Consistency: changes of the monthly schedule score up to this size are noise (default 0.02).' })
  @Column({ type: 'double', default: 0.02 })
  consistencyNoiseTolerance: number;

  @Field(() => Float, { description: 'Consistency: two of three months in a row beyond this many standard deviations from the mean, on the same side, fire (default 2).' })
  @Column({ type: 'double', default: 2 })
  consistencySigma: number;

  @Field(() => Int, { description: 'Consistency: this many reversals (direction changes between moves beyond the noise tolerance) fire the alternating rule (default 5).' })
  @Column({ type: 'int', default: 5 })
  consistencyReversals: number;

  @Field(() => Int, { description: 'Consistency: this many months in a row on one side of the mean fires (default 8).' })
  @Column({ type: 'int', default: 8 })
  consistencySameSideRun: number;

  @Field(() => Int, { description: 'Consistency: this many months with missed reports fires (default 3).' })
  @Column({ type: 'int', default: 3 })
  consistencyMissedMonths: number;

  @Field(() => Float, { description: 'Consistency: a month is missed when fewer than this share of the targets due to report did (default 0.5).' })
  @Column({ type: 'double', default: 0.5 })
  consistencyReportShare: number;

  @Field(() => Float, { description: 'Consistency: burstiness (σ − μ)/(σ + μ) of the monthly reporting rate at or above this fires (default 0).' })
  @Column({ type: 'double', default: 0 })
  consistencyBurstiness: number;
}

export const DEFAULT_POLICY: Omit<AssessmentPolicy, 'id' | 'createdAt' | 'createdById' | 'note'> = {
  redGap: 0.3,
  yellowGap: 0.15,
  yellowDaysLeft: 14,
  yellowMinProgress: 0.8,
  noticeResponseDays: 7,
  countSubmittedReports: false,
  reviewOverdueDays: 7,
  weightTarget: 0.4,
  weightTimeliness: 0.2,
  weightInspection: 0.15,
  weightDemocratic: 0.25,
  tierPromote: 90,
  tierUse: 75,
  tierCaution: 60,
  penaltyAdmonishment: 5,
  penaltyCriticism: 10,
  penaltyReassignment: 20,
  openRectificationPenalty: 10,
  voteExcellent: 100,
  voteCompetent: 80,
  voteBasicallyCompetent: 60,
  voteIncompetent: 0,
  incompetentVetoShare: 1 / 3,
  consistencyNoiseTolerance: 0.02,
  consistencySigma: 2,
  consistencyReversals: 5,
  consistencySameSideRun: 8,
  consistencyMissedMonths: 3,
  consistencyReportShare: 0.5,
  consistencyBurstiness: 0,
};
