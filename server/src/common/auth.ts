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

export function signToken(secret: string, userId: number): { token: string; expiresAt: Date } {
  const token = jwt.sign({}, secret, { subject: String(userId), expiresIn: TOKEN_TTL_SECONDS, issuer: 'luoshi', algorithm: 'HS256' });
  return { token, expiresAt: new Date(Date.now() + TOKEN_TTL_SECONDS * 1000) };
}

/** The user id a token names, or null when it is malformed, forged or expired. */
export function verifyToken(secret: string, token: string): number | null {
  try {
    const payload = jwt.verify(token, secret, { issuer: 'luoshi', algorithms: ['HS256'] });
    const sub = typeof payload === 'object' ? Number(payload.sub) : NaN;
    return Number.isInteger(sub) ? sub : null;
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
