import {
  type InMemoryDirectory,
  isActorInScope,
  type Role,
  type SafetyActor,
  type SubjectRef,
} from '@safeledger/core';
import fc from 'fast-check';
import { actorsOf } from './sample-directory.js';

/** Options of `safetyActorArbitrary`. */
export interface SafetyActorArbitraryOptions {
  /** Only these roles (default: every role a person of the directory holds). */
  readonly roles?: readonly Role[];
  /** With `scope`, keep actors inside (`in`) or outside (`out`) this subject's G-5 scope. */
  readonly subject?: SubjectRef;
  readonly scope?: 'in' | 'out' | 'any';
}

/**
 * Actors drawn from the people of a directory (each person in each role they hold), filtered by
 * role and by G-5 scope for a subject. Shrinks towards the directory's first matching person.
 *
 * @example
 * fc.assert(fc.property(safetyActorArbitrary(directory, { subject, scope: 'out' }), (actor) => …));
 * @throws RangeError when no actor of the directory matches the options.
 */
export function safetyActorArbitrary(
  directory: InMemoryDirectory,
  options: SafetyActorArbitraryOptions = {},
): fc.Arbitrary<SafetyActor> {
  const scope = options.scope ?? 'any';
  const subject = options.subject;
  const candidates = actorsOf(directory).filter((actor) => {
    if (options.roles !== undefined && !options.roles.includes(actor.role)) return false;
    if (subject === undefined || scope === 'any') return true;
    return isActorInScope(directory, actor, subject) === (scope === 'in');
  });
  if (candidates.length === 0) {
    throw new RangeError(`no actor in the directory matches ${JSON.stringify(options)}`);
  }
  return fc.constantFrom(...candidates);
}
