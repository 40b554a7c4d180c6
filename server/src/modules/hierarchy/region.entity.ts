import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/base.entity.js';

@ObjectType({ description: '地区（市）— a prefecture-level region such as 日喀则市 (540200).' })
@Entity('region')
export class Region extends BaseRecord {
  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { nullable: true, description: 'The name in Tibetan script, e.g. གཞིས་ཀ་རྩེ།' })
  @Column({ type: 'varchar', length: 191, nullable: true })
  nameTibetan: string | null;

  @Field(() => String, { description: '6-digit administrative division code, unique.' })
  @Column({ type: 'varchar', length: 6, unique: true })
  code: string;
}
