import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { County } from '../hierarchy/county.entity.js';
import { Target } from '../targets/target.entity.js';

export enum FeedbackChannel {
  HOTLINE = 'HOTLINE',
  LETTER = 'LETTER',
  VISIT = 'VISIT',
  ONLINE = 'ONLINE',
  SURVEY = 'SURVEY',
  OTHER = 'OTHER',
}
registerEnumType(FeedbackChannel, {
  name: 'FeedbackChannel',
  valuesConfig: {
    HOTLINE: { description: '热线电话' },
    LETTER: { description: '来信' },
    VISIT: { description: '来访' },
    ONLINE: { description: '网上留言' },
    SURVEY: { description: '走访调查' },
    OTHER: { description: '其他' },
  },
});

export enum FeedbackStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
  CLOSED = 'CLOSED',
}
registerEnumType(FeedbackStatus, {
  name: 'FeedbackStatus',
  valuesConfig: { OPEN: { description: '待办理' }, ANSWERED: { description: '已答复' }, CLOSED: { description: '已办结' } },
});

@ObjectType({ description: '群众意见 — an opinion from the public, its handling, and the target it led to.' })
@Entity('public_feedback')
export class PublicFeedback extends BaseRecord {
  @Field(() => ID)
  @Index()
  @Column({ type: 'int' })
  regionId: number;

  @Field(() => ID)
  @Index()
  @Column({ type: 'int' })
  countyId: number;

  @ManyToOne(() => County, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'countyId' })
  countyRow?: Relation<County>;

  @Field(() => LocalDateScalar)
  @Column({ type: 'date' })
  receivedOn: string;

  @Field(() => FeedbackChannel)
  @Column({ type: 'simple-enum', enum: FeedbackChannel })
  channel: FeedbackChannel;

  @Field(() => String)
  @Column({ type: 'text' })
  content: string;

  @Field(() => FeedbackStatus)
  @Column({ type: 'simple-enum', enum: FeedbackStatus, default: FeedbackStatus.OPEN })
  status: FeedbackStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  response: string | null;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: 'int', nullable: true })
  targetId: number | null;

  @ManyToOne(() => Target, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'targetId' })
  targetRow?: Relation<Target> | null;
}
