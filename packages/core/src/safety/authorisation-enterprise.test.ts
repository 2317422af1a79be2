import {
  actorsOf,
  createSampleRegistryDirectory,
  registerEnterpriseArbitrary,
} from '@safeledger/testing';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  checkResentCommands,
  expectEveryTypeAccepted,
  localDate,
  regulatorOfficers,
} from './authorisation-resend.test-helper.js';
import type { EnterpriseCommand } from './enterprise/commands.js';
import { createEnterpriseDecider } from './enterprise/decide.js';
import type { EnterpriseState } from './enterprise/state.js';
import type { SafetyActor } from './roles/actor.js';
import type { Role } from './roles/role.js';

/*
 * Issue 20, authorisation (G-5) for Enterprise: at every step of random registry histories while
 * time passes, the command is re-sent by every actor of the run. Officers come from the sample
 * registry directory; enterprise people are not in it (the registry records principals and
 * safety officers in the enterprise's own stream), so the run's enterprise people are those its
 * registrations and appointments name, `p-a`…`p-c` and `p-s1`, `p-s2`, each also trying the
 * other enterprise roles, plus the principal and safety officer of another enterprise. Whoever
 * the decider accepts must hold a role the spec's §4.8 table ("Who") names for that command and
 * be in scope: an enterprise role only on its own enterprise and only as the registry records it
 * (the current principal; an appointed safety officer); a registering officer only for a profile
 * (before and after an update) inside its organisation's areas, and for an industry officer its
 * sectors; a grading officer only for the authority that awards or awarded the grade. "Officer
 * from registry data" (ChangePrincipal, AppointSafetyOfficer) is read as the registering
 * officers. The table is written from the spec, not from the library's permissions.
 */

const registrars: Role[] = ['TerritorialOfficer', 'IndustryOfficer'];
/** "Officer of the grading authority": any officer role of a regulator organisation. */
const graders = regulatorOfficers;
/** §4.8 "Who". */
const who: Record<EnterpriseCommand['type'], readonly Role[]> = {
  RegisterEnterprise: registrars,
  UpdateEnterpriseProfile: registrars,
  ChangePrincipal: ['Principal', ...registrars],
  AppointSafetyOfficer: ['Principal', ...registrars],
  FileRiskReport: ['Principal', 'SafetyOfficer'],
  AwardStandardizationGrade: graders,
  RevokeStandardizationGrade: graders,
  EstablishEmergencyTeam: ['Principal'],
  SubmitHazardStatistics: ['Principal'],
  CloseEnterprise: ['TerritorialOfficer'],
};

const directory = createSampleRegistryDirectory();
const ENTERPRISE = 'e-1';
/** The sample registry directory's regulators as its description gives them. */
const remits: Record<string, { areas: readonly string[]; sectors?: readonly string[] }> = {
  'org-territorial': { areas: ['area-park'] },
  'org-industry': { areas: ['area-park', 'area-far'], sectors: ['C26'] },
};

const people = ['p-a', 'p-b', 'p-c', 'p-s1', 'p-s2'];
const enterpriseActors: SafetyActor[] = [
  ...people.flatMap((personId) =>
    (['Principal', 'SafetyOfficer', 'Worker'] as const).map((role) => ({
      personId,
      role,
      enterpriseId: ENTERPRISE,
    })),
  ),
  { personId: 'p-x', role: 'Principal', enterpriseId: 'e-2' },
  { personId: 'p-y', role: 'SafetyOfficer', enterpriseId: 'e-2' },
];
const actors = [...actorsOf(directory), ...enterpriseActors];

type Profile = { readonly areaId: string; readonly sectorCode: string };

function covers(orgId: string | undefined, profile: Profile): boolean {
  const remit = remits[orgId ?? ''];
  if (remit === undefined || !remit.areas.includes(profile.areaId)) return false;
  return remit.sectors === undefined || remit.sectors.includes(profile.sectorCode);
}

/** The profiles an officer must cover: the registered one, and after an update the new one. */
function profilesOf(command: EnterpriseCommand, state: EnterpriseState): Profile[] {
  if (command.type === 'RegisterEnterprise') return [command];
  if (!state.registered) return [];
  if (command.type !== 'UpdateEnterpriseProfile') return [state];
  return [
    state,
    {
      areaId: command.areaId ?? state.areaId,
      sectorCode: command.sectorCode ?? state.sectorCode,
    },
  ];
}

function authorityOf(command: EnterpriseCommand, state: EnterpriseState): string | undefined {
  if (command.type === 'AwardStandardizationGrade') return command.authorityOrgId;
  if (!state.registered) return undefined;
  return state.standardization.at(-1)?.authorityOrgId;
}

function inScope(command: EnterpriseCommand, actor: SafetyActor, state: EnterpriseState): boolean {
  if (actor.enterpriseId !== undefined) {
    if (!state.registered || actor.enterpriseId !== state.enterpriseId) return false;
    if (actor.role === 'Principal') return state.principal.personId === actor.personId;
    if (actor.role === 'SafetyOfficer')
      return state.safetyOfficers.some((officer) => officer.personId === actor.personId);
    return false;
  }
  if (command.type === 'AwardStandardizationGrade' || command.type === 'RevokeStandardizationGrade')
    return actor.orgId !== undefined && actor.orgId === authorityOf(command, state);
  const profiles = profilesOf(command, state);
  return profiles.length > 0 && profiles.every((profile) => covers(actor.orgId, profile));
}

