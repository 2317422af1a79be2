import type { Assignee, DutyInput, ResponsibilityCommand, SafetyActor } from '@safeledger/core';
import fc from 'fast-check';
import type { SampleResponsibilityCommands } from './sample-responsibility.js';

/** Task codes duties are drawn from; `LEAD.OVERALL` is the code RA-3 asks of primary leaders. */
export const responsibilityTaskCodes = ['T1', 'T2', 'T3', 'LEAD.OVERALL'] as const;
/** Portfolio and duty domain codes. */
export const responsibilityDomainCodes = ['D1', 'D2'] as const;
/** Duty ids, few enough that commands often name an existing duty. */
export const responsibilityDutyIds = ['d-1', 'd-2', 'd-3', 'd-4'] as const;
/** People designated as safety staff: some belong to the sample assignees, some do not. */
export const responsibilityStaffIds = [
  'p-terr-1',
  'p-grid-1',
  'p-ind-1',
  'p-ind-2',
  'p-so-1',
  'p-mayor',
] as const;

/**
 * A duty of the sample codes. Mostly valid; sometimes blank text (RA-1), a due date outside 2024
 * (RA-7) or a staffing duty without a headcount (RA-8), so rejections are exercised too.
 */
export function responsibilityDutyArbitrary(): fc.Arbitrary<DutyInput> {
  return fc
    .record({
      dutyId: fc.constantFrom(...responsibilityDutyIds),
      code: fc.constantFrom(...responsibilityTaskCodes),
      text: fc.constantFrom('Lead the campaign', 'Inspect the sector', 'Train the staff', ' '),
      kind: fc.constantFrom('statutory_duty', 'key_task', 'measure', 'staffing'),
      domainCodes: fc.subarray([...responsibilityDomainCodes]),
      role: fc.constantFrom('lead', 'support'),
      dueDate: fc.option(fc.constantFrom('2024-06-30', '2024-12-31', '2025-01-10'), {
        nil: undefined,
      }),
      requiredHeadcount: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
      fullTimeRequired: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map((duty) => {
      const { dueDate, requiredHeadcount, fullTimeRequired, ...rest } = duty;
      return {
        ...rest,
        ...(dueDate === undefined ? {} : { dueDate }),
        ...(requiredHeadcount === undefined ? {} : { requiredHeadcount }),
        ...(fullTimeRequired === undefined ? {} : { fullTimeRequired }),
      };
    });
}

/** One assignment of a generated history: its id and who holds it, fixed for the run. */
export interface ResponsibilitySlot {
  readonly assignmentId: string;
  readonly assignee: Assignee;
  readonly portfolio: readonly string[];
}

/** One step of a generated history: how many days pass, then a command on one slot. */
export interface ResponsibilityStep {
  /** Days the clock moves forward before the command (0 = same instant). */
  readonly advanceDays: number;
  /** Index into the history's slots. */
  readonly slot: number;
  readonly command: ResponsibilityCommand;
}

/** A generated history: assignments of one list and the steps acting on them. */
export interface ResponsibilityHistory {
  readonly listId: string;
  readonly slots: readonly ResponsibilitySlot[];
  readonly steps: readonly ResponsibilityStep[];
}

/** The sample assignees: three leaders (two primary), a department, a park body, an enterprise. */
export function sampleAssignees(): Assignee[] {
  return [
    { kind: 'leader', id: 'p-secretary', isPrimaryLeader: true },
    { kind: 'leader', id: 'p-mayor', isPrimaryLeader: true },
    { kind: 'leader', id: 'p-deputy', isPrimaryLeader: false },
    { kind: 'department', id: 'org-industry', isPrimaryLeader: false },
    { kind: 'area', id: 'org-territorial', isPrimaryLeader: false },
    { kind: 'enterprise', id: 'ent-chem', isPrimaryLeader: false },
  ];
}

/**
 * Who acts for an assignee in the sample kit: `head` acknowledges and designates staff,
 * `members` (the head included) report progress and complete duties.
 */
export function assigneeActors(
  kit: SampleResponsibilityCommands,
  assignee: Assignee,
): { head: SafetyActor; members: SafetyActor[] } {
  const { actors } = kit;
  switch (assignee.id) {
    case 'p-secretary':
      return { head: actors.secretary, members: [actors.secretary] };
    case 'p-mayor':
      return { head: actors.mayor, members: [actors.mayor] };
    case 'p-deputy':
      return { head: actors.deputy, members: [actors.deputy] };
    case 'org-industry':
      return { head: actors.industryHead, members: [actors.industryHead, actors.industryOfficer] };
    case 'org-territorial':
      return { head: actors.parkHead, members: [actors.parkHead] };
    default:
      return { head: actors.principal, members: [actors.principal] };
  }
}

/** Mostly the right actor, sometimes anyone of the kit (RA-9). */
function actorArbitrary(kit: SampleResponsibilityCommands, right: readonly SafetyActor[]) {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...right) },
    { weight: 1, arbitrary: fc.constantFrom(...Object.values(kit.actors)) },
  );
}

