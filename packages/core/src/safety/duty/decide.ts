import type { DecideContext, Decider } from '../../eventsourcing/decider.js';
import { ValidationError } from '../../eventsourcing/errors.js';
import type { Directory } from '../directory/directory.js';
import { identityRefusal } from '../directory/scope.js';
import { commandMetadata } from '../general/admit-command.js';
import { parseOrThrow } from '../general/bad-input.js';
import { assertBusinessTime } from '../general/business-time.js';
import { forbidden, forbiddenFor } from '../general/forbidden.js';
import { createSupervisionPolicy, type SupervisionPolicy } from '../policy/supervision-policy.js';
import type { SafetyActor } from '../roles/actor.js';
import {
  type DutyRosterCommand,
  DutyRosterCommandSchema,
  type ParsedDutyRosterCommand,
} from './commands.js';
import { coverageProblems, localDaysTouched } from './coverage.js';
import type { DutyRosterEvent } from './events.js';
import { violateDuty } from './rules.js';
import { type DutyRosterState, evolveDutyRoster, initialDutyRosterState } from './state.js';

/** Options of `createDutyRosterDecider`. */
export interface DutyRosterDeciderOptions {
  /** Persons and organisations for authorisation (G-5) and DR-2. */
  readonly directory: Directory;
  /** `timezone` (DR-1) and `reinforcedDutyDates` (DR-3); defaults to the §3 defaults. */
  readonly policy?: SupervisionPolicy;
}

/** The duty roster decider (§4.9). */
export type DutyRosterDecider = Decider<DutyRosterState, DutyRosterCommand, DutyRosterEvent>;

const schedulers: readonly SafetyActor['role'][] = ['AuthorityHead', 'SafetyCommitteeOffice'];

/**
 * Creates the duty roster decider (domain spec §4.9, 值班值守): a month's roster is scheduled in
 * one command and must cover every local day 00:00–24:00 without gap or overlap in the policy's
 * time zone (DR-1), name a duty officer and a leader on call for every shift (DR-2) and reinforce
 * shifts on configured dates (DR-3); shifts are then handed over and incident information reported.
 *
 * @throws RuleViolationError (`RULE_VIOLATION`) from `decide`, citing the rule (`DR-1 CoverageGap: …`).
 * @throws ValidationError (`VALIDATION_FAILED`) from `decide` for a malformed command.
 */
export function createDutyRosterDecider(options: DutyRosterDeciderOptions): DutyRosterDecider {
  const directory = options.directory;
  const policy = options.policy ?? createSupervisionPolicy();
  return {
    name: 'duty',
    initialState: initialDutyRosterState,
    evolve: evolveDutyRoster,
    decide(input, state, context) {
      const command = parseOrThrow(DutyRosterCommandSchema, input, 'DutyRosterCommand');
      return decideDutyRoster(command, state, context, directory, policy);
    },
    metadataFor: commandMetadata,
  };
}

