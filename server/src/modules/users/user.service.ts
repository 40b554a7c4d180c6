import { createHash } from 'node:crypto';
import { MoreThan, type EntityManager } from 'typeorm';
import { passwords, signToken } from '../../common/auth.js';
import type { Context } from '../../common/context.js';
import { errors } from '../../common/errors.js';
import { entityLabel } from '../../common/i18n.js';
import { parseId } from '../../common/query/list.js';
import { Loaders } from '../../common/query/loaders.js';
import { RecordService } from '../../common/records.js';
import { scopeByColumns, type ResourceDef } from '../../common/query/resource.js';
import { Role, scopeOf, type Principal } from '../../common/scope.js';
import { inTransaction } from '../../common/transaction.js';
import { AuditAction, AuditEvent } from '../audit/audit-event.entity.js';
import { auditService } from '../audit/audit.service.js';
import { County } from '../hierarchy/county.entity.js';
import { countyResource } from '../hierarchy/county.service.js';
import { Region } from '../hierarchy/region.entity.js';
import { regionResource } from '../hierarchy/region.service.js';
import { User } from './user.entity.js';
import { MIN_PASSWORD_LENGTH, userQuery, type CreateUserInput, type LoginResult, type UpdateUserInput } from './user.inputs.js';

export const userResource: ResourceDef<User> = {
  type: 'User',
  entity: User,
  query: userQuery,
  readableBy: [Role.ADMIN, Role.REGIONAL, Role.COUNTY],
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

/** Failed logins allowed per username (and, ten times over, per address) in the window. */
export const LOGIN_THROTTLE = { failures: 5, perIpFailures: 50, windowMinutes: 15 };

type Values = Partial<Record<keyof User, unknown>> & { password?: string };

class UserService extends RecordService<User, CreateUserInput, UpdateUserInput> {
  /** Hashes a new password; keeps role, region and county consistent with each other. */
  protected override async prepare(ctx: Context, db: EntityManager, input: Values, current: User | null): Promise<Values> {
    const { password, ...values } = input;
    if (password !== undefined) values.passwordHash = await passwords.hash(password);
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
   * Checks a password and issues a token. Failures are written to the audit trail in their
   * own transaction; the trail is also what throttles them, so every replica sees the same count.
   */
  login(ctx: Context, username: string, password: string): Promise<LoginResult> {
    // Attempts for one name run one after another in this process, so parallel guesses
    // cannot all pass the count before any failure is written (across N replicas: at most N).
    const previous = loginQueues.get(username) ?? Promise.resolve();
    const attempt = previous.catch(() => undefined).then(() => this.attemptLogin(ctx, username, password));
    const settled = attempt.catch(() => undefined);
    loginQueues.set(username, settled);
    void settled.then(() => {
      if (loginQueues.get(username) === settled) loginQueues.delete(username);
    });
    return attempt;
  }

  private async attemptLogin(ctx: Context, username: string, password: string): Promise<LoginResult> {
    const db = ctx.db.manager;
    const since = new Date(Date.now() - LOGIN_THROTTLE.windowMinutes * 60_000);
    const lastSuccess = await db.findOne(AuditEvent, {
      where: { actorName: username, action: AuditAction.LOGIN, at: MoreThan(since) },
      order: { at: 'DESC' },
    });
    const from = lastSuccess ? lastSuccess.at : since;
    const failures = await db.count(AuditEvent, { where: { actorName: username, action: AuditAction.LOGIN_FAILED, at: MoreThan(from) } });
    const ipFailures = await db.count(AuditEvent, { where: { ip: ctx.ip, action: AuditAction.LOGIN_FAILED, at: MoreThan(since) } });
    if (failures >= LOGIN_THROTTLE.failures || ipFailures >= LOGIN_THROTTLE.perIpFailures) {
      throw errors.tooManyRequests(LOGIN_THROTTLE.windowMinutes);
    }

    const user = await db.findOne(User, { where: { username } });
    // Verify against a real hash even for unknown names, so timing does not reveal which exist.
    const ok = await passwords.verify(user?.passwordHash ?? DUMMY_HASH, password);
    const location = { regionId: user?.regionId ?? null, countyId: user?.countyId ?? null };
    if (!user || !user.active || !ok) {
      await inTransaction(ctx.db, (tx) =>
        auditService.record(tx, ctx, {
          action: AuditAction.LOGIN_FAILED,
          entityType: 'User',
          entityId: user?.id ?? null,
          location,
          changes: null,
          actor: { id: null, name: username.slice(0, 64) },
        }),
      );
      throw errors.unauthenticated('loginFailed');
    }
    await inTransaction(ctx.db, (tx) =>
      auditService.record(tx, ctx, {
        action: AuditAction.LOGIN,
        entityType: 'User',
        entityId: user.id,
        location,
        changes: null,
        actor: { id: user.id, name: user.username },
      }),
    );
    // The rest of this operation (e.g. `user { county { name } }`) reads as the user just logged in.
    ctx.principal = principalOf(user);
    ctx.scope = scopeOf(ctx.principal);
    ctx.loaders = new Loaders(ctx); // Apollo hands resolvers a copy of the context: bind fresh loaders to it
    return { ...signToken(ctx.config.jwtSecret, user.id, passwordFingerprint(user.passwordHash)), user };
  }

  /** The principal a token's user id stands for, or null when the user is gone or inactive. */
  async principalFor(db: EntityManager, token: { userId: number; fingerprint: string | null }): Promise<Principal | null> {
    const user = await db.findOne(User, { where: { id: token.userId } });
    // A password change (or reset) ends the sessions opened with the old password.
    if (!user || !user.active || token.fingerprint !== passwordFingerprint(user.passwordHash)) return null;
    return principalOf(user);
  }

  me(ctx: Context): Promise<User | null> {
    return ctx.principal ? ctx.db.manager.findOne(User, { where: { id: ctx.principal.userId } }) : Promise.resolve(null);
  }

  /** Any user changes their own password, proving the current one. */
  async changePassword(ctx: Context, currentPassword: string, newPassword: string): Promise<boolean> {
    if (newPassword.length < MIN_PASSWORD_LENGTH) throw errors.badInput('newPassword', 'passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    const me = await this.me(ctx);
    if (!me || !(await passwords.verify(me.passwordHash, currentPassword))) throw errors.badInput('currentPassword', 'loginFailed');
    return inTransaction(ctx.db, async (db) => {
      const passwordHash = await passwords.hash(newPassword);
      const result = await db.update(User, { id: me.id, version: me.version }, { passwordHash, version: me.version + 1, updatedAt: new Date() });
      if (result.affected !== 1) {
        const now = await db.findOneOrFail(User, { where: { id: me.id } });
        throw errors.conflict(entityLabel('User'), me.id, me.version, now.version);
      }
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
}

function principalOf(user: User): Principal {
  return { userId: user.id, username: user.username, role: user.role, regionId: user.regionId, countyId: user.countyId };
}

const loginQueues = new Map<string, Promise<unknown>>();

/** A short digest of the password hash, carried in tokens to tie them to the password. */
function passwordFingerprint(passwordHash: string): string {
  return createHash('sha256').update(passwordHash).digest('base64url').slice(0, 12);
}

const DUMMY_HASH = await passwords.hash('luoshi-timing-equaliser');

export const userService = new UserService(userResource);
