import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { Cadre } from '../hierarchy/cadre.entity.js';
import { Target } from '../targets/target.entity.js';

export enum AccountabilityMeasure {
  ADMONISHMENT = 'ADMONISHMENT',
  CRITICISM = 'CRITICISM',
  REASSIGNMENT = 'REASSIGNMENT',
  REMOVAL = 'REMOVAL',
}
registerEnumType(AccountabilityMeasure, {
  name: 'AccountabilityMeasure',
  valuesConfig: {
    ADMONISHMENT: { description: '诫勉谈话' },
    CRITICISM: { description: '通报批评' },
    REASSIGNMENT: { description: '调整岗位' },
    REMOVAL: { description: '免职' },
  },
});

@ObjectType({ description: '责任追究 — an accountability measure decided against a cadre, optionally for a target.' })
@Entity('accountability')
@Index(['cadreId', 'decidedOn'])
@Index(['regionId', 'decidedOn'])
export class Accountability extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  cadreId: number;

  @ManyToOne(() => Cadre, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cadreId' })
  cadreRow?: Relation<Cadre>;

  @Field(() => ID, { nullable: true, description: 'The target the measure is about, when there is one.' })
  @Index()
  @Column({ type: 'int', nullable: true })
  targetId: number | null;

  @ManyToOne(() => Target, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'targetId' })
  targetRow?: Relation<Target> | null;

  @Field(() => ID)
  @Column({ type: 'int' })
  regionId: number;

  @Field(() => ID, { nullable: true, description: 'The cadre’s county when decided (null for a region-level unit).' })
  @Index()
  @Column({ type: 'int', nullable: true })
  countyId: number | null;

  @Field(() => ID)
  @Index()
  @Column({ type: 'int' })
  departmentId: number;

  @Field(() => LocalDateScalar)
  @Column({ type: 'date' })
  decidedOn: string;

  @Field(() => AccountabilityMeasure)
  @Column({ type: 'simple-enum', enum: AccountabilityMeasure })
  measure: AccountabilityMeasure;

  @Field(() => String)
  @Column({ type: 'text' })
  reason: string;

  @Field(() => String, { description: 'The body that decided (e.g. 县纪委监委, 地委组织部).' })
  @Column({ type: 'varchar', length: 200 })
  decidingBody: string;

  @Field(() => String, { nullable: true, description: 'Documents the decision rests on.' })
  @Column({ type: 'text', nullable: true })
  evidence: string | null;
}
