import type { InspectionCommand, SafetyActor } from '@safeledger/core';
import fc from 'fast-check';
import { actorFor, createSampleSafetyDirectory } from './sample-directory.js';

/** Options of `inspectionCommandArbitrary`. */
export interface InspectionCommandArbitraryOptions {
  /** The inspection every command targets. */
  readonly inspectionId?: string;
  /** The local date (`YYYY-MM-DD`) deadlines are drawn around: the day before, the day, later. */
  readonly today: string;
  /** Only commands of these types (default: all). */
  readonly types?: readonly InspectionCommand['type'][];
}

const directory = createSampleSafetyDirectory();
const actor = (id: string): SafetyActor => actorFor(directory, id);
// People of the sample directory who play every part an inspection rule tells apart: credentialed
// officers, a head without credentials, officers of another regulator, an enterprise principal.
const actors = ['p-enf-1', 'p-enf-2', 'p-enf-3', 'p-safety-head', 'p-ind-1', 'p-principal'].map(
  actor,
);
const inspectors = ['p-enf-1', 'p-enf-2', 'p-safety-head', 'p-ind-1', 'p-ind-2'];
const findingIds = ['f-1', 'f-2', 'f-3'];
const refs = ['R-1', 'R-2', 'R-3'];
const approvers = [undefined, 'p-safety-head', 'p-ind-head', 'p-enf-2'];

// The order of `choices` below.
const commandTypes: readonly InspectionCommand['type'][] = [
  'ScheduleInspection',
  'StartInspection',
  'RecordFinding',
  'IssueRectificationOrder',
  'ImposeOnSiteMeasure',
  'CompleteInspection',
  'CancelInspection',
];

function plusDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/**
 * Any inspection command on the sample directory, valid or not: actors, teams, subjects, finding
 * ids, grades, bases, deadlines and approvers are drawn from small pools so that collisions
 * (duplicate ids, unknown findings, wrong approvers, past deadlines) happen often. Whether a
 * command is valid is for the test's own model to decide.
 */
export function inspectionCommandArbitrary(
  options: InspectionCommandArbitraryOptions,
): fc.Arbitrary<InspectionCommand> {
  const inspectionId = options.inspectionId ?? 'i-1';
  // The lead of the usual team acts most often, so that runs get past scheduling and starting.
  const by = fc.oneof(
    { arbitrary: fc.constant(actors[0]!), weight: 6 },
    { arbitrary: fc.constantFrom(...actors), weight: 4 },
  );
  const deadline = fc.option(
    fc.constantFrom(-1, 0, 7, 30).map((days) => plusDays(options.today, days)),
    { nil: undefined },
  );
  const someFindings = fc.subarray([...findingIds, 'f-9'], { minLength: 1 });
  const approvedBy = fc.constantFrom(...approvers);
  const choices: fc.WeightedArbitrary<InspectionCommand>[] = [
    {
      arbitrary: fc.record({
        type: fc.constant('ScheduleInspection' as const),
        actor: by,
        inspectionId: fc.constant(inspectionId),
        kind: fc.constantFrom(
          'enforcement',
          'routine_supervision',
          'service_guidance',
          'special_campaign',
          'spot_check',
        ),
        subject: fc
          .constantFrom('ent-chem', 'ent-chem', 'ent-chem', 'ent-chem', 'ent-far', 'ent-ghost')
          .map((id) => ({ kind: 'enterprise' as const, id })),
        inspectorIds: fc.oneof(
          { arbitrary: fc.constant<string[]>(['p-enf-1', 'p-enf-2']), weight: 3 },
          { arbitrary: fc.shuffledSubarray(inspectors, { minLength: 1, maxLength: 3 }), weight: 1 },
        ),
      }),
      weight: 3,
    },
    {
      arbitrary: fc.record({ type: fc.constant('StartInspection' as const), actor: by }),
      weight: 3,
    },
    {
      arbitrary: fc
        .record({
          actor: by,
          findingId: fc.constantFrom(...findingIds),
          nature: fc.constantFrom(
            'unsafe_condition',
            'unsafe_act',
            'management_deficiency',
            'unsafe_condition',
            'bad_luck',
          ),
          proposedGrade: fc.constantFrom('general' as const, 'major' as const),
          // Mostly consistent with the grade, sometimes not (I-5).
          basisFitsGrade: fc.constantFrom(true, true, true, false),
          deadline: fc.oneof(
            { arbitrary: fc.constantFrom(7, 30), weight: 4 },
            { arbitrary: fc.constantFrom(-1, 0), weight: 1 },
            { arbitrary: fc.constant(undefined), weight: 1 },
          ),
          onSpot: fc.constantFrom(false, false, false, true),
        })
        .map(({ basisFitsGrade, deadline, onSpot, ...rest }): InspectionCommand => {
          const major = rest.proposedGrade === 'major';
          return {
            type: 'RecordFinding',
            ...rest,
            description: 'Fire exit blocked',
            location: 'Warehouse',
            ...(major === basisFitsGrade
              ? { majorBasis: { standardId: 'MEM-2023-10', clause: '3(1)' } }
              : {}),
            ...(deadline === undefined ? {} : { deadline: plusDays(options.today, deadline) }),
            ...(onSpot ? { rectifiedOnSpot: { actionsTaken: 'fixed at once' } } : {}),
          };
        }),
      weight: 8,
    },
    {
      arbitrary: fc.record(
        {
          type: fc.constant('IssueRectificationOrder' as const),
          actor: by,
          orderNo: fc.constantFrom(...refs),
          findingIds: someFindings,
          deadline: deadline.map((d) => d ?? options.today),
          approvedBy,
        },
        { requiredKeys: ['type', 'actor', 'orderNo', 'findingIds', 'deadline'] },
      ),
      weight: 3,
    },
    {
      arbitrary: fc.record(
        {
          type: fc.constant('ImposeOnSiteMeasure' as const),
          actor: by,
          measureRef: fc.constantFrom(...refs),
          kind: fc.constantFrom('evacuate', 'suspend_operations', 'stop_equipment', 'seal'),
          findingIds: someFindings,
          approvedBy,
        },
        { requiredKeys: ['type', 'actor', 'measureRef', 'kind', 'findingIds'] },
      ),
      weight: 3,
    },
    {
      arbitrary: fc.record({
        type: fc.constant('CompleteInspection' as const),
        actor: by,
        recordRef: fc.constant('REC-1'),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        type: fc.constant('CancelInspection' as const),
        actor: by,
        reason: fc.constant('plant shut'),
      }),
      weight: 1,
    },
  ];
  const wanted = options.types;
  if (wanted === undefined) return fc.oneof(...choices);
  return fc.oneof(...choices.filter((_, index) => wanted.includes(commandTypes[index]!)));
}
