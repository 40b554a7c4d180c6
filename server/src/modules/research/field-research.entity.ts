import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity.js';
import { LocalDateScalar } from '../../common/scalars.js';
import { County } from '../hierarchy/county.entity.js';
import { Target } from '../targets/target.entity.js';

@ObjectType({ description: '调研 — a visit to a county to hear the grassroots (摸清下情), linked to the targets it led to.' })
@Entity('field_research')
export class FieldResearch extends BaseRecord {
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
  visitedOn: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  topic: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 500 })
  participants: string;

  @Field(() => String)
  @Column({ type: 'text' })
  findings: string;
}

/** Which targets a field research visit led to. */
@Entity('field_research_target')
export class FieldResearchTarget {
  @PrimaryColumn({ type: 'int' })
  fieldResearchId: number;

  @PrimaryColumn({ type: 'int' })
  @Index()
  targetId: number;

  @ManyToOne(() => FieldResearch, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fieldResearchId' })
  fieldResearchRow?: Relation<FieldResearch>;

  @ManyToOne(() => Target, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'targetId' })
  targetRow?: Relation<Target>;
}