function decideDutyRoster(
  command: ParsedDutyRosterCommand,
  state: DutyRosterState,
  context: DecideContext,
  directory: Directory,
  policy: SupervisionPolicy,
): DutyRosterEvent[] {
  if (command.type === 'ScheduleDutyRoster' && state.month !== null) {
    throw violateDuty('DR-0', 'AlreadyScheduled', { month: state.month });
  }
  if (command.type !== 'ScheduleDutyRoster' && (state.month === null || state.orgId === null)) {
    throw violateDuty('DR-0', 'RosterNotScheduled', { command: command.type });
  }
  const actor = command.actor;
  const refusal = identityRefusal(directory, actor);
  if (refusal !== undefined) throw forbiddenFor('G-5', actor, refusal);
  const occurredAt = command.occurredAt ?? context.now.toISOString();
  assertBusinessTime({
    occurredAt,
    recordedAt: context.now,
    streamStartedAt: state.scheduledAt ?? undefined,
  });
  const isOrgPerson = (personId: string, orgId: string) =>
    directory.person(personId)?.orgId === orgId;
  const requirePerson = (personId: string, orgId: string) => {
    if (!isOrgPerson(personId, orgId))
      throw violateDuty('DR-2', 'UnknownDutyPerson', { personId, orgId });
  };

  if (command.type === 'ScheduleDutyRoster') {
    const expected = context.streamId.replace(/^duty-/, '');
    if (expected !== command.month) {
      const message = `month ${command.month} does not match stream "${context.streamId}"`;
      throw new ValidationError(`invalid DutyRosterCommand: month: ${message}`, [
        { type: 'DutyRosterCommand', path: 'month', message },
      ]);
    }
    if (!schedulers.includes(actor.role) || actor.orgId !== command.orgId) {
      throw forbidden('G-5', actor, 'owner_roles_only', {
        act: 'schedule_roster',
        ownerId: command.orgId,
        allowedRoles: schedulers,
      });
    }
    const ids = new Set<string>();
    for (const shift of command.shifts) {
      if (ids.has(shift.shiftId)) {
        const message = `shift id "${shift.shiftId}" appears twice`;
        throw new ValidationError(`invalid DutyRosterCommand: shifts.shiftId: ${message}`, [
          { type: 'DutyRosterCommand', path: 'shifts.shiftId', message },
        ]);
      }
      ids.add(shift.shiftId);
    }
    assertCoverage(command.shifts, command.month, policy.timezone);
    for (const shift of command.shifts) {
      const missing = [
        ...(shift.dutyOfficerId === undefined ? ['dutyOfficerId'] : []),
        ...(shift.leaderOnCallId === undefined ? ['leaderOnCallId'] : []),
      ];
      if (missing.length > 0)
        throw violateDuty('DR-2', 'MissingDutyPerson', { shiftId: shift.shiftId, missing });
      requirePerson(shift.dutyOfficerId!, command.orgId);
      requirePerson(shift.leaderOnCallId!, command.orgId);
    }
    const reinforcedDates = new Set(policy.reinforcedDutyDates);
    for (const shift of command.shifts) {
      if (shift.reinforced) continue;
      const date = localDaysTouched(shift.start, shift.end, policy.timezone).find((d) =>
        reinforcedDates.has(d),
      );
      if (date !== undefined)
        throw violateDuty('DR-3', 'NotReinforced', { shiftId: shift.shiftId, date });
    }
    return [...command.shifts]
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
      .map((shift) => ({
        type: 'ShiftScheduled' as const,
        data: {
          month: command.month,
          occurredAt,
          actor,
          orgId: command.orgId,
          shiftId: shift.shiftId,
          start: new Date(shift.start).toISOString(),
          end: new Date(shift.end).toISOString(),
          dutyOfficerId: shift.dutyOfficerId!,
          leaderOnCallId: shift.leaderOnCallId!,
          reinforced: shift.reinforced,
        },
      }));
  }

  const month = state.month!;
  const orgId = state.orgId!;
  if (command.type === 'HandOverShift') {
    const shift = state.shifts.find((s) => s.shiftId === command.shiftId);
    if (shift === undefined)
      throw violateDuty('DR-0', 'UnknownShift', { shiftId: command.shiftId });
    const head = actor.role === 'AuthorityHead' && actor.orgId === orgId;
    if (actor.personId !== shift.dutyOfficerId && !head) {
      throw forbidden('G-5', actor, 'not_shift_officer', {
        shiftId: shift.shiftId,
        dutyOfficerId: shift.dutyOfficerId,
      });
    }
    requirePerson(command.toOfficerId, orgId);
    return [
      {
        type: 'ShiftHandedOver',
        data: {
          month,
          occurredAt,
          actor,
          shiftId: shift.shiftId,
          fromOfficerId: shift.dutyOfficerId,
          toOfficerId: command.toOfficerId,
          notes: command.notes,
        },
      },
    ];
  }
  if (actor.orgId !== orgId) {
    throw forbidden('G-5', actor, 'not_roster_org', { rosterOrgId: orgId });
  }
  if (Date.parse(command.reportedAt) < Date.parse(command.receivedAt)) {
    const message = `reportedAt ${command.reportedAt} is before receivedAt ${command.receivedAt}`;
    throw new ValidationError(`invalid DutyRosterCommand: reportedAt: ${message}`, [
      { type: 'DutyRosterCommand', path: 'reportedAt', message },
    ]);
  }
  return [
    {
      type: 'IncidentInfoReported',
      data: {
        month,
        occurredAt,
        actor,
        incidentRef: command.incidentRef,
        receivedAt: command.receivedAt,
        reportedAt: command.reportedAt,
        summary: command.summary,
      },
    },
  ];
}

/** DR-1: the first coverage fault of the roster, as a rule violation. */
function assertCoverage(
  shifts: readonly { shiftId: string; start: string; end: string }[],
  month: string,
  timeZone: string,
): void {
  const problem = coverageProblems(shifts, month, timeZone)[0];
  if (problem === undefined) return;
  switch (problem.kind) {
    case 'empty':
      throw violateDuty('DR-1', 'EmptyShift', { shiftId: problem.shiftId });
    case 'outside_month':
      throw violateDuty('DR-1', 'ShiftOutsideMonth', { shiftId: problem.shiftId, month });
    case 'gap':
      throw violateDuty('DR-1', 'CoverageGap', {
        from: problem.from,
        to: problem.to,
        date: problem.date,
      });
    case 'overlap':
      throw violateDuty('DR-1', 'CoverageOverlap', {
        shiftId: problem.shiftId ?? '',
        from: problem.from,
        to: problem.to,
        date: problem.date,
      });
  }
}
