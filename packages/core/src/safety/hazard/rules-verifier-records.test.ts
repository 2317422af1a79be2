import { createSampleSafetyDirectory, sampleHazardCommands } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import type { Directory } from '../directory/directory.js';
import { createInMemoryDirectory } from '../directory/in-memory-directory.js';
import type { PersonRecord } from '../directory/person.js';
import type { SafetyActor } from '../roles/actor.js';
import { hazardDecisions, personIn } from './hazard-decisions.test-helper.js';
import type { RegisteredHazard } from './state.js';
import { isRegulatorVerification, verifierStanding } from './verifiers.js';

// H-18 / H-19 on directory records the sample directory does not hold: people whose record lacks
// an organisation or enterprise (the person schema allows it; only an *actor* in a government
// role must carry an orgId), people in a hazard role at the wrong kind of organisation, a person
// holding two roles, a site missing from the directory and a site sharing an enterprise's id.
// `verifierStanding` is public, so it must answer for any record the directory accepts.
const kit = sampleHazardCommands();
const { actors } = kit;
const sample = createSampleSafetyDirectory();
const extraPersons: PersonRecord[] = [
  // Two roles: standing comes from any role held, not from every one.
  {
    id: 'p-enf-legal',
    name: 'Officer and legal reviewer',
    roles: ['LegalReviewer', 'EnforcementOfficer'],
    orgId: 'org-safety',
    venueIds: [],
  },
  // Officer roles on records that name no organisation.
  { id: 'p-enf-noorg', name: 'Unattached officer', roles: ['EnforcementOfficer'], venueIds: [] },
  { id: 'p-fire-noorg', name: 'Unattached fire advisor', roles: ['FireAdvisor'], venueIds: [] },
  { id: 'p-grid-noorg', name: 'Unattached grid patroller', roles: ['GridPatroller'], venueIds: [] },
  // An enterprise role on a record that names no enterprise.
  { id: 'p-so-noent', name: 'Unattached safety officer', roles: ['SafetyOfficer'], venueIds: [] },
  // Area roles at bodies that cover the park but are not territorial.
  {
    id: 'p-grid-safety',
    name: 'Bureau grid patroller',
    roles: ['GridPatroller'],
    orgId: 'org-safety',
    venueIds: [],
  },
  {
    id: 'p-terr-industry',
    name: 'Industry territorial officer',
    roles: ['TerritorialOfficer'],
    orgId: 'org-industry',
    venueIds: [],
  },
];
const directory = createInMemoryDirectory({
  areas: [...sample.areas()],
  organizations: [...sample.organizations()],
  enterprises: [...sample.enterprises()],
  venues: [...sample.venues()],
  // Site ids and enterprise ids are separate namespaces: this site shares the chemical works' id.
  sites: [
    ...sample.sites(),
    {
      id: 'ent-chem',
      name: 'Landlord yard',
      areaId: 'area-park',
      landlordEnterpriseId: 'ent-landlord',
      tenantEnterpriseIds: ['ent-chem'],
      specialties: [],
    },
  ],
  persons: [...sample.persons(), ...extraPersons],
});
const { decide, stateAfter, refusal } = hazardDecisions(directory);
const person = (id: string) => personIn(directory, id);
const standings = (
  state: RegisteredHazard,
  ids: readonly string[],
  lookup: Directory = directory,
) => Object.fromEntries(ids.map((id) => [id, verifierStanding(lookup, state, person(id))]));

// A directory backed by a database may reject a lookup with no id; the rules must not ask one.
const strictDirectory: Directory = {
  ...directory,
  organization: (id: string) => {
    if (typeof id !== 'string') throw new TypeError(`organisation lookup without an id: ${id}`);
    return directory.organization(id);
  },
};

const selfFound = stateAfter([kit.registerGeneral()]);
const expert: SafetyActor = { personId: 'p-expert-1', role: 'Expert' };
const venue: RegisteredHazard = {
  ...selfFound,
  subject: { kind: 'venue', id: 'venue-1' },
  responsible: { kind: 'venue', id: 'venue-1' },
  areaId: 'area-park',
  supervisingOrgId: 'org-territorial',
  discoveredBy: actors.venueOperator,
  source: 'self_inspection',
};

