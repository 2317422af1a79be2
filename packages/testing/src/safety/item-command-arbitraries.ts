import type { InvestigationHazard, SafetyActor, SupervisionItemCommand } from '@safeledger/core';
import fc from 'fast-check';
import { actorFor } from './sample-directory.js';
import { createSampleItemDirectory } from './sample-item-commands.js';

/** Options of `supervisionItemCommandArbitrary`. */
export interface SupervisionItemCommandArbitraryOptions {
  /** The item every command targets. */
  readonly itemId?: string;
  /** The local date (`YYYY-MM-DD`) deadlines are drawn around: the day before, the day, later. */
  readonly today: string;
  /** Only commands of these types (default: all). */
  readonly types?: readonly SupervisionItemCommand['type'][];
}

const directory = createSampleItemDirectory();
// People who play every part a supervision-item rule tells apart: the issuing team's member,
// another team's, the committee office, an officer and the head of the safety bureau, an officer
// of the industry bureau.
const people = ['p-team-1', 'p-team-2', 'p-cmo-district', 'p-enf-1', 'p-safety-head', 'p-ind-1'];
const actors: SafetyActor[] = people.map((id) => actorFor(directory, id));

// The order of `choices` below.
const commandTypes: readonly SupervisionItemCommand['type'][] = [
  'ReceiveHandover',
  'AssignItem',
  'RecordInvestigation',
  'LinkHazard',
  'LinkCase',
  'AddMeasure',
  'CompleteMeasure',
  'ReplyToPetitioner',
  'SubmitFeedback',
  'CloseItem',
  'ReturnItem',
];

function plusDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/**
 * Any supervision-item command on `createSampleItemDirectory()`, valid or not: actors, kinds,
 * organisations, hazard ids (`h-1`…`h-3`, `h-9`), case and measure ids, deadlines and
 * investigation hazards come from small pools, so duplicates, unknown ids, wrong senders, past
 * deadlines and count mismatches happen often. Whether a command is valid is for the test's own
 * model to decide. Items are issued by `org-team-city`.
 */
