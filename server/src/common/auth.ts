import { hash, verify } from '@node-rs/argon2';
import jwt from 'jsonwebtoken';

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
