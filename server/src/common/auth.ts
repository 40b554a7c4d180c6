import { hash, verify } from '@node-rs/argon2';
import jwt from 'jsonwebtoken';
import type { MiddlewareFn } from 'type-graphql';
import type { Context } from './context.js';
import { errors } from './errors.js';

/** argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended baseline. */
export const passwords = {
  hash: (password: string) => hash(password),
  verify: (passwordHash: string, password: string) => verify(passwordHash, password).catch(() => false),
};

export const TOKEN_TTL_SECONDS = 12 * 60 * 60;

export function signToken(secret: string, userId: number, fingerprint: string): { token: string; expiresAt: Date } {
  const token = jwt.sign({ pw: fingerprint }, secret, { subject: String(userId), expiresIn: TOKEN_TTL_SECONDS, issuer: 'luoshi', algorithm: 'HS256' });
  return { token, expiresAt: new Date(Date.now() + TOKEN_TTL_SECONDS * 1000) };
}

/** The user a token names (and the password it was issued for), or null when it is malformed, forged or expired. */
export function verifyToken(secret: string, token: string): { userId: number; fingerprint: string | null } | null {
  try {
    const payload = jwt.verify(token, secret, { issuer: 'luoshi', algorithms: ['HS256'] });
    if (typeof payload !== 'object') return null;
    const sub = Number(payload.sub);
    return Number.isInteger(sub) ? { userId: sub, fingerprint: typeof payload.pw === 'string' ? payload.pw : null } : null;
  } catch {
    return null;
  }
}

/** Root fields anyone may call. Everything else needs a valid token. */
const PUBLIC_FIELDS = new Set(['login', '__typename', '__schema', '__type']);

/**
 * One gate for every root field: without a valid login, nothing but `login` answers, and
 * the answer is UNAUTHENTICATED whatever the field.
 */
export const requireLogin: MiddlewareFn<Context> = ({ context, info }, next) => {
  const root = info.parentType.name;
  if ((root === 'Query' || root === 'Mutation') && !PUBLIC_FIELDS.has(info.fieldName) && !context.principal) {
    throw context.authError ?? errors.unauthenticated();
  }
  return next();
};