export function supervisionItemCommandArbitrary(
  options: SupervisionItemCommandArbitraryOptions,
): fc.Arbitrary<SupervisionItemCommand> {
  const { today } = options;
  const itemId = options.itemId ?? 'it-1';
  // The lead organisation's officer and head and the issuer act most often, so runs get past the
  // assignment to feedback and closure; the others stay in the pool to be refused.
  const by = fc.oneof(
    { arbitrary: fc.constantFrom(actors[3]!, actors[4]!), weight: 6 },
    { arbitrary: fc.constant(actors[0]!), weight: 2 },
    { arbitrary: fc.constantFrom(...actors), weight: 2 },
  );
  // Closure and return come from the issuer, or the committee office when delegated.
  const issuerMostly = fc.oneof(
    { arbitrary: fc.constant(actors[0]!), weight: 4 },
    { arbitrary: fc.constant(actors[2]!), weight: 1 },
    { arbitrary: by, weight: 1 },
  );
  const day = (...offsets: number[]) => fc.constantFrom(...offsets).map((d) => plusDays(today, d));
  const hazard = fc
    .record({
      hazardKey: fc.constantFrom('k-1', 'k-2'),
      grade: fc.constantFrom('general' as const, 'major' as const),
      withBasis: fc.boolean(),
      deadline: day(-1, 0, 30, 30),
    })
    .map(
      ({ withBasis, ...h }): InvestigationHazard => ({
        ...h,
        subject: { kind: 'enterprise', id: 'ent-chem' },
        description: 'Blocked exit',
        location: 'Warehouse',
        nature: 'unsafe_condition',
        ...(withBasis ? { majorBasis: { standardId: 'MEM-2023-10', clause: '3(1)' } } : {}),
      }),
    );
  const choices: fc.WeightedArbitrary<SupervisionItemCommand>[] = [
    {
      arbitrary: fc
        .record({
          actor: fc.oneof(
            { arbitrary: fc.constant(actors[0]!), weight: 4 },
            { arbitrary: by, weight: 1 },
          ),
          kind: fc.constantFrom(
            'petition' as const,
            'hazard_list' as const,
            'feedback_issue' as const,
          ),
          subjects: fc.constantFrom<string[]>(['ent-chem'], ['ent-chem'], []),
          expectedHazardCount: fc.constantFrom(undefined, 1, 2),
          anonymous: fc.boolean(),
          closureAuthority: fc.constantFrom('issuer' as const, 'committee_office' as const),
          deadline: day(3, 30, 45, 60),
        })
        .map(
          ({ subjects, expectedHazardCount, anonymous, ...r }): SupervisionItemCommand => ({
            type: 'ReceiveHandover',
            itemId,
            batchId: 'B-1',
            batchTitle: 'Batch 1',
            issuer: {
              name: 'City supervision team',
              kind: 'supervision_team',
              level: 'city',
              orgId: 'org-team-city',
            },
            description: 'Handed over',
            subjectEnterpriseIds: subjects,
            ...(expectedHazardCount === undefined ? {} : { expectedHazardCount }),
            ...(r.kind === 'petition' ? { petitioner: { anonymous } } : {}),
            ...r,
          }),
        ),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        type: fc.constant('AssignItem' as const),
        actor: fc.oneof(
          { arbitrary: fc.constant(actors[2]!), weight: 4 },
          { arbitrary: by, weight: 1 },
        ),
        leadOrgId: fc.constantFrom(
          'org-safety',
          'org-safety',
          'org-industry',
          'org-committee-city',
        ),
        supportOrgIds: fc.oneof(
          { arbitrary: fc.constantFrom<string[]>([], ['org-industry']), weight: 4 },
          { arbitrary: fc.subarray(['org-industry', 'org-safety', 'org-nowhere']), weight: 1 },
        ),
        internalDeadline: day(0, 0, 2, 60),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        type: fc.constant('RecordInvestigation' as const),
        actor: by,
        finding: fc.constantFrom(
          'substantiated' as const,
          'partially_substantiated' as const,
          'unsubstantiated' as const,
        ),
        reportRef: fc.constant('INV-1'),
        hazards: fc.oneof(
          { arbitrary: fc.constant<InvestigationHazard[]>([]), weight: 2 },
          { arbitrary: fc.array(hazard, { maxLength: 2 }), weight: 1 },
        ),
      }),
      weight: 3,
    },
    {
      arbitrary: fc.record({
        type: fc.constant('LinkHazard' as const),
        actor: by,
        hazardId: fc.constantFrom('h-1', 'h-2', 'h-3', 'h-9'),
      }),
      weight: 4,
    },
    {
      arbitrary: fc.record({
        type: fc.constant('LinkCase' as const),
        actor: by,
        caseId: fc.constantFrom('c-1', 'c-2'),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        type: fc.constant('AddMeasure' as const),
        actor: by,
        measureId: fc.constantFrom('m-1', 'm-2'),
        text: fc.constant('Train the staff'),
      }),
      weight: 3,
    },
    {
      arbitrary: fc.record({
        type: fc.constant('CompleteMeasure' as const),
        actor: by,
        measureId: fc.constantFrom('m-1', 'm-2', 'm-3'),
      }),
      weight: 3,
    },
    {
      arbitrary: fc.record({
        type: fc.constant('ReplyToPetitioner' as const),
        actor: by,
        method: fc.constant('phone'),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        type: fc.constant('SubmitFeedback' as const),
        actor: by,
        summary: fc.constant('Done'),
      }),
      weight: 5,
    },
    {
      arbitrary: fc.record({ type: fc.constant('CloseItem' as const), actor: issuerMostly }),
      weight: 5,
    },
    {
      arbitrary: fc.record({
        type: fc.constant('ReturnItem' as const),
        actor: issuerMostly,
        reason: fc.constant('Not enough'),
      }),
      weight: 1,
    },
  ];
  const wanted = options.types;
  if (wanted === undefined) return fc.oneof(...choices);
  return fc.oneof(...choices.filter((_, index) => wanted.includes(commandTypes[index]!)));
}
