import { IsNull, LessThan, type EntityManager } from 'typeorm';
import { newTokenId, normalizeUsername, passwords, signToken } from '../../common/auth.js';
import type { Context } from '../../common/context.js';
import { AppError, ErrorCode, errors } from '../../common/errors.js';
import { entityLabel } from '../../common/i18n.js';
import { parseId } from '../../common/query/list.js';
import { Loaders } from '../../common/query/loaders.js';
import { RecordService } from '../../common/records.js';
import { scopeByColumns, type ResourceDef } from '../../common/query/resource.js';
import { Role, scopeOf, type Principal } from '../../common/scope.js';
import { inTransaction } from '../../common/transaction.js';
import { SECURITY_DEFAULTS } from '../../config.js';
import { AuditAction, type AuditChanges } from '../audit/audit-event.entity.js';
import { auditService } from '../audit/audit.service.js';
import { County } from '../hierarchy/county.entity.js';
import { countyResource } from '../hierarchy/county.service.js';
import { Region } from '../hierarchy/region.entity.js';
import { regionResource } from '../hierarchy/region.service.js';
import { limitedVerify, loginThrottle, oneAtATime } from './login-throttle.service.js';
import { UserSession } from './user-session.entity.js';
import { User } from './user.entity.js';
import { MIN_PASSWORD_LENGTH, userQuery, type CreateUserInput, type LoginResult, type UpdateUserInput } from './user.inputs.js';

export const userResource: ResourceDef<User> = {
  type: 'User',
  entity: User,
  query: userQuery,
  readableBy: [Role.ADMIN, Role.REGIONAL, Role.COUNTY, Role.ANALYST],
  readScope: scopeByColumns(),
  locate: async (_db, row) => ({ regionId: row.regionId ?? null, countyId: row.countyId ?? null }),
  writableBy: [Role.ADMIN],
  unique: ['username'],
  redacted: ['passwordHash'],
  parents: [
    { type: 'Region', entity: Region, column: 'regionId' },
    { type: 'County', entity: County, column: 'countyId' },
  ],
};

type Values = Partial<Record<keyof User, unknown>> & { password?: string };

class UserService extends RecordService<User, CreateUserInput, UpdateUserInput> {
  /** Hashes a new password; keeps role, region and county consistent with each other. */
  protected override async prepare(ctx: Context, db: EntityManager, input: Values, current: User | null): Promise<Values> {
    const { password, ...values } = input;
    if (typeof values.username === 'string') values.username = normalizeUsername(values.username);
    if (password !== undefined) {
      values.passwordHash = await passwords.hash(password);
      // A reset password ends the sessions opened with the old one.
      if (current) await revokeSessions(db, current.id);
    }
    if (current && current.id === ctx.principal?.userId && values.active === false) throw errors.badInput('active', 'cannotDeactivateSelf');

    const role = (values.role ?? current?.role) as Role;
    const countyInput = values.countyId !== undefined ? values.countyId : current?.countyId;
    const regionInput = values.regionId !== undefined ? values.regionId : current?.regionId;
    if (role === Role.COUNTY) {
      if (countyInput == null) throw errors.badInput('countyId', 'countyRoleNeedsCounty');
      const county = await this.reference(ctx, db, countyResource, countyInput, 'countyId');
      values.countyId = county.id;
      values.regionId = county.regionId;
    } else {
      values.countyId = null;
      if (role === Role.ADMIN) values.regionId = regionInput == null ? null : (await this.reference(ctx, db, regionResource, regionInput, 'regionId')).id;
      else {
        if (regionInput == null) throw errors.badInput('regionId', 'regionRoleNeedsRegion', { role });
        values.regionId = (await this.reference(ctx, db, regionResource, regionInput, 'regionId')).id;
      }
    }
    return values;
  }

  override async remove(ctx: Context, id: string): Promise<boolean> {
    if (parseId(id) === ctx.principal?.userId) throw errors.badInput('id', 'cannotDeactivateSelf');
    return super.remove(ctx, id);
  }

