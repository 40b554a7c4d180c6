import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { Region } from '../hierarchy/region.entity.js';

export enum IssuerLevel {
  CENTRAL = 'CENTRAL',
  AUTONOMOUS_REGION = 'AUTONOMOUS_REGION',
  PREFECTURE = 'PREFECTURE',
}
registerEnumType(IssuerLevel, {
  name: 'IssuerLevel',
  valuesConfig: {
    CENTRAL: { description: '中央' },
    AUTONOMOUS_REGION: { description: '自治区' },
    PREFECTURE: { description: '地（市）' },
  },
});

@ObjectType({ description: '上级部署 — a higher-level document or meeting that targets implement (吃透上情).' })
@Entity('directive')
export class Directive extends BaseRecord {
  @Field(() => ID, { description: 'The region that implements it.' })
  @Index()
  @Column({ type: 'int' })
  regionId: number;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regionId' })
  regionRow?: Relation<Region>;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => IssuerLevel)
  @Column({ type: 'simple-enum', enum: IssuerLevel })
  issuerLevel: IssuerLevel;

  @Field(() => String, { description: 'e.g. 自治区党委组织部' })
  @Column({ type: 'varchar', length: 100 })
  issuer: string;

  @Field(() => String, { nullable: true, description: 'e.g. 藏组发〔2026〕12号' })
  @Index()
  @Column({ type: 'varchar', length: 100, nullable: true })
  documentNumber: string | null;

  @Field(() => LocalDateScalar)
  @Column({ type: 'date' })
  issuedOn: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  summary: string | null;
}
