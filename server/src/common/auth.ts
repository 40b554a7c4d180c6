import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import jwt from 'jsonwebtoken';

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
