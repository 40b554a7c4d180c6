import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '../../common/scalars.js';

/**
 * 通报: a published, immutable snapshot of one period's rankings, red targets, overdue
 * rectifications and notices. Nothing updates or deletes it; the content is the JSON of
 * `BulletinContent` as it was at publication.
 */
@Entity('bulletin')
@Index(['regionId', 'period'])
@Index(['regionId', 'activePeriod'], { unique: true })
export class Bulletin {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  regionId: number;

  @Column({ type: 'varchar', length: 10 })
  period: string;

  @Column({ type: 'datetime', precision: 6 })
  publishedAt: Date;

  @Column({ type: 'int', nullable: true })
  publishedById: number | null;

  @Column({ type: 'json' })
  content: unknown;

  /** The period while the bulletin stands, null once withdrawn: at most one standing bulletin per period. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  activePeriod: string | null;

  @Column({ type: 'datetime', precision: 6, nullable: true })
  withdrawnAt: Date | null;

  @Column({ type: 'int', nullable: true })
  withdrawnById: number | null;

  @Column({ type: 'text', nullable: true })
  withdrawalReason: string | null;
}

@ObjectType({ description: 'Who published a bulletin and when.' })
export class BulletinPublication {
  @Field(() => ID) id: number;
  @Field(() => DateTimeScalar) publishedAt: Date;
  @Field(() => ID, { nullable: true }) publishedById: number | null;
}
