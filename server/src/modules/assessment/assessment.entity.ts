import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity.js';
import { DateTimeScalar, LocalDateScalar } from '../../common/scalars.js';
import { Cadre } from '../hierarchy/cadre.entity.js';
import { AssessmentStatus, AssessmentTier, TierRule } from './assessment.types.js';
import type { StoredExplanation } from './stored-explanation.js';

/**
 * 考核: one computed assessment of a cadre for a period. Every figure is stored with it (the
 * explanation included), so a CONFIRMED assessment never changes when reports, votes or the
 * policy change later; computing again makes a new DRAFT beside it.
 */
@ObjectType({ description: '考核 — a cadre’s assessment for a period: components, total, tier and the explanation. Advice for the Party committee.' })
@Entity('assessment')
// The ranking (the live assessments of a region or county and period, with what its entries
// show: read from the index alone, not from the rows with their explanations) and the
// supersede of a set of cadres' drafts.
@Index(['regionId', 'period', 'deletedAt', 'cadreId', 'status', 'countyId', 'departmentId', 'computedTier', 'overrideTier', 'total'])
@Index(['cadreId', 'period'])
export class Assessment extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  cadreId: number;

  @ManyToOne(() => Cadre, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cadreId' })
  cadreRow?: Relation<Cadre>;

  @Field(() => ID)
  @Column({ type: 'int' })
  regionId: number;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: 'int', nullable: true })
  countyId: number | null;

  @Field(() => ID)
  @Index()
  @Column({ type: 'int' })
  departmentId: number;

  @Field(() => String, { description: '2026, 2026-Q3 or 2026-09.' })
  @Column({ type: 'varchar', length: 10 })
  period: string;

  @Field(() => LocalDateScalar, { description: 'The date the figures were taken at.' })
  @Column({ type: 'date' })
  asOf: string;

  @Field(() => ID, { description: 'The assessment policy used (0 = the built-in defaults).' })
  @Column({ type: 'int', default: 0 })
  policyId: number;

  @Field(() => Float, { nullable: true, description: '目标完成 0–100; null when the cadre had no target due in the period.' })
  @Column({ type: 'double', nullable: true })
  targetScore: number | null;

  @Field(() => Float, { nullable: true, description: '按时完成 0–100.' })
  @Column({ type: 'double', nullable: true })
  timelinessScore: number | null;

  @Field(() => Float, { nullable: true, description: '督查 0–100.' })
  @Column({ type: 'double', nullable: true })
  inspectionScore: number | null;

  @Field(() => Float, { nullable: true, description: '民主测评 0–100; null without votes.' })
  @Column({ type: 'double', nullable: true })
  democraticScore: number | null;

  @Field(() => Float, { description: 'Accountability penalties in the period.' })
  @Column({ type: 'double', default: 0 })
  penalty: number;

  @Field(() => Float, { description: 'Weighted components minus penalties.' })
  @Column({ type: 'double' })
  total: number;

  @Field(() => AssessmentTier, { description: 'The tier the rules give.' })
  @Column({ type: 'simple-enum', enum: AssessmentTier })
  computedTier: AssessmentTier;

  @Field(() => TierRule, { description: 'What decided the computed tier.' })
  @Column({ type: 'simple-enum', enum: TierRule })
  tierRule: TierRule;

  @Field(() => AssessmentTier, { nullable: true, description: 'A reviewer’s tier instead of the computed one (with overrideReason).' })
  @Column({ type: 'simple-enum', enum: AssessmentTier, nullable: true })
  overrideTier: AssessmentTier | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  overrideReason: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  overriddenById: number | null;

  @Field(() => AssessmentStatus)
  @Column({ type: 'simple-enum', enum: AssessmentStatus, default: AssessmentStatus.DRAFT })
  status: AssessmentStatus;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'datetime', precision: 6, nullable: true })
  confirmedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  confirmedById: number | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  computedById: number | null;

  /** Stored packed (stored-explanation.ts); exposed typed, as the API's AssessmentExplanation, through AssessmentResolver.explanation. */
  @Column({ type: 'json' })
  explanation: StoredExplanation;

  /**
   * A digest of what the draft states besides its date and computing user: its unit and its
   * stored explanation (every figure, the policy, what they were computed from). A
   * recomputation with the same digest keeps the draft (giving it the new date and user if
   * those differ, without writing it again); otherwise the draft is written over in place.
   */
  @Column({ type: 'varchar', length: 32, nullable: true })
  fingerprint: string | null;
}
