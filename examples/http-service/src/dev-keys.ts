import { SignJWT } from 'jose';
import type { TokenVerification } from './http/identity.js';

// A development key only: it is public in this repository, so anyone can mint tokens with it.
// A real deployment passes its identity provider's key set (see TokenVerification.key).
const DEVELOPMENT_SECRET = 'safeledger-example-development-key-never-use-in-production';

/** Token verification with the development key, or the secret in `SAFELEDGER_JWT_SECRET`. */
export function developmentVerification(
  secret = process.env.SAFELEDGER_JWT_SECRET ?? DEVELOPMENT_SECRET,
): TokenVerification & { readonly key: Uint8Array } {
  return {
    key: new TextEncoder().encode(secret),
    issuer: 'safeledger-example',
    audience: 'safeledger-http-service',
    algorithms: ['HS256'],
  };
}

/** Claims of a token minted for tests and local use. */
export interface DevelopmentTokenClaims {
  readonly sub: string;
  readonly role?: string;
  /** Seconds until it expires; negative mints an already expired token. */
  readonly expiresInSeconds?: number;
}

/** Mints a token the development verification accepts (or, with another key, a forged one). */
export async function mintDevelopmentToken(
  claims: DevelopmentTokenClaims,
  verification: TokenVerification & { readonly key: Uint8Array } = developmentVerification(),
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload = claims.role === undefined ? {} : { role: claims.role };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer(verification.issuer)
    .setAudience(verification.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + (claims.expiresInSeconds ?? 3600))
    .sign(verification.key);
}
