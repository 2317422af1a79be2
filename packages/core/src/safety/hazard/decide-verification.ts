import { compareLocalDates } from '../calendar/local-date.js';
import { localDateOf } from '../calendar/time-zone.js';
import type { PersonRecord } from '../directory/person.js';
import { closureBlockers } from './closure.js';
import type { ParsedHazardCommand } from './commands.js';
import { badInput } from './decide-registration.js';
import { eventBase, type HazardDecisionContext } from './decision-context.js';
import type { HazardEvent } from './events.js';
import { actorDetails, isResponsiblePrincipal } from './permissions.js';
import { violate } from './rules.js';
import type { RegisteredHazard } from './state.js';
import type { VerificationKind } from './values.js';
import {
  isRegulatorVerification,
  type VerifierSide,
  verifierSide,
  verifierStanding,
} from './verifiers.js';

type Cmd<T extends ParsedHazardCommand['type']> = Extract<ParsedHazardCommand, { type: T }>;

/** Decides `VerifyRectification` (H-18, H-19, H-21); closure, when H-20 then holds, is added by the decider. */
export function decideVerifyRectification(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  command: Cmd<'VerifyRectification'>,
): HazardEvent[] {
  const { actor, directory, policy } = ctx;
  const side = verifierSide(state);
  const rule = side === 'major' ? 'H-18' : 'H-19';
  assertDistinct('verifierIds', command.verifierIds);
  assertDistinct('expertIds', command.expertIds);
  const overlap = command.expertIds.find((id) => command.verifierIds.includes(id));
  if (overlap !== undefined)
    throw badInput('expertIds', `"${overlap}" is listed as verifier and as expert`);
  if (!command.verifierIds.includes(actor.personId)) {
    throw verifierForbidden(rule, state, {
      ...actorDetails(actor),
      verifierIds: command.verifierIds,
      reason: 'not_listed',
      verifierId: actor.personId,
    });
  }
  // Experts join a verification but never decide it (§2).
  for (const expertId of command.expertIds) {
    if (directory.person(expertId)?.roles.includes('Expert') !== true) {
      throw violate(rule, 'NotAnExpert', { expertId });
    }
  }

  const verifiers: PersonRecord[] = [];
  for (const verifierId of command.verifierIds) {
    const person = directory.person(verifierId);
    if (person === undefined) {
      throw verifierForbidden(rule, state, { verifierId, reason: 'unknown' });
    }
    verifiers.push(person);
  }
  // The actor verifies in the role they act in; co-verifiers in any role they hold.
  const standing = verifiers.map((person) =>
    verifierStanding(
      directory,
      state,
      person,
      person.id === actor.personId ? [actor.role] : person.roles,
    ),
  );

  if (side === 'major') {
    // H-18: a regulator review by enough officers of the supervising regulator; never the enterprise's own check.
    const officers = verifiers.filter((_, index) => standing[index] === 'verifier');
    if (command.kind === 'internal_check' || officers.length === 0) {
      throw violate('H-18', 'RegulatorVerifierRequired', {
        supervisingOrgId: state.supervisingOrgId,
        kind: command.kind,
        verifierIds: command.verifierIds,
        expertIds: command.expertIds,
      });
    }
    const outsider = verifiers.find((_, index) => standing[index] !== 'verifier');
    if (outsider !== undefined) {
      throw verifierForbidden('H-18', state, { verifierId: outsider.id, reason: 'not_officer' });
    }
    if (officers.length < policy.minVerifiersMajor) {
      throw violate('H-18', 'TooFewVerifiers', {
        required: policy.minVerifiersMajor,
        actual: officers.length,
      });
    }
  } else {
    // H-19 (a)–(c): the side that may verify a general hazard.
    const refused = verifiers.findIndex((_, index) => standing[index] === 'none');
    if (refused >= 0) {
      const verifierId = verifiers[refused]!.id;
      throw verifierForbidden('H-19', state, { verifierId, reason: 'wrong_side' });
    }
    if (!standing.includes('verifier')) {
      throw verifierForbidden('H-19', state, {
        verifierIds: command.verifierIds,
        verifierId: actor.personId,
        reason: 'tenant_must_verify',
      });
    }
  }

  assertKindFitsSide(rule, side, command.kind, state);

  // H-19: segregation of duties between who reported the fix and who checks it.
  const rectifier = state.lastCompletion?.by.personId;
  if (
    policy.verifierMustDifferFromRectifier &&
    rectifier !== undefined &&
    command.verifierIds.includes(rectifier)
  ) {
    throw violate('H-19', 'SegregationOfDuties', { verifierId: rectifier });
  }

  const base = eventBase(ctx, state.hazardId);
  const newDeadline = command.newDeadline;
  const events: HazardEvent[] = [
    {
      type: 'RectificationVerified',
      data: {
        ...base,
        outcome: command.outcome,
        kind: command.kind,
        verifierIds: command.verifierIds,
        expertIds: command.expertIds,
        notes: command.notes,
        newDeadline: newDeadline ?? null,
        byRegulator: side === 'major' || isRegulatorVerification(directory, verifiers),
      },
    },
  ];
  if (newDeadline !== undefined) {
    // H-21: a failed verification may set a new deadline, if the verifier's organisation owns it.
    if (command.outcome === 'passed') {
      throw violate('H-21', 'NewDeadlineOnFailureOnly', {
        outcome: command.outcome,
        newDeadline,
      });
    }
    const owner = state.deadlineOwner;
    // H-8 prevails for an enterprise-owned deadline: only the principal sets it; any other
    // verifier sends the hazard back under its old deadline for the principal to extend.
    const ownsDeadline =
      owner.kind === 'regulator' ? actor.orgId === owner.orgId : isResponsiblePrincipal(ctx, state);
    if (!ownsDeadline) {
      throw violate('H-21', 'NotDeadlineOwner', {
        deadlineOwner: owner,
        verifierOrgId: actor.orgId ?? actor.enterpriseId ?? null,
        ownerKind: owner.kind,
        ownerId: owner.kind === 'regulator' ? owner.orgId : state.responsible.id,
      });
    }
    if (compareLocalDates(newDeadline, state.deadline) <= 0) {
      throw violate('H-21', 'DeadlineNotLater', {
        currentDeadline: state.deadline,
        newDeadline,
      });
    }
    // A new deadline already past when the verification is judged (H-30) would be met by no one.
    const judgedOn = localDateOf(ctx.judgedAt, policy.timezone);
    if (compareLocalDates(newDeadline, judgedOn) < 0) {
      throw violate('H-21', 'DeadlineInPast', { newDeadline, judgedOn, judgedAt: ctx.judgedAt });
    }
    events.push({
      type: 'RectificationDeadlineExtended',
      data: {
        ...base,
        old: state.deadline,
        new: newDeadline,
        reason: 'verification failed',
        approvedBy: actor.personId,
        via: 'failed_verification',
      },
    });
  }
  return events;
}

