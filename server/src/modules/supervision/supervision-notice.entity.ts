import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { Target } from '../targets/target.entity.js';

/** The escalation ladder for a lagging target, in order. */
export enum NoticeLevel {
  REMINDER = 'REMINDER',
  URGE = 'URGE',
  BLUE = 'BLUE',
  YELLOW = 'YELLOW',
  RED = 'RED',
}
registerEnumType(NoticeLevel, {
  name: 'NoticeLevel',
  valuesConfig: {
    REMINDER: { description: '提醒' },
    URGE: { description: '催办' },
    BLUE: { description: '蓝色督办单' },
    YELLOW: { description: '黄色督办单' },
    RED: { description: '红色督办单' },
  },
});
export const NOTICE_LADDER = [NoticeLevel.REMINDER, NoticeLevel.URGE, NoticeLevel.BLUE, NoticeLevel.YELLOW, NoticeLevel.RED];

@ObjectType({ description: '督办单 — a supervision notice on a lagging target; the county answers it by its due date.' })
@Entity('supervision_notice')
export class SupervisionNotice extends BaseRecord {
  @Field(() => ID)
  @Index()
  @Column({ type: 'int' })
  targetId: number;

  @ManyToOne(() => Target, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'targetId' })
  targetRow?: Relation<Target>;

  @Field(() => ID)
  @Index()
  @Column({ type: 'int' })
  regionId: number;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: 'int', nullable: true })
  countyId: number | null;

  @Field(() => NoticeLevel)
  @Column({ type: 'simple-enum', enum: NoticeLevel })
  level: NoticeLevel;

  @Field(() => LocalDateScalar)
  @Column({ type: 'date' })
  issuedOn: string;

  @Field(() => LocalDateScalar, { description: 'The response is due by this date.' })
  @Column({ type: 'date' })
  dueOn: string;

  @Field(() => String)
  @Column({ type: 'text' })
  content: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  issuedById: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the issuer departed from the ladder: a notice on a GREEN target, or one that skips rungs, needs a reason.',
  })
  @Column({ type: 'text', nullable: true })
  issueReason: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  response: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column({ type: 'date', nullable: true })
  respondedOn: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  respondedById: number | null;
}