/** A command of any of the 12 types for one slot of a history. */
export function responsibilityCommandArbitrary(
  kit: SampleResponsibilityCommands,
  listId: string,
  slot: ResponsibilitySlot,
  otherAssignmentIds: readonly string[],
): fc.Arbitrary<ResponsibilityCommand> {
  const issuer = actorArbitrary(kit, [kit.actors.office]);
  const { head, members } = assigneeActors(kit, slot.assignee);
  const dutyId = fc.constantFrom(...responsibilityDutyIds);
  // Staff commands favour `d-3`, where histories keep their staffing duty, so designations are
  // accepted often enough to exercise revocation and compliance.
  const staffingDutyId = fc.oneof(
    { weight: 3, arbitrary: fc.constant('d-3') },
    { weight: 1, arbitrary: dutyId },
  );
  const duty = responsibilityDutyArbitrary();
  const change = fc.oneof(
    fc.record({ op: fc.constant('add' as const), duty }),
    fc.record({ op: fc.constant('remove' as const), dutyId }),
    fc.record({ op: fc.constant('replace' as const), duty }),
  );
  const arbitraries: fc.Arbitrary<ResponsibilityCommand>[] = [
    fc.record({
      type: fc.constant('DraftAssignment' as const),
      actor: issuer,
      assignmentId: fc.constant(slot.assignmentId),
      listId: fc.constant(listId),
      listTitle: fc.constant('2024 leadership key safety tasks'),
      listKind: fc.constant('leadership_key_tasks' as const),
      issuerOrgId: fc.constant('org-committee-district'),
      period: fc.constant({ year: 2024 }),
      assignee: fc.constant(slot.assignee),
      portfolio: fc.constant([...slot.portfolio]),
      duties: fc.array(duty, { maxLength: 3 }),
    }),
    fc.record({ type: fc.constant('AddDuty' as const), actor: issuer, duty }),
    fc.record({ type: fc.constant('RemoveDuty' as const), actor: issuer, dutyId }),
    fc.record({
      type: fc.constant('IssueAssignment' as const),
      actor: issuer,
      approvedBy: fc.constantFrom('p-cmo-district', 'p-cmo-district', 'p-ind-head'),
    }),
    fc.record({
      type: fc.constant('AcknowledgeAssignment' as const),
      actor: actorArbitrary(kit, [head]),
    }),
    fc.record({
      type: fc.constant('ReviseAssignment' as const),
      actor: issuer,
      changes: fc.array(change, { minLength: 1, maxLength: 2 }),
      reason: fc.constantFrom('annual adjustment', 'new campaign', ' '),
    }),
    fc.record({
      type: fc.constant('DesignateSafetyStaff' as const),
      actor: actorArbitrary(kit, [head]),
      dutyId: staffingDutyId,
      personId: fc.constantFrom(...responsibilityStaffIds),
      fullTime: fc.boolean(),
    }),
    fc.record({
      type: fc.constant('RevokeSafetyStaff' as const),
      actor: actorArbitrary(kit, [head]),
      dutyId: staffingDutyId,
      personId: fc.constantFrom(...responsibilityStaffIds),
    }),
    fc.record({
      type: fc.constant('ReportDutyProgress' as const),
      actor: actorArbitrary(kit, members),
      dutyId,
      note: fc.constant('half done'),
    }),
    fc.record({
      type: fc.constant('CompleteDuty' as const),
      actor: actorArbitrary(kit, members),
      dutyId,
      evidenceRefs: fc.constant(['report-1']).map((refs) => [...refs]),
    }),
    fc.record({
      type: fc.constant('ReviewPerformance' as const),
      actor: issuer,
      rating: fc.constantFrom('excellent', 'good', 'pass', 'fail'),
      comment: fc.constant(''),
    }),
    fc.record({
      type: fc.constant('SupersedeAssignment' as const),
      actor: issuer,
      byAssignmentId: fc.constantFrom(slot.assignmentId, ...otherAssignmentIds),
    }),
  ];
  return fc.oneof(...arbitraries);
}

/** Options of `responsibilityHistoryArbitrary`. */
export interface ResponsibilityHistoryOptions {
  readonly kit: SampleResponsibilityCommands;
  /** Assignments in the list; default 3. */
  readonly slots?: number;
  readonly maxSteps?: number;
}

/**
 * A history of one leadership list: a few assignments with assignees drawn from the sample
 * (two may share an assignee, which RA-5 must then refuse), each first drafted and issued in
 * most runs, then commands of every type with the clock moving by days and weeks, so the
 * period's end (31 December 2024) passes in some runs.
 */
export function responsibilityHistoryArbitrary(
  options: ResponsibilityHistoryOptions,
): fc.Arbitrary<ResponsibilityHistory> {
  const count = options.slots ?? 3;
  const listId = 'list-2024';
  const slots = fc.array(
    fc.record({
      assignee: fc.constantFrom(...sampleAssignees()),
      portfolio: fc.subarray([...responsibilityDomainCodes]),
    }),
    { minLength: count, maxLength: count },
  );
  return slots.chain((drawn) => {
    const withIds: ResponsibilitySlot[] = drawn.map((slot, n) => ({
      assignmentId: `ra-${n + 1}`,
      assignee: slot.assignee,
      portfolio: slot.assignee.kind === 'leader' ? slot.portfolio : [],
    }));
    const stepOf = (n: number) =>
      fc.record({
        advanceDays: fc.oneof(
          { weight: 4, arbitrary: fc.constant(0) },
          { weight: 4, arbitrary: fc.integer({ min: 1, max: 6 }) },
          { weight: 2, arbitrary: fc.constantFrom(7, 14, 21) },
          { weight: 1, arbitrary: fc.constantFrom(30, 60) },
        ),
        slot: fc.constant(n),
        command: responsibilityCommandArbitrary(
          options.kit,
          listId,
          withIds[n]!,
          withIds.filter((_, m) => m !== n).map((slot) => slot.assignmentId),
        ),
      });
    const anyStep = fc.integer({ min: 0, max: count - 1 }).chain(stepOf);
    return fc.array(anyStep, { maxLength: options.maxSteps ?? 30 }).map((steps) => ({
      listId,
      slots: withIds,
      steps,
    }));
  });
}
