import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { Cadre } from '../hierarchy/cadre.entity.js';
import { County } from '../hierarchy/county.entity.js';
import { Department } from '../hierarchy/department.entity.js';
import { Region } from '../hierarchy/region.entity.js';
import { Directive } from './directive.entity.js';

export enum TargetCategory {
  PARTY_BUILDING = 'PARTY_BUILDING',
  CADRE_TEAM = 'CADRE_TEAM',
  PERSONNEL_TALENT = 'PERSONNEL_TALENT',
  CADRE_TRAINING = 'CADRE_TRAINING',
  OTHER = 'OTHER',
}
registerEnumType(TargetCategory, {
  name: 'TargetCategory',
  valuesConfig: {
    PARTY_BUILDING: { description: '基层党建' },
    CADRE_TEAM: { description: '干部队伍建设' },
    PERSONNEL_TALENT: { description: '人事人才' },
    CADRE_TRAINING: { description: '干部教育培训' },
    OTHER: { description: '其他' },
  },
});

export enum TargetKind {
  QUALITATIVE = 'QUALITATIVE',
  QUANTITATIVE = 'QUANTITATIVE',
}
registerEnumType(TargetKind, {
  name: 'TargetKind',
  valuesConfig: { QUALITATIVE: { description: '定性' }, QUANTITATIVE: { description: '定量' } },
});

export enum TargetStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  COMPLETED_LATE = 'COMPLETED_LATE',
  OVERDUE = 'OVERDUE',
}
registerEnumType(TargetStatus, {
  name: 'TargetStatus',
  valuesConfig: {
    NOT_STARTED: { description: '未启动（无进展报告）' },
    IN_PROGRESS: { description: '推进中' },
    COMPLETED: { description: '按期完成' },
    COMPLETED_LATE: { description: '逾期完成' },
    OVERDUE: { description: '逾期未完成' },
  },
});

export enum WarningLevel {
  GREEN = 'GREEN',
  YELLOW = 'YELLOW',
  RED = 'RED',
}
registerEnumType(WarningLevel, {
  name: 'WarningLevel',
  valuesConfig: { GREEN: { description: '绿灯' }, YELLOW: { description: '黄灯' }, RED: { description: '红灯' } },
});

/**
 * 工作目标: a node of the decomposition tree (target → sub-targets → tasks). `path`,
 * `rootId`, `share` and `isLeaf` are kept by the service so that progress of any subtree is a
 * single SQL aggregate: p(node) = Σ over leaves below it of share(leaf)·p(leaf) / share(node).
 */
@ObjectType({ description: '工作目标 — a node of the decomposition tree.' })
@Entity('target')
@Index(['rootId', 'path'])
// Region-wide aggregates and counts read this index alone, not the rows; a period's targets in play, a range of its deadlines.
@Index(['regionId', 'deletedAt', 'deadline', 'startDate', 'countyId', 'parentId'])
export class Target extends BaseRecord {
  @Field(() => ID)
  @Index()
  @Column({ type: 'int' })
  regionId: number;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regionId' })
  regionRow?: Relation<Region>;

  @Field(() => ID, { nullable: true, description: 'null for a root target.' })
  @Index()
  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @ManyToOne(() => Target, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parentId' })
  parentRow?: Relation<Target> | null;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: 'int', nullable: true })
  directiveId: number | null;

  @ManyToOne(() => Directive, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'directiveId' })
  directiveRow?: Relation<Directive> | null;

  /** The root of the tree this target belongs to (itself for a root). */
  @Column({ type: 'int', default: 0 })
  rootId: number;

  /** Ids from the root down to this target: `/12/40/41/`. */
  @Column({ type: 'varchar', length: 191, default: '' })
  path: string;

  /** Product of the normalised weights from the root down to here (root = 1). */
  @Column({ type: 'double', default: 1 })
  share: number;

  @Field(() => Boolean, { description: 'true when it has no sub-targets; progress reports go on leaves.' })
  @Column({ type: 'boolean', default: true })
  isLeaf: boolean;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => TargetCategory)
  @Index()
  @Column({ type: 'simple-enum', enum: TargetCategory })
  category: TargetCategory;

  @Field(() => TargetKind)
  @Column({ type: 'simple-enum', enum: TargetKind })
  kind: TargetKind;

  @Field(() => String, { nullable: true, description: 'Unit of a quantitative target, e.g. 人, 个, %.' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  unit: string | null;

  @Field(() => Float, { nullable: true, description: 'Starting value of a quantitative target.' })
  @Column({ type: 'double', nullable: true })
  baseline: number | null;

  @Field(() => Float, { nullable: true, description: 'Value to reach; below the baseline for a decreasing target.' })
  @Column({ type: 'double', nullable: true })
  targetValue: number | null;

  @Field(() => Boolean, {
    description: 'Quantitative: whether the children’s values add up to this one’s (counts do; rates and ratios do not). allocationGap is null when not.',
  })
  @Column({ type: 'boolean', default: true })
  additive: boolean;

  @Field(() => LocalDateScalar)
  @Column({ type: 'date' })
  startDate: string;

  @Field(() => LocalDateScalar, { description: '完成时限' })
  @Index()
  @Column({ type: 'date' })
  deadline: string;

  @Field(() => String, { nullable: true, description: '质量标准' })
  @Column({ type: 'text', nullable: true })
  qualityStandard: string | null;

  @Field(() => Float, { description: 'Weight among its siblings in the roll-up (> 0).' })
  @Column({ type: 'double', default: 1 })
  weight: number;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: 'int', nullable: true })
  responsibleCountyId: number | null;

  @ManyToOne(() => County, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'responsibleCountyId' })
  responsibleCountyRow?: Relation<County> | null;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: 'int', nullable: true })
  responsibleDepartmentId: number | null;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'responsibleDepartmentId' })
  responsibleDepartmentRow?: Relation<Department> | null;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: 'int', nullable: true })
  responsibleCadreId: number | null;

  @ManyToOne(() => Cadre, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'responsibleCadreId' })
  responsibleCadreRow?: Relation<Cadre> | null;

  @Field(() => ID, { nullable: true, description: 'The county the target belongs to: its responsible county, or the nearest ancestor’s.' })
  @Index()
  @Column({ type: 'int', nullable: true })
  countyId: number | null;
}
