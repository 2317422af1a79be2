import {
  actorsOf,
  createSampleSafetyDirectory,
  hazardCommandCandidates,
} from '@safeledger/testing';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { isSafeledgerError } from '../eventsourcing/errors.js';
import type { HazardCommand } from './hazard/commands.js';
import { createHazardDecider } from './hazard/decide.js';
import { hazardStreamId } from './hazard/hazard-stream.js';
import type { HazardState } from './hazard/state.js';
import type { SafetyActor } from './roles/actor.js';
import type { Role } from './roles/role.js';

/*
 * Issue 20, authorisation (G-5) as a property: at every step of random valid hazard lifecycles
 * while time passes, the command is re-sent by every genuine actor of the directory (each person
 * in each role they hold). Whoever the decider accepts must be one of the roles the spec's
 * command table (§4.1, "Who") allows for that command, and never a person of another district
 * or enterprise. The table below is written from the spec, not from the library's permissions.
 * It covers the Hazard aggregate, whose table names the most roles; the other aggregates' role
 * tests are in their rule tests, and the forged-actor property covers identity for four of them.
 */

const regulatorOfficers: Role[] = [
  'TerritorialOfficer',
  'IndustryOfficer',
  'SpecialOfficer',
  'EnforcementOfficer',
  'AuthorityHead',
];
const enterpriseSide: Role[] = ['Worker', 'SafetyOfficer', 'Principal', 'VenueOperator'];
/** §4.1 "Who" as role sets: an upper bound (scope and the rule's finer conditions come on top). */
const who: Record<HazardCommand['type'], readonly Role[]> = {
  RegisterHazard: [...enterpriseSide, 'GridPatroller', 'FireAdvisor', ...regulatorOfficers],
  CorrectHazardDetails: [...enterpriseSide, 'GridPatroller', 'FireAdvisor', ...regulatorOfficers],
  RegradeHazard: ['Principal', ...regulatorOfficers],
  ExtendRectificationDeadline: ['AuthorityHead', 'Principal', 'VenueOperator'],
  ReportMajorHazard: ['Principal'],
  DiscloseMajorHazardToWorkforce: ['Principal', 'SafetyOfficer'],
  SubmitRectificationPlan: ['Principal', 'SafetyOfficer', 'VenueOperator'],
  ListForSupervision: ['SafetyCommitteeOffice', 'AuthorityHead'],
  SuspendOperations: [...regulatorOfficers, 'Principal'],
  RecordInterimControls: enterpriseSide,
  CompleteRectification: ['SafetyOfficer', 'Principal', 'VenueOperator'],
  RecordRectificationAssessment: ['Principal'],
  RequestVerification: ['SafetyOfficer', 'Principal', 'VenueOperator'],
  // H-19 (c): a venue hazard is verified by the area's GridPatroller or TerritorialOfficer "or the
  // finding org", and a FireAdvisor may find one (row 1): the advisor's own organisation verifies.
  VerifyRectification: [
    'SafetyOfficer',
    'Principal',
    'GridPatroller',
    'FireAdvisor',
    ...regulatorOfficers,
  ],
  ApproveResumption: ['AuthorityHead', 'Principal'],
  DelistHazard: ['SafetyCommitteeOffice', 'AuthorityHead'],
  CloseHazard: ['SafetyOfficer', 'Principal', 'GridPatroller', 'FireAdvisor', ...regulatorOfficers],
  VoidHazard: ['AuthorityHead', 'Principal'],
  ReferHazard: regulatorOfficers,
};

const directory = createSampleSafetyDirectory();
const everyone = actorsOf(directory);
/**
 * The sample directory's two districts: the far district's people (its bureau and its
 * enterprise) act only on its enterprise `ent-far`; everyone else of the district level acts
 * only on the near district's subjects. The city committee office covers both.
 */
const farSide = (personId: string) => personId.startsWith('p-far-');
const inScope = (actor: SafetyActor, subjectId: string) =>
  actor.personId === 'p-cmo-city' || farSide(actor.personId) === (subjectId === 'ent-far');
/**
 * A venue has no Principal: its operator answers for it (the library's reading of "Principal"
 * for venue hazards, as H-8 reads the deadline owner), so a VenueOperator stands where the
 * table names the Principal.
 */
const allowed = (type: HazardCommand['type'], actor: SafetyActor, subjectKind: string) =>
  who[type].includes(actor.role) ||
  (subjectKind === 'venue' && actor.role === 'VenueOperator' && who[type].includes('Principal'));
const DAY = 86_400_000;

it('G-5: no hazard command is accepted from a role the spec does not allow, or from outside the scope', () => {
  const decider = createHazardDecider({ directory });
  const accepted = new Map<string, Set<Role>>();
  let checked = 0;
  fc.assert(
    fc.property(fc.gen(), fc.integer({ min: 1, max: 14 }), (g, length) => {
      let state: HazardState = decider.initialState();
      let now = Date.parse('2024-03-01T02:00:00Z');
      for (let step = 0; step < length; step += 1) {
        now += g(fc.integer, { min: 0, max: 6 }) * DAY;
        if ('status' in state && (state.status === 'closed' || state.status === 'voided')) return;
        const command = g(
          // Plausible next commands (most accepted); filtering to the accepted ones would stall.
          (s: HazardState, at: number) =>
            fc.oneof(
              ...hazardCommandCandidates({ directory, state: s, now: new Date(at) }).map(
                (candidate) => candidate.arbitrary,
              ),
            ),
          state,
          now,
        );
        const context = {
          now: new Date(now),
          streamId: hazardStreamId(
            'hazardId' in state
              ? String(state.hazardId)
              : command.type === 'RegisterHazard'
                ? command.hazardId
                : 'h-1',
          ),
          version: state.version,
        };
        const subject =
          command.type === 'RegisterHazard'
            ? command.subject
            : ((state as { subject?: { kind: string; id: string } }).subject ?? {
                kind: '',
                id: '',
              });
        for (const actor of everyone) {
          const resent = { ...command, actor } as HazardCommand;
          let ok = true;
          try {
            decider.decide(resent, state, context);
          } catch (error) {
            if (!isSafeledgerError(error)) throw error;
            ok = false;
          }
          checked += 1;
          if (!ok) continue;
          const roles = accepted.get(command.type) ?? new Set<Role>();
          roles.add(actor.role);
          accepted.set(command.type, roles);
          expect(
            allowed(command.type, actor, subject.kind),
            `${command.type} on ${subject.kind} ${subject.id} accepted from ${describe(actor)}, a role the table does not name`,
          ).toBe(true);
          expect(
            inScope(actor, subject.id),
            `${command.type} on ${subject.kind} ${subject.id} accepted from ${describe(actor)}, outside the scope`,
          ).toBe(true);
        }
        // The lifecycle goes on with the command as its own actor sent it, if it was accepted.
        try {
          const events = decider.decide(command, state, context);
          for (const event of Array.isArray(events) ? events : [events])
            state = decider.evolve(state, event);
        } catch (error) {
          if (!isSafeledgerError(error)) throw error;
        }
      }
    }),
    // No shrinking: a lifecycle drawn with fc.gen shrinks slowly, and the message already names
    // the command, the subject and the actor that got through.
    { numRuns: Number(process.env.FC_NUM_RUNS ?? 120), endOnFailure: true },
  );
  // The property is not vacuous: commands were re-sent by many actors, and most command types
  // were accepted from someone.
  expect(checked).toBeGreaterThan(1_000);
  expect(accepted.size).toBeGreaterThanOrEqual(12);
}, 180_000);

function describe(actor: SafetyActor): string {
  return `${actor.personId} as ${actor.role}`;
}
