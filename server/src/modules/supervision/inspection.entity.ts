import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { County } from '../hierarchy/county.entity.js';
import { Department } from '../hierarchy/department.entity.js';
import { Target } from '../targets/target.entity.js';

export enum InspectionKind {
  ROUTINE = 'ROUTINE',
  SPECIAL = 'SPECIAL',
  UNANNOUNCED = 'UNANNOUNCED',
}
registerEnumType(InspectionKind, {
  name: 'InspectionKind',
  valuesConfig: { ROUTINE: { description: '常规督查' }, SPECIAL: { description: '专项督查' }, UNANNOUNCED: { description: '暗访' } },
});

export enum RectificationStatus {
  NONE = 'NONE',
  OPEN = 'OPEN',
  DONE = 'DONE',
}
registerEnumType(RectificationStatus, {
  name: 'RectificationStatus',
  valuesConfig: { NONE: { description: '无需整改' }, OPEN: { description: '整改中' }, DONE: { description: '已整改' } },
});

@ObjectType({ description: '督查 — an inspection of a target, or of a county or department, with findings and rectification (整改).' })
@Entity('inspection')
// An assessment's inspections: those of a set of targets within a period.
@Index(['targetId', 'inspectedOn'])
export class Inspection extends BaseRecord {
  @Field(() => ID)
  @Index()
  @Column({ type: 'int' })
  regionId: number;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: 'int', nullable: true })
  countyId: number | null;

  @ManyToOne(() => County, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'countyId' })
  countyRow?: Relation<County> | null;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: 'int', nullable: true })
  departmentId: number | null;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'departmentId' })
  departmentRow?: Relation<Department> | null;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: 'int', nullable: true })
  targetId: number | null;

  @ManyToOne(() => Target, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'targetId' })
  targetRow?: Relation<Target> | null;

  @Field(() => LocalDateScalar)
  @Column({ type: 'date' })
  inspectedOn: string;

  @Field(() => InspectionKind)
  @Column({ type: 'simple-enum', enum: InspectionKind })
  kind: InspectionKind;

  @Field(() => String, { description: 'Who inspected (督查组成员).' })
  @Column({ type: 'varchar', length: 500 })
  inspectors: string;

  @Field(() => String)
  @Column({ type: 'text' })
  findings: string;

  @Field(() => Float, { description: '0–100.' })
  @Column({ type: 'double' })
  rating: number;

  @Field(() => Boolean)
  @Column({ type: 'boolean', default: false })
  rectificationRequired: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: '整改时限' })
  @Column({ type: 'date', nullable: true })
  rectificationDeadline: string | null;

  @Field(() => RectificationStatus)
  @Column({ type: 'simple-enum', enum: RectificationStatus, default: RectificationStatus.NONE })
  rectificationStatus: RectificationStatus;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the rectification was completed.' })
  @Column({ type: 'date', nullable: true })
  closedOn: string | null;

  @Field(() => String, { nullable: true, description: 'What was done to rectify.' })
  @Column({ type: 'text', nullable: true })
  rectificationNote: string | null;
}
