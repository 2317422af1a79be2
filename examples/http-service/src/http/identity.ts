import type { Directory, SafetyActor } from '@safeledger/core';
import { type CryptoKey, errors, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { forbidden, type Problem, unauthenticated } from './problem.js';

/** How the service verifies bearer tokens. */
export interface TokenVerification {
  /**
   * The verification key: a secret or public key, or a key set such as jose's
   * `createRemoteJWKSet(new URL('https://idp.example/jwks'))` for a real identity provider.
   */
  readonly key: Uint8Array | CryptoKey | JWTVerifyGetKey;
  readonly issuer: string;
  readonly audience: string;
  /** Algorithms accepted; pinning them stops a token from choosing a weaker one. */
  readonly algorithms: readonly string[];
}

/** The outcome of authenticating a request: the actor to pass to the deciders, or a problem. */
export type Identity = { readonly actor: SafetyActor } | { readonly problem: Problem };

/**
 * Authenticates a request from its `Authorization` header. The person is the token's `sub`, the
 * role they act in its `role` claim (optional when the directory gives them a single role); the
 * organisation or enterprise comes from the directory, never from the token or the body, so a
 * client cannot claim to act for someone else's unit. Rule G-5 names the refusals.
 */
export async function authenticate(
  authorization: string | undefined,
  verification: TokenVerification,
  directory: Directory,
): Promise<Identity> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (token === undefined) return { problem: unauthenticated('a bearer token is required') };
  let claims: { sub?: string; role?: unknown };
  try {
    const verified = await jwtVerify(token, verification.key as Uint8Array, {
      issuer: verification.issuer,
      audience: verification.audience,
      algorithms: [...verification.algorithms],
    });
    claims = verified.payload;
  } catch (error) {
    // Say why without echoing the token: expired and forged tokens are the common cases.
    const reason =
      error instanceof errors.JWTExpired
        ? 'the token has expired'
        : error instanceof errors.JWTClaimValidationFailed
          ? `the token's "${error.claim}" claim is not accepted`
          : 'the token could not be verified';
    return { problem: unauthenticated(reason) };
  }
  if (typeof claims.sub !== 'string' || claims.sub === '') {
    return { problem: unauthenticated('the token names no subject') };
  }
  const person = directory.person(claims.sub);
  if (person === undefined) {
    return { problem: forbidden(`person "${claims.sub}" is not in the directory`) };
  }
  const role = claims.role ?? (person.roles.length === 1 ? person.roles[0] : undefined);
  if (typeof role !== 'string') {
    return {
      problem: forbidden(
        `person "${person.id}" has the roles ${person.roles.join(', ')}; the token must name one in its "role" claim`,
      ),
    };
  }
  if (!(person.roles as readonly string[]).includes(role)) {
    return {
      problem: forbidden(
        `person "${person.id}" may not act as ${role} (roles: ${person.roles.join(', ')})`,
      ),
    };
  }
  const actor = {
    personId: person.id,
    role,
    ...(person.orgId !== undefined ? { orgId: person.orgId } : {}),
    ...(person.enterpriseId !== undefined ? { enterpriseId: person.enterpriseId } : {}),
  } as SafetyActor;
  return { actor };
}
