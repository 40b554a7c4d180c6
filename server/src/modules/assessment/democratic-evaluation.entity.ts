import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { Cadre } from '../hierarchy/cadre.entity.js';

/**
 * 民主测评: the votes of one democratic evaluation of a cadre for a period. Filed under the
 * cadre's region, county and department when it was recorded (like a report under its target's).
 */
@ObjectType({ description: '民主测评 — the votes of a democratic evaluation of a cadre for a period (one per cadre and period).' })
@Entity('democratic_evaluation')
@Index(['cadreId', 'period'])
@Index(['regionId', 'periodFrom'])
export class DemocraticEvaluation extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  cadreId: number;

  @ManyToOne(() => Cadre, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cadreId' })
  cadreRow?: Relation<Cadre>;

  @Field(() => ID)
  @Column({ type: 'int' })
  regionId: number;

  @Field(() => ID, { nullable: true, description: 'The cadre’s county when recorded (null for a region-level unit).' })
  @Index()
  @Column({ type: 'int', nullable: true })
  countyId: number | null;

  @Field(() => ID)
  @Index()
  @Column({ type: 'int' })
  departmentId: number;

  @Field(() => String, { description: 'The period evaluated: 2026, 2026-Q3 or 2026-09.' })
  @Column({ type: 'varchar', length: 10 })
  period: string;

  /** First and last day of the period, kept with the row so that assessments select by date. */
  @Column({ type: 'date' })
  periodFrom: string;

  @Column({ type: 'date' })
  periodTo: string;

  @Field(() => Int, { description: '优秀 votes.' })
  @Column({ type: 'int' })
  excellent: number;

  @Field(() => Int, { description: '称职 votes.' })
  @Column({ type: 'int' })
  competent: number;

  @Field(() => Int, { description: '基本称职 votes.' })
  @Column({ type: 'int' })
  basicallyCompetent: number;

  @Field(() => Int, { description: '不称职 votes.' })
  @Column({ type: 'int' })
  incompetent: number;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the evaluation meeting was held.' })
  @Column({ type: 'date', nullable: true })
  meetingDate: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
