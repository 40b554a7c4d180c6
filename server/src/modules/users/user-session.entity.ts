import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One login session: a token names its session, and the token is honoured only while the
 * session is neither revoked nor expired. Logout, a password change, deactivation and
 * deletion revoke sessions in the database, so every replica stops honouring them at once.
 */
@Entity('user_session')
export class UserSession {
  @PrimaryGeneratedColumn()
  id: number;

  /** The random id carried in the token (`jti`). */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenId: string;

  @Index()
  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Index()
  @Column({ type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
