import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity.js';
import { County } from './county.entity.js';
import { Region } from './region.entity.js';

export enum DepartmentKind {
  PARTY = 'PARTY',
  GOVERNMENT = 'GOVERNMENT',
  INSTITUTION = 'INSTITUTION',
  TOWNSHIP = 'TOWNSHIP',
  OTHER = 'OTHER',
}
registerEnumType(DepartmentKind, {
  name: 'DepartmentKind',
  valuesConfig: {
    PARTY: { description: '党委部门' },
    GOVERNMENT: { description: '政府部门' },
    INSTITUTION: { description: '事业单位' },
    TOWNSHIP: { description: '乡镇' },
    OTHER: { description: '其他' },
  },
});

@ObjectType({ description: '部门（单位）— belongs to a county, or directly to the region (地直单位) when countyId is null.' })
@Entity('department')
export class Department extends BaseRecord {
  @Field(() => ID)
  @Index()
  @Column({ type: 'int' })
  regionId: number;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regionId' })
  regionRow?: Relation<Region>;

  @Field(() => ID, { nullable: true, description: 'null for a unit directly under the region (地直单位).' })
  @Index()
  @Column({ type: 'int', nullable: true })
  countyId: number | null;

  @ManyToOne(() => County, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'countyId' })
  countyRow?: Relation<County> | null;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => DepartmentKind)
  @Column({ type: 'simple-enum', enum: DepartmentKind })
  kind: DepartmentKind;
}