  /**
   * Checks a password and issues a token. The attempt is throttled per (username, address),
   * per username and per address (see login-throttle.service.ts); every failure, a throttled
   * attempt included, is written to the audit trail.
   */
  login(ctx: Context, username: string, password: string): Promise<LoginResult> {
    const name = normalizeUsername(username);
    return oneAtATime(name, ctx.ip, () => this.attemptLogin(ctx, name, password));
  }

  private async attemptLogin(ctx: Context, name: string, password: string): Promise<LoginResult> {
    let ticket;
    try {
      ticket = await loginThrottle.begin(ctx, name, ctx.ip);
    } catch (error) {
      if (isThrottled(error)) {
        // Filed where the user sits, so that the region's staff see attempts on their users too.
        const target = await ctx.db.manager.findOne(User, { where: { username: name } });
        await this.recordFailure(ctx, name, target, { throttled: { before: null, after: true } });
      }
      throw error;
    }
    let user: User | null = null;
    let ok: boolean;
    try {
      user = await ctx.db.manager.findOne(User, { where: { username: name } });
      // Verify against a real hash even for unknown names, so timing does not reveal which exist.
      ok = await limitedVerify(ctx.ip, () => passwords.verify(user?.passwordHash ?? DUMMY_HASH, password));
    } catch (error) {
      await loginThrottle.abandon(ctx, ticket);
      if (isThrottled(error)) await this.recordFailure(ctx, name, user, { throttled: { before: null, after: true } });
      throw error;
    }
    if (!user || !user.active || !ok) {
      await loginThrottle.failed(ctx, ticket);
      await this.recordFailure(ctx, name, user, null);
      throw errors.unauthenticated('loginFailed');
    }
    await loginThrottle.succeeded(ctx, ticket);
    const lifetimeSeconds = (ctx.config.tokenLifetimeMinutes ?? SECURITY_DEFAULTS.tokenLifetimeMinutes) * 60;
    const tokenId = newTokenId();
    const issued = signToken(ctx.config.jwtSecret, user.id, tokenId, lifetimeSeconds);
    await inTransaction(ctx.db, async (tx) => {
      await tx.delete(UserSession, { userId: user.id, expiresAt: LessThan(new Date()) });
      await tx.insert(UserSession, { tokenId, userId: user.id, createdAt: new Date(), expiresAt: issued.expiresAt, revokedAt: null });
      await auditService.record(tx, ctx, {
        action: AuditAction.LOGIN,
        entityType: 'User',
        entityId: user.id,
        location: { regionId: user.regionId, countyId: user.countyId },
        changes: null,
        actor: { id: user.id, name: user.username },
      });
    });
    // The rest of this operation (e.g. `user { county { name } }`) reads as the user just logged in.
    ctx.principal = { ...principalOf(user), sessionId: tokenId };
    ctx.scope = scopeOf(ctx.principal);
    ctx.loaders = new Loaders(ctx); // Apollo hands resolvers a copy of the context: bind fresh loaders to it
    return { ...issued, user };
  }

  private recordFailure(ctx: Context, name: string, user: User | null, changes: AuditChanges | null): Promise<void> {
    return inTransaction(ctx.db, (tx) =>
      auditService.record(tx, ctx, {
        action: AuditAction.LOGIN_FAILED,
        entityType: 'User',
        entityId: user?.id ?? null,
        location: { regionId: user?.regionId ?? null, countyId: user?.countyId ?? null },
        changes,
        actor: { id: null, name: name.slice(0, 64) },
      }),
    );
  }

  /**
   * The principal a token stands for, or null when its session was revoked or has expired, or
   * the user is gone or inactive. One statement: the user joined to the token's session.
   */
  async principalFor(db: EntityManager, token: { userId: number; tokenId: string }): Promise<Principal | null> {
    const user = await db
      .createQueryBuilder(User, 'u')
      .innerJoin(UserSession, 's', 's.userId = u.id')
      .where('u.id = :id AND s.tokenId = :tokenId AND s.revokedAt IS NULL AND s.expiresAt > :now', { id: token.userId, tokenId: token.tokenId, now: new Date() })
      .getOne();
    if (!user || !user.active) return null;
    return { ...principalOf(user), sessionId: token.tokenId };
  }