/** Decides `CloseHazard` (H-19: the verifier's side; H-20: every prerequisite met). */
export function decideCloseHazard(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
): HazardEvent[] {
  const { actor, directory, person } = ctx;
  const standing =
    person === undefined ? 'none' : verifierStanding(directory, state, person, [actor.role]);
  if (standing !== 'verifier') {
    throw verifierForbidden('H-19', state, {
      ...actorDetails(actor),
      verifierId: actor.personId,
      reason: 'close',
    });
  }
  const missing = closureBlockers(state, ctx.policy);
  if (missing.length > 0 || state.lastVerification === null) {
    throw violate('H-20', 'ClosureBlocked', { missing });
  }
  return [
    {
      type: 'HazardClosed',
      data: {
        ...eventBase(ctx, state.hazardId),
        basisVerificationVersion: state.lastVerification.atVersion,
      },
    },
  ];
}

function assertDistinct(path: string, ids: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw badInput(path, `"${id}" appears twice`);
    seen.add(id);
  }
}

// Which kinds each side records: the enterprise checks its own work (internal check or its own
// acceptance); a regulator side reviews, accepts or reviews for resumption of suspended operations.
const kindsBySide: Readonly<Record<VerifierSide, readonly VerificationKind[]>> = {
  enterprise: ['internal_check', 'acceptance'],
  regulator: ['regulator_review', 'acceptance', 'resumption_review'],
  venue: ['regulator_review', 'acceptance', 'resumption_review'],
  major: ['regulator_review', 'acceptance', 'resumption_review'],
};

/**
 * H-18 / H-19: the verification kind fits who verifies, so a ledger never shows an enterprise's
 * own check as a regulator's review; a resumption review needs an active suspension.
 *
 * @throws RuleViolationError (`rule`, `VerificationKindMismatch`).
 */
function assertKindFitsSide(
  rule: 'H-18' | 'H-19',
  side: VerifierSide,
  kind: VerificationKind,
  state: RegisteredHazard,
): void {
  const allowed = kindsBySide[side];
  const suspended = state.suspension?.active === true;
  if (allowed.includes(kind) && (kind !== 'resumption_review' || suspended)) return;
  throw violate(rule, 'VerificationKindMismatch', {
    kind,
    side,
    allowed,
    suspended,
    // Past the return above, a kind the side allows can only be a resumption review without an
    // active suspension.
    mismatch: allowed.includes(kind) ? 'not_suspended' : 'wrong_kind',
  });
}

/**
 * The H-18 / H-19 `Forbidden` of a verification or closure. Its message names the verifier, the
 * side that may verify and, for a major, the supervising regulator, so every case carries them.
 */
function verifierForbidden(
  rule: 'H-18' | 'H-19',
  state: RegisteredHazard,
  details: {
    readonly verifierId: string;
    readonly reason:
      | 'not_listed'
      | 'unknown'
      | 'not_officer'
      | 'wrong_side'
      | 'tenant_must_verify'
      | 'close';
  } & Readonly<Record<string, unknown>>,
) {
  return violate(rule, 'Forbidden', {
    ...details,
    side: verifierSide(state),
    supervisingOrgId: state.supervisingOrgId,
  });
}
