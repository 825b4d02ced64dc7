import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// API keys and access tokens are 256-bit random secrets, so a single SHA-256 is a safe way to
// store them (no dictionary to attack) and lets us find a credential by an indexed equality.
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function generateApiKey(): { key: string; prefix: string } {
  const prefix = `sb_${randomBytes(6).toString('hex')}`;
  return { key: `${prefix}_${randomBytes(32).toString('base64url')}`, prefix };
}

const base64Json = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * An access token is JWT-shaped so clients can read its claims (Sharely's server SDK reads `exp`
 * to know when to exchange again, its widget `user_metadata.roleId`). It is not signed (`alg:
 * none`): its last part is 256 random bits, and a token is accepted only when its hash is found,
 * so the claims are information for the holder, never trusted by Switchboard.
 */
export const generateAccessToken = (claims: object): string =>
  `${base64Json({ alg: 'none', typ: 'JWT' })}.${base64Json(claims)}.${randomBytes(32).toString('base64url')}`;

/** The part of a key that may be shown again: ours are `sb_<12 hex>`, others their first 8 chars. */
export const visiblePrefix = (key: string): string =>
  /^sb_[0-9a-f]{12}_/.test(key) ? key.slice(0, 15) : key.slice(0, 8);

/** Two hashSecret() results, compared in constant time. */
export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