  /** Ends the caller's session: its token stops working at once, on every replica. */
  async logout(ctx: Context): Promise<boolean> {
    const sessionId = ctx.principal?.sessionId;
    if (!sessionId) throw errors.unauthenticated();
    await inTransaction(ctx.db, (tx) => tx.update(UserSession, { tokenId: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() }));
    return true;
  }

  me(ctx: Context): Promise<User | null> {
    return ctx.principal ? ctx.db.manager.findOne(User, { where: { id: ctx.principal.userId } }) : Promise.resolve(null);
  }

  /**
   * Any user changes their own password, proving the current one. Throttled and audited like
   * a login; on success every other session of the user ends.
   */
  async changePassword(ctx: Context, currentPassword: string, newPassword: string): Promise<boolean> {
    if (newPassword.length < MIN_PASSWORD_LENGTH) throw errors.badInput('newPassword', 'passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    const me = await this.me(ctx);
    if (!me) throw errors.unauthenticated();
    return oneAtATime(me.username, ctx.ip, () => this.attemptChangePassword(ctx, me, currentPassword, newPassword));
  }

  private async attemptChangePassword(ctx: Context, me: User, currentPassword: string, newPassword: string): Promise<boolean> {
    let ticket;
    try {
      ticket = await loginThrottle.begin(ctx, me.username, ctx.ip);
    } catch (error) {
      if (isThrottled(error)) await this.recordFailure(ctx, me.username, me, { throttled: { before: null, after: true }, operation: { before: null, after: 'changePassword' } });
      throw error;
    }
    let ok: boolean;
    try {
      ok = await limitedVerify(ctx.ip, () => passwords.verify(me.passwordHash, currentPassword));
    } catch (error) {
      await loginThrottle.abandon(ctx, ticket);
      throw error;
    }
    if (!ok) {
      await loginThrottle.failed(ctx, ticket);
      await this.recordFailure(ctx, me.username, me, { operation: { before: null, after: 'changePassword' } });
      throw errors.badInput('currentPassword', 'loginFailed');
    }
    await loginThrottle.succeeded(ctx, ticket);
    const passwordHash = await passwords.hash(newPassword);
    return inTransaction(ctx.db, async (db) => {
      const result = await db.update(User, { id: me.id, version: me.version }, { passwordHash, version: me.version + 1, updatedAt: new Date() });
      if (result.affected !== 1) {
        const now = await db.findOneOrFail(User, { where: { id: me.id } });
        throw errors.conflict(entityLabel('User'), me.id, me.version, now.version);
      }
      await revokeSessions(db, me.id, ctx.principal?.sessionId);
      await auditService.record(db, ctx, {
        action: AuditAction.UPDATE,
        entityType: 'User',
        entityId: me.id,
        location: { regionId: me.regionId, countyId: me.countyId },
        changes: { passwordHash: { before: '[redacted]', after: '[redacted]' } },
      });
      return true;
    });
  }

  /** A deleted user's sessions end with it, and stay ended if it is restored. */
  protected override async afterChange(_ctx: Context, db: EntityManager, row: User, action: AuditAction): Promise<void> {
    if (action === AuditAction.DELETE || !row.active) await revokeSessions(db, row.id);
  }
}

const isThrottled = (error: unknown) => error instanceof AppError && error.code === ErrorCode.TOO_MANY_REQUESTS;

/** Ends the sessions of a user (but `keep`): their tokens stop working at once. */
async function revokeSessions(db: EntityManager, userId: number, keep?: string): Promise<void> {
  const qb = db.createQueryBuilder().update(UserSession).set({ revokedAt: new Date() }).where('userId = :userId AND revokedAt IS NULL', { userId });
  if (keep) qb.andWhere('tokenId <> :keep', { keep });
  await qb.execute();
}

function principalOf(user: User): Principal {
  return { userId: user.id, username: user.username, role: user.role, regionId: user.regionId, countyId: user.countyId };
}

const DUMMY_HASH = await passwords.hash('luoshi-timing-equaliser');

export const userService = new UserService(userResource);
