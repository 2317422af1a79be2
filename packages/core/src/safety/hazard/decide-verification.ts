import { RuleViolationError } from '../../eventsourcing/errors.js';
import { compareLocalDates } from '../calendar/local-date.js';
import { localDateOf } from '../calendar/time-zone.js';
import type { PersonRecord } from '../directory/person.js';
import { forbidden } from '../general/forbidden.js';
import { closureBlockers } from './closure.js';
import type { ParsedHazardCommand } from './commands.js';
import { badInput } from './decide-registration.js';
import { eventBase, type HazardDecisionContext } from './decision-context.js';
import type { HazardEvent } from './events.js';
import { isResponsiblePrincipal } from './permissions.js';
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
    throw forbidden(rule, actor, 'may record a verification only as one of its verifierIds', {
      verifierIds: command.verifierIds,
    });
  }
  // Experts join a verification but never decide it (§2).
  for (const expertId of command.expertIds) {
    if (directory.person(expertId)?.roles.includes('Expert') !== true) {
      throw new RuleViolationError(
        rule,
        'NotAnExpert',
        `${expertId} is not a person with the Expert role`,
        { expertId },
      );
    }
  }

  const verifiers: PersonRecord[] = [];
  for (const verifierId of command.verifierIds) {
    const person = directory.person(verifierId);
    if (person === undefined) {
      throw new RuleViolationError(
        rule,
        'Forbidden',
        `verifier ${verifierId} is not a known person`,
        { verifierId },
      );
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
      throw new RuleViolationError(
        'H-18',
        'RegulatorVerifierRequired',
        `a major hazard is verified by officers of its supervising regulator ${state.supervisingOrgId}${command.kind === 'internal_check' ? ', not by an internal check' : ''}`,
        {
          supervisingOrgId: state.supervisingOrgId,
          kind: command.kind,
          verifierIds: command.verifierIds,
          expertIds: command.expertIds,
        },
      );
    }
    const outsider = verifiers.find((_, index) => standing[index] !== 'verifier');
    if (outsider !== undefined) {
      throw new RuleViolationError(
        'H-18',
        'Forbidden',
        `${outsider.id} may not verify: not an officer of ${state.supervisingOrgId}`,
        {
          verifierId: outsider.id,
          supervisingOrgId: state.supervisingOrgId,
        },
      );
    }
    if (officers.length < policy.minVerifiersMajor) {
      throw new RuleViolationError(
        'H-18',
        'TooFewVerifiers',
        `a major hazard needs at least ${policy.minVerifiersMajor} regulator verifiers, got ${officers.length}`,
        { required: policy.minVerifiersMajor, actual: officers.length },
      );
    }
  } else {
    // H-19 (a)–(c): the side that may verify a general hazard.
    const refused = verifiers.findIndex((_, index) => standing[index] === 'none');
    if (refused >= 0) {
      const verifierId = verifiers[refused]!.id;
      throw new RuleViolationError(
        'H-19',
        'Forbidden',
        `${verifierId} may not verify this ${side}-side hazard`,
        {
          verifierId,
          side,
        },
      );
    }
    if (!standing.includes('verifier')) {
      throw new RuleViolationError(
        'H-19',
        'Forbidden',
        'a landlord may co-sign a landlord check, but the tenant must verify it',
        {
          verifierIds: command.verifierIds,
          side,
        },
      );
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
    throw new RuleViolationError(
      'H-19',
      'SegregationOfDuties',
      `${rectifier} reported the rectification complete and may not verify it`,
      { verifierId: rectifier },
    );
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
      throw new RuleViolationError(
        'H-21',
        'NewDeadlineOnFailureOnly',
        'only a failed verification sets a new deadline',
        {
          outcome: command.outcome,
          newDeadline,
        },
      );
    }
    const owner = state.deadlineOwner;
    // H-8 prevails for an enterprise-owned deadline: only the principal sets it; any other
    // verifier sends the hazard back under its old deadline for the principal to extend.
    const ownsDeadline =
      owner.kind === 'regulator' ? actor.orgId === owner.orgId : isResponsiblePrincipal(ctx, state);
    if (!ownsDeadline) {
      throw new RuleViolationError(
        'H-21',
        'NotDeadlineOwner',
        owner.kind === 'regulator'
          ? `the verifier's organisation does not own the deadline (${owner.orgId})`
          : `only the principal of ${state.responsible.id} sets a new enterprise-owned deadline; fail without newDeadline and let the principal extend it`,
        { deadlineOwner: owner, verifierOrgId: actor.orgId ?? actor.enterpriseId ?? null },
      );
    }
    if (compareLocalDates(newDeadline, state.deadline) <= 0) {
      throw new RuleViolationError(
        'H-21',
        'DeadlineNotLater',
        `new deadline ${newDeadline} is not after the current ${state.deadline}`,
        {
          currentDeadline: state.deadline,
          newDeadline,
        },
      );
    }
    // A new deadline already past when the verification is judged (H-30) would be met by no one.
    const judgedOn = localDateOf(ctx.judgedAt, policy.timezone);
    if (compareLocalDates(newDeadline, judgedOn) < 0) {
      throw new RuleViolationError(
        'H-21',
        'DeadlineInPast',
        `new deadline ${newDeadline} is before ${judgedOn}, the date the verification is judged by`,
        { newDeadline, judgedOn, judgedAt: ctx.judgedAt },
      );
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
    throw forbidden(
      'H-19',
      actor,
      `may not close this hazard: only its ${verifierSide(state)}-side verifiers may`,
      {
        side: verifierSide(state),
      },
    );
  }
  const missing = closureBlockers(state, ctx.policy);
  if (missing.length > 0 || state.lastVerification === null) {
    throw new RuleViolationError(
      'H-20',
      'ClosureBlocked',
      `the hazard cannot be closed yet: missing ${missing.join(', ')}`,
      { missing },
    );
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
  throw new RuleViolationError(
    rule,
    'VerificationKindMismatch',
    kind === 'resumption_review' && allowed.includes(kind)
      ? 'a resumption review needs an active suspension'
      : `a ${side}-side verification is recorded as ${allowed.join(' or ')}, not ${kind}`,
    { kind, side, allowed, suspended },
  );
}