describe('H-18 H-19 verifier standing on unusual directory records', () => {
  it('H-18 a person holding two roles verifies a major through the officer role', () => {
    const major: RegisteredHazard = { ...selfFound, grade: 'major' };
    expect(standings(major, ['p-enf-legal'])).toEqual({ 'p-enf-legal': 'verifier' });
    expect(verifierStanding(directory, major, person('p-enf-legal'), ['LegalReviewer'])).toBe(
      'none',
    );
  });

  it('H-18 a person holding two roles verifies a major only when acting in the officer role, and co-verifies through it', () => {
    const major = stateAfter([kit.registerMajor(), ...kit.majorPrerequisites(), kit.complete()]);
    const review = (actor: SafetyActor, verifierIds: string[]) =>
      ({
        type: 'VerifyRectification',
        actor,
        outcome: 'passed',
        kind: 'regulator_review',
        verifierIds,
      }) as const;
    const asReviewer: SafetyActor = {
      personId: 'p-enf-legal',
      role: 'LegalReviewer',
      orgId: 'org-safety',
    };
    const acting = refusal(major, review(asReviewer, ['p-enf-legal', 'p-enf-1']));
    expect(acting).toMatchObject({ rule: 'H-18', violation: 'Forbidden' });
    expect(acting.details).toMatchObject({ verifierId: 'p-enf-legal', reason: 'not_officer' });
    const asOfficer: SafetyActor = { ...asReviewer, role: 'EnforcementOfficer' };
    expect(decide(major, review(asOfficer, ['p-enf-legal', 'p-enf-1']))[0]?.type).toBe(
      'RectificationVerified',
    );
    // A co-verifier is not acting: any role held counts.
    expect(decide(major, review(actors.officers[0], ['p-enf-1', 'p-enf-legal']))[0]?.type).toBe(
      'RectificationVerified',
    );
  });

  it('H-18 a major found by another regulator: only the supervising regulator verifies, not the finder', () => {
    const major: RegisteredHazard = {
      ...selfFound,
      grade: 'major',
      discoveredBy: actors.gridPatroller,
      source: 'regulator_inspection',
    };
    expect(standings(major, ['p-terr-1', 'p-enf-1'])).toEqual({
      'p-terr-1': 'none',
      'p-enf-1': 'verifier',
    });
  });

  it('H-19 b an officer whose record names no organisation has no standing, even when the finder has none either', () => {
    const foundByExpert: RegisteredHazard = {
      ...selfFound,
      discoveredBy: expert,
      source: 'regulator_inspection',
    };
    expect(standings(foundByExpert, ['p-enf-noorg', 'p-enf-1'])).toEqual({
      'p-enf-noorg': 'none',
      'p-enf-1': 'verifier',
    });
  });

  it('H-19 c a venue found by its operator: a finder role on a record with no organisation is not the finder', () => {
    expect(standings(venue, ['p-fire-noorg', 'p-grid-noorg', 'p-grid-1'])).toEqual({
      'p-fire-noorg': 'none',
      'p-grid-noorg': 'none',
      'p-grid-1': 'verifier',
    });
    // The standing is decided without asking the directory about a missing organisation.
    expect(standings(venue, ['p-fire-noorg', 'p-grid-1'], strictDirectory)).toEqual({
      'p-fire-noorg': 'none',
      'p-grid-1': 'verifier',
    });
  });

  it('H-19 c grid and territorial roles verify a venue only at a territorial body covering its area', () => {
    // Both organisations cover the park, but neither is a territorial body.
    expect(standings(venue, ['p-grid-safety', 'p-terr-industry', 'p-terr-1'])).toEqual({
      'p-grid-safety': 'none',
      'p-terr-industry': 'none',
      'p-terr-1': 'verifier',
    });
  });

  it('H-19 a a landlord co-signs only a landlord check whose subject is a site, not an enterprise sharing its id', () => {
    const onEnterprise: RegisteredHazard = {
      ...selfFound,
      source: 'landlord_check',
      subject: { kind: 'enterprise', id: 'ent-chem' },
    };
    expect(standings(onEnterprise, ['p-ll-so', 'p-so-1'])).toEqual({
      'p-ll-so': 'none',
      'p-so-1': 'verifier',
    });
    const onSite: RegisteredHazard = { ...onEnterprise, subject: { kind: 'site', id: 'ent-chem' } };
    expect(standings(onSite, ['p-ll-so'])).toEqual({ 'p-ll-so': 'co_signer' });
  });

  it('H-19 a a landlord check on a site missing from the directory: nobody co-signs, nothing throws', () => {
    const missingSite: RegisteredHazard = {
      ...selfFound,
      source: 'landlord_check',
      subject: { kind: 'site', id: 'site-gone' },
    };
    expect(standings(missingSite, ['p-ll-so', 'p-so-noent', 'p-so-1'])).toEqual({
      'p-ll-so': 'none',
      'p-so-noent': 'none',
      'p-so-1': 'verifier',
    });
  });

  it('H-20 a verifier whose record names no organisation does not make a regulator verification', () => {
    const of = (...ids: string[]) => isRegulatorVerification(strictDirectory, ids.map(person));
    expect(of('p-enf-noorg')).toBe(false);
    expect(of('p-so-1')).toBe(false);
    expect(of('p-enf-noorg', 'p-enf-1')).toBe(true);
  });
});
