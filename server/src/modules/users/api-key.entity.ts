import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity.js';
import { DateTimeScalar } from '../../common/scalars.js';
import { Region } from '../hierarchy/region.entity.js';

export enum ApiKeyScope {
  READ_ANALYTICS = 'READ_ANALYTICS',
}
registerEnumType(ApiKeyScope, { name: 'ApiKeyScope', valuesConfig: { READ_ANALYTICS: { description: 'Aggregate analytics queries only' } } });

@ObjectType({ description: 'A dashboard’s key. The key itself is shown once, at creation; only its hash is kept.' })
@Entity('api_key')
export class ApiKey extends BaseRecord {
  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { description: 'The first characters of the key, to recognise it.' })
  @Column({ type: 'varchar', length: 16 })
  keyPrefix: string;

  /** SHA-256 of the key (keys are 256-bit random, so a fast hash is enough). */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  keyHash: string;

  @Field(() => ApiKeyScope)
  @Column({ type: 'simple-enum', enum: ApiKeyScope, default: ApiKeyScope.READ_ANALYTICS })
  scope: ApiKeyScope;

  @Field(() => ID)
  @Index()
  @Column({ type: 'int' })
  regionId: number;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regionId' })
  regionRow?: Relation<Region>;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'datetime', precision: 6, nullable: true })
  revokedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  createdById: number | null;
}
