import { actorsOf, createSampleSafetyDirectory, siteCommandArbitrary } from '@safeledger/testing';
import { expect, it } from 'vitest';
import {
  checkResentCommands,
  expectEveryTypeAccepted,
  localDate,
} from './authorisation-resend.test-helper.js';
import type { SafetyActor } from './roles/actor.js';
import type { Role } from './roles/role.js';
import type { SiteCommand } from './site/commands.js';
import { createSiteDecider } from './site/decide.js';
import type { SiteState } from './site/state.js';

/*
 * Issue 20, authorisation (G-5) for MultiTenantSite: at every step of random site histories
 * while time passes, the command is re-sent by every genuine actor of the sample directory.
 * Whoever the decider accepts must hold a role the spec's §4.7 table ("Who") names for that
 * command, and act for a party of the site (the landlord, or for an agreement the tenancy's
 * tenant) or for a territorial office covering the site's area. The table is written from the
 * spec, not from the library's permissions.
 */

/** The landlord's people: §4.7 says "landlord" without a role for devices and tenancy ends. */
const landlordSide: Role[] = ['Worker', 'SafetyOfficer', 'Principal'];
/** §4.7 "Who" as role sets, each with the parties the role may act for. */
const who: Record<SiteCommand['type'], readonly Role[]> = {
  RegisterSite: ['TerritorialOfficer', 'Principal'],
  RegisterTenancy: ['Principal', 'SafetyOfficer', 'TerritorialOfficer'],
  // Both principals sign; either of them sends the command with both signatories in it.
  SignSafetyAgreement: ['Principal'],
  RecordLandlordCheck: ['SafetyOfficer', 'Principal'],
  RecordDeviceInstallation: [...landlordSide, 'TerritorialOfficer'],
  EndTenancy: landlordSide,
};

const directory = createSampleSafetyDirectory();
const LANDLORD = 'ent-landlord';
/** Territorial offices whose areas include `area-park`, where `site-1` lies. */
const parkOffices = ['org-territorial'];

function tenantOf(state: SiteState, command: SiteCommand): string | undefined {
  if (state.status !== 'registered' || !('tenancyId' in command)) return undefined;
  return state.tenancies.find((t) => t.tenancyId === command.tenancyId)?.tenantEnterpriseId;
}

/** The parties an enterprise actor may act for on this command: the landlord; for signing, the tenant too. */
function inScope(command: SiteCommand, actor: SafetyActor, state: SiteState): boolean {
  if (actor.role === 'TerritorialOfficer') return parkOffices.includes(actor.orgId ?? '');
  const landlord = state.status === 'registered' ? state.landlordEnterpriseId : LANDLORD;
  const parties =
    command.type === 'SignSafetyAgreement' ? [landlord, tenantOf(state, command)] : [landlord];
  return actor.enterpriseId !== undefined && parties.includes(actor.enterpriseId);
}

/**
 * Roles the property must see each of these commands accepted from. Not only the registering
 * officer: the landlord's and the tenant's people get through too.
 */
const acceptedFrom = {
  SignSafetyAgreement: ['Principal'],
  RecordLandlordCheck: ['SafetyOfficer'],
} satisfies Record<string, readonly Role[]>;

it('G-5: no site command is accepted from a role §4.7 does not allow, or from outside the site’s parties and area', async () => {
  const summary = await checkResentCommands<SiteState, SiteCommand>({
    decider: createSiteDecider({ directory }),
    actors: actorsOf(directory),
    streamId: () => 'site-site-1',
    // A site must be registered and leased before most commands mean anything: the first steps
    // draw those (still from the library's arbitrary, wrong actors and all).
    next: (state, now) =>
      siteCommandArbitrary({ directory, today: localDate(now) }).filter(
        (command) =>
          (state.status === 'registered' || command.type === 'RegisterSite') &&
          (state.status !== 'registered' ||
            state.tenancies.length > 0 ||
            command.type === 'RegisterTenancy'),
      ),
    start: '2024-03-01T02:00:00Z',
    maxDaysPerStep: 20,
    maxSteps: 14,
    allowed: (command, actor) => who[command.type].includes(actor.role),
    inScope,
    types: Object.keys(who),
    roles: acceptedFrom,
    numRuns: Number(process.env.FC_NUM_RUNS ?? 60),
  });
  expect(summary.checked).toBeGreaterThan(1_000);
  expectEveryTypeAccepted(summary, Object.keys(who));
}, 60_000);
