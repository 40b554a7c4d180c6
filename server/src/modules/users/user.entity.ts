import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity.js';
import { Role } from '../../common/scope.js';
import { County } from '../hierarchy/county.entity.js';
import { Region } from '../hierarchy/region.entity.js';

@ObjectType({ description: '用户 — a login. The password hash never leaves the server.' })
@Entity('user')
export class User extends BaseRecord {
  /** Normalized (NFKC, trimmed, lower case) and compared exactly: binary collation on MySQL/MariaDB. */
  @Field(() => String)
  @Column({ type: 'varchar', length: 64, unique: true, collation: 'utf8mb4_bin' })
  username: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  displayName: string | null;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Field(() => Role)
  @Column({ type: 'simple-enum', enum: Role })
  role: Role;

  @Field(() => ID, { nullable: true, description: 'The region a REGIONAL, ANALYST or COUNTY user works in.' })
  @Column({ type: 'int', nullable: true })
  regionId: number | null;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'regionId' })
  regionRow?: Relation<Region> | null;

  @Field(() => ID, { nullable: true, description: 'The county of a COUNTY user.' })
  @Column({ type: 'int', nullable: true })
  countyId: number | null;

  @ManyToOne(() => County, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'countyId' })
  countyRow?: Relation<County> | null;

  @Field(() => Boolean)
  @Column({ type: 'boolean', default: true })
  active: boolean;
}
