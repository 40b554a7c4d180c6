import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import jwt from 'jsonwebtoken';
import type { DataSource } from 'typeorm';
import type { Principal, Role } from './scope.js';

/** argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended baseline. */
export const passwords = {
  hash: (password: string) => hash(password),
  verify: (passwordHash: string, password: string) => verify(passwordHash, password).catch(() => false),
};

/**
 * One spelling per name: Unicode NFKC (full-width and composed forms fold together), no
 * surrounding spaces, lower case. Applied when a user is created or renamed and to every
 * login, and stored so, so that the database compares names exactly.
 */
export function normalizeUsername(name: string): string {
  return name.slice(0, 256).normalize('NFKC').trim().toLowerCase().normalize('NFKC');
}

/** A fresh random session id for a token's `jti`. */
export const newTokenId = () => randomBytes(24).toString('base64url');

/** A signed token naming its user and its session (the session row decides whether it still counts). */
export function signToken(secret: string, userId: number, tokenId: string, lifetimeSeconds: number): { token: string; expiresAt: Date } {
  const token = jwt.sign({}, secretKey(secret), { subject: String(userId), jwtid: tokenId, expiresIn: lifetimeSeconds, issuer: 'luoshi', algorithm: 'HS256' });
  return { token, expiresAt: new Date(Date.now() + lifetimeSeconds * 1000) };
}

/**
 * The HMAC key object of a secret, built once: handed a string, jsonwebtoken first tries to
 * parse it as a public key on every verify (an exception and `createPublicKey` per request).
 */
const secretKeys = new Map<string, KeyObject>();
function secretKey(secret: string): KeyObject {
  let key = secretKeys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret));
    secretKeys.set(secret, key);
  }
  return key;
}

/** The user and session a token names, or null when it is malformed, forged or expired. */
export function verifyToken(secret: string, token: string): { userId: number; tokenId: string } | null {
  try {
    const payload = jwt.verify(token, secretKey(secret), { issuer: 'luoshi', algorithms: ['HS256'] });
    if (typeof payload !== 'object') return null;
    const sub = Number(payload.sub);
    return Number.isInteger(sub) && typeof payload.jti === 'string' ? { userId: sub, tokenId: payload.jti } : null;
  } catch {
    return null;
  }
}

/** The statement of `sessionPrincipal`, per database (escaping differs). */
const sessionStatements = new WeakMap<DataSource, string>();

/**
 * The principal a verified token stands for, or null when its session was revoked or has
 * expired, or the user is gone or inactive: one statement, the user joined to the token's
 * session, reading only the columns a principal needs (no entity hydration, no query builder:
 * it runs on every request). The same check as `userService.principalFor`.
 */
export async function sessionPrincipal(db: DataSource, token: { userId: number; tokenId: string }): Promise<Principal | null> {
  let text = sessionStatements.get(db);
  if (!text) {
    const e = (name: string) => db.driver.escape(name);
    const user = e(db.getMetadata('User').tableName);
    const session = e(db.getMetadata('UserSession').tableName);
    text =
      `SELECT u.${e('id')} AS ${e('id')}, u.${e('username')} AS ${e('username')}, u.${e('role')} AS ${e('role')}, u.${e('regionId')} AS ${e('regionId')}, u.${e('countyId')} AS ${e('countyId')}, u.${e('active')} AS ${e('active')}` +
      ` FROM ${user} u INNER JOIN ${session} s ON s.${e('userId')} = u.${e('id')}` +
      ` WHERE u.${e('id')} = ? AND s.${e('tokenId')} = ? AND s.${e('revokedAt')} IS NULL AND s.${e('expiresAt')} > ? AND u.${e('deletedAt')} IS NULL`;
    sessionStatements.set(db, text);
  }
  const now = new Date();
  // SQLite keeps datetimes as UTC text (as TypeORM writes them); mysql2 converts a Date itself (timezone Z).
  const at = db.options.type === 'better-sqlite3' ? now.toISOString().replace('T', ' ').replace('Z', '') : now;
  const rows: { id: number; username: string; role: Role; regionId: number | null; countyId: number | null; active: unknown }[] = await db.query(text, [token.userId, token.tokenId, at]);
  const row = rows[0];
  if (!row || !Number(row.active)) return null;
  return { userId: Number(row.id), username: row.username, role: row.role, regionId: row.regionId === null ? null : Number(row.regionId), countyId: row.countyId === null ? null : Number(row.countyId), sessionId: token.tokenId };
}
