import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import type { SafetyActor } from '../roles/actor.js';
import type { Role } from '../roles/role.js';
import { violate } from './rules.js';

/** A command entered after the fact beyond `maxBackdatingHours` (H-30): why, and when it was recorded. */
export interface LateEntry {
  readonly reason: string;
  /** The recording time; deadline rules and on-time metrics judge the entry by it. */
  readonly recordedAt: string;
}

/**
 * Roles that may answer for a late entry (H-30): the principal of an enterprise or venue, a
 * regulator's head, a safety committee office. A clerk types the paper record in; the entry
 * carries the name of someone who answers for it.
 */
export const lateEntryRoles: readonly Role[] = [
  'Principal',
  'VenueOperator',
  'AuthorityHead',
  'SafetyCommitteeOffice',
];

/**
 * H-30: business time may be back-dated (paper records are entered late), but beyond
 * `maxBackdatingHours` before the recording time only with a `lateEntryReason` and by an actor of
 * a supervisory role. Returns the late entry to record in the events, or undefined for an entry
 * within the bound. A process (`System`) acts on events already recorded and is not bounded.
 *
 * @throws RuleViolationError (`H-30`, `LateEntryReasonRequired` or `SupervisorRequired`).
 */
export function lateEntryOf(options: {
  readonly policy: SupervisionPolicy;
  readonly occurredAt: string;
  readonly recordedAt: Date;
  readonly actor: SafetyActor;
  readonly reason: string | undefined;
}): LateEntry | undefined {
  const { policy, occurredAt, recordedAt, actor, reason } = options;
  const backdatedMs = recordedAt.getTime() - Date.parse(occurredAt);
  const boundMs = policy.maxBackdatingHours * 3_600_000;
  if (backdatedMs <= boundMs || actor.role === 'System') return undefined;
  const details = {
    occurredAt,
    recordedAt: recordedAt.toISOString(),
    maxBackdatingHours: policy.maxBackdatingHours,
  };
  if (reason === undefined || reason.trim() === '') {
    throw violate('H-30', 'LateEntryReasonRequired', details);
  }
  if (!lateEntryRoles.includes(actor.role)) {
    throw violate('H-30', 'SupervisorRequired', {
      ...details,
      role: actor.role,
      allowedRoles: lateEntryRoles,
    });
  }
  return { reason, recordedAt: details.recordedAt };
}
