import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, DeleteDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateTimeScalar } from './scalars.js';

/**
 * Every mutable row: id, timestamps, an optimistic-lock version and a soft-delete mark.
 * `version` is a plain column on purpose: services bump it with a compare-and-set UPDATE
 * (TypeORM's @VersionColumn neither checks it nor leaves it alone on no-op saves).
 */
@ObjectType()
export abstract class BaseRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'datetime', precision: 6 })
  createdAt: Date;

  @Field(() => DateTimeScalar)
  @UpdateDateColumn({ type: 'datetime', precision: 6 })
  updatedAt: Date;

  @Field(() => Int, { description: 'Optimistic-lock version: send it back with every update.' })
  @Column({ type: 'int', default: 1 })
  version: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Set when the record is soft-deleted.' })
  @DeleteDateColumn({ type: 'datetime', precision: 6, nullable: true })
  deletedAt: Date | null;
}

/** Fields that bookkeeping owns: never taken from input, never listed as audit changes. */
export const BOOKKEEPING_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'version', 'deletedAt']);
