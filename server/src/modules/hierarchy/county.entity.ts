import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity.js';
import { Region } from './region.entity.js';

@ObjectType({ description: '县（区）— a county-level division of a region, e.g. 江孜县 (540222).' })
@Entity('county')
export class County extends BaseRecord {
  @Field(() => ID)
  @Index()
  @Column({ type: 'int' })
  regionId: number;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regionId' })
  regionRow?: Relation<Region>;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { nullable: true, description: 'The name in Tibetan script.' })
  @Column({ type: 'varchar', length: 191, nullable: true })
  nameTibetan: string | null;

  @Field(() => String, { description: '6-digit administrative division code, unique.' })
  @Column({ type: 'varchar', length: 6, unique: true })
  code: string;
}
