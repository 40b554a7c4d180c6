import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar, JSONScalar } from '../../common/scalars.js';

export enum AuditAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  RESTORE = 'RESTORE',
  LOGIN = 'LOGIN',
  LOGIN_FAILED = 'LOGIN_FAILED',
  PUBLISH = 'PUBLISH',
}
registerEnumType(AuditAction, { name: 'AuditAction' });

/** Before and after of each changed field: `{ "name": { "before": "旧", "after": "新" } }`. */
export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

/**
 * 留痕: one row per change, written in the transaction of the change itself. Append-only:
 * no API path updates or deletes it. regionId / countyId record where the changed row sat,
 * so county users can read the trail of their own county's rows and nothing else.
 */
@ObjectType({ description: '审计事件 — who changed what, when (append-only).' })
@Entity('audit_event')
@Index(['entityType', 'entityId'])
@Index(['actorName', 'action', 'at'])
@Index(['regionId', 'countyId'])
export class AuditEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => DateTimeScalar)
  @Index()
  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  @Field(() => ID, { nullable: true, description: 'The acting user; null for a failed login of an unknown name.' })
  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Field(() => String, { description: 'The acting username (for LOGIN_FAILED: the name that was tried).' })
  @Column({ type: 'varchar', length: 64 })
  actorName: string;

  @Field(() => AuditAction)
  @Column({ type: 'simple-enum', enum: AuditAction })
  action: AuditAction;

  @Field(() => String)
  @Column({ type: 'varchar', length: 64 })
  entityType: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  entityId: number | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  regionId: number | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  countyId: number | null;

  @Field(() => JSONScalar, { nullable: true, description: 'Changed fields with before and after values.' })
  @Column({ type: 'json', nullable: true })
  changes: AuditChanges | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;
}
