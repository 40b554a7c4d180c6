import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { Department } from './department.entity.js';

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Gender, { name: 'Gender', valuesConfig: { MALE: { description: '男' }, FEMALE: { description: '女' } } });

export enum CadreStatus {
  ACTIVE = 'ACTIVE',
  TRANSFERRED = 'TRANSFERRED',
  RETIRED = 'RETIRED',
}
registerEnumType(CadreStatus, {
  name: 'CadreStatus',
  valuesConfig: { ACTIVE: { description: '在职' }, TRANSFERRED: { description: '调离' }, RETIRED: { description: '退休' } },
});

@ObjectType({ description: '干部 — an official, belonging to a department.' })
@Entity('cadre')
export class Cadre extends BaseRecord {
  @Field(() => ID)
  @Index()
  @Column({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'departmentId' })
  departmentRow?: Relation<Department>;

  @Field(() => String)
  @Index()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { nullable: true, description: 'The name in Tibetan script, for Tibetan cadres.' })
  @Column({ type: 'varchar', length: 191, nullable: true })
  nameTibetan: string | null;

  @Field(() => Gender)
  @Column({ type: 'simple-enum', enum: Gender })
  gender: Gender;

  @Field(() => String, { description: '民族, e.g. 藏族, 汉族.' })
  @Column({ type: 'varchar', length: 20 })
  ethnicity: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column({ type: 'date', nullable: true })
  birthDate: string | null;

  @Field(() => String, { description: '职务, e.g. 组织部部长.' })
  @Column({ type: 'varchar', length: 100 })
  position: string;

  @Field(() => String, { description: '职级, e.g. 正科级, 一级主任科员.' })
  @Column({ type: 'varchar', length: 50 })
  rank: string;

  @Field(() => CadreStatus)
  @Column({ type: 'simple-enum', enum: CadreStatus, default: CadreStatus.ACTIVE })
  status: CadreStatus;

  /** Exposed through CadreResolver.phone, which hides it from analysts. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;
}
