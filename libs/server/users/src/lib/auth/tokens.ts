import { createHash, randomBytes } from 'node:crypto';

/** An opaque refresh token: 256 random bits, URL-safe. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a refresh token: a stolen table reveals no usable token. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The claims of an access token: the user and the sign-in (refresh-token family) it belongs to. */
export interface AccessTokenClaims {
  sub: string;
  sid: string;
}