/** The quarter before the one `now` falls in, written `Qn-YYYY`. */
function lastQuarter(now: Date): string {
  const [year, month] = localDate(now).split('-').map(Number) as [number, number];
  const quarter = Math.floor((month - 1) / 3);
  return quarter === 0 ? `Q4-${year - 1}` : `Q${quarter}-${year}`;
}

const person = (personId: string) => ({ personId, name: `Person ${personId}` });
const officer = {
  personId: 'p-terr',
  role: 'TerritorialOfficer',
  orgId: 'org-territorial',
} as const;

/** The registration, in or out of the park and the industry bureau's sector. */
const register = registerEnterpriseArbitrary(ENTERPRISE).chain((command) =>
  fc
    .record({
      areaId: fc.constantFrom('area-park', 'area-park', 'area-far'),
      sectorCode: fc.constantFrom('C26', 'C26', 'C27'),
    })
    .map((profile): EnterpriseCommand => ({ ...command, ...profile })),
);

/** Every other command, with plausible content; the original actor matters little (all re-send). */
function registeredCommand(now: Date): fc.Arbitrary<EnterpriseCommand> {
  const year = Number(localDate(now).slice(0, 4));
  const arbitraries: fc.Arbitrary<EnterpriseCommand>[] = [
    fc
      .record({
        areaId: fc.constantFrom('area-park', 'area-far'),
        sectorCode: fc.constantFrom('C26', 'C27'),
      })
      .map((profile) => ({ type: 'UpdateEnterpriseProfile', actor: officer, ...profile })),
    fc
      .constantFrom('p-a', 'p-b', 'p-c')
      .map((id) => ({ type: 'ChangePrincipal', actor: officer, principal: person(id) })),
    fc
      .constantFrom('p-s1', 'p-s2', 'p-a')
      .map((id) => ({ type: 'AppointSafetyOfficer', actor: officer, officer: person(id) })),
    fc.constantFrom(year, year - 1).map((reportYear) => ({
      type: 'FileRiskReport',
      actor: officer,
      year: reportYear,
      reportType: 'periodic' as const,
      risks: [{ level: 'general' as const, description: 'dust in the mixing hall' }],
    })),
    fc
      .record({
        grade: fc.constantFrom(1 as const, 2 as const, 3 as const),
        authorityOrgId: fc.constantFrom('org-national', 'org-province', 'org-city'),
      })
      .map(({ grade, authorityOrgId }) => ({
        type: 'AwardStandardizationGrade',
        actor: officer,
        grade,
        authorityOrgId,
        awardedOn: localDate(now),
        publicNoticeRef: 'notice-1',
      })),
    fc.constant({ type: 'RevokeStandardizationGrade', actor: officer, reason: 'audit failed' }),
    fc
      .integer({ min: 1, max: 30 })
      .map((memberCount) => ({ type: 'EstablishEmergencyTeam', actor: officer, memberCount })),
    fc.constantFrom(lastQuarter(now), String(year - 1)).map((period) => ({
      type: 'SubmitHazardStatistics',
      actor: officer,
      period,
      counts: { found: 4, rectified: 3, major: 1, majorRectified: 1 },
    })),
  ];
  return fc.oneof(
    ...arbitraries.map((arbitrary) => ({ weight: 4, arbitrary })),
    // Closing ends the run's history (E-6), so it comes rarely.
    {
      weight: 1,
      arbitrary: fc.constant<EnterpriseCommand>({
        type: 'CloseEnterprise',
        actor: officer,
        reason: 'moved out of the park',
      }),
    },
  );
}

/**
 * Roles the property must see each of these commands accepted from. Both sides of "Principal (or
 * officer from registry data)" get through, and appointed safety officers file reports.
 */
const acceptedFrom = {
  ChangePrincipal: ['Principal', 'TerritorialOfficer', 'IndustryOfficer'],
  FileRiskReport: ['SafetyOfficer'],
} satisfies Record<string, readonly Role[]>;

it('G-5: no enterprise command is accepted from a role §4.8 does not allow, or from outside the enterprise, its registry records or the officer’s remit', async () => {
  const summary = await checkResentCommands<EnterpriseState, EnterpriseCommand>({
    decider: createEnterpriseDecider({ directory }),
    actors,
    streamId: () => `ent-${ENTERPRISE}`,
    next: (state, now) => (!state.registered ? register : registeredCommand(now)),
    start: '2024-01-10T02:00:00Z',
    maxDaysPerStep: 60,
    maxSteps: 12,
    allowed: (command, actor) => who[command.type].includes(actor.role),
    inScope,
    types: Object.keys(who),
    roles: acceptedFrom,
    numRuns: Number(process.env.FC_NUM_RUNS ?? 40),
  });
  expect(summary.checked).toBeGreaterThan(1_000);
  expectEveryTypeAccepted(summary, Object.keys(who));
}, 60_000);
