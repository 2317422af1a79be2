import { sampleHazardCommands } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import type { Role } from '../roles/role.js';
import { hazardDecisions, personIn } from './hazard-decisions.test-helper.js';
import type { RegisteredHazard } from './state.js';
import { isRegulatorVerification, verifierSide, verifierStanding } from './verifiers.js';

// H-18 / H-19: who may verify, side by side and person by person, on the sample directory.
const kit = sampleHazardCommands();
const { actors, directory } = kit;
const { stateAfter } = hazardDecisions(directory);
const person = (id: string) => personIn(directory, id);
const standing = (state: RegisteredHazard, id: string, roles?: readonly Role[]) =>
  verifierStanding(directory, state, person(id), roles);
const standings = (state: RegisteredHazard, ids: readonly string[]) =>
  Object.fromEntries(ids.map((id) => [id, standing(state, id)]));

// Found by the chemical works' own safety officer: the enterprise verifies (H-19 a).
const selfFound = stateAfter([kit.registerGeneral()]);
// Found by a territorial grid patroller on the same enterprise: a regulator verifies (H-19 b).
const regulatorFound: RegisteredHazard = {
  ...selfFound,
  discoveredBy: actors.gridPatroller,
  source: 'regulator_inspection',
};
const major: RegisteredHazard = { ...selfFound, grade: 'major' };
// Found by the fire advisor in the noodle shop of the chemical park (H-19 c).
const venue: RegisteredHazard = {
  ...selfFound,
  subject: { kind: 'venue', id: 'venue-1' },
  responsible: { kind: 'venue', id: 'venue-1' },
  areaId: 'area-park',
  supervisingOrgId: 'org-territorial',
  discoveredBy: actors.fireAdvisor,
  source: 'regulator_inspection',
};

describe('H-18 H-19 verifier sides and standings', () => {
  it('H-18 H-19 the side follows grade, subject and who found the hazard', () => {
    expect(verifierSide(selfFound)).toBe('enterprise');
    expect(verifierSide(regulatorFound)).toBe('regulator');
    expect(verifierSide(major)).toBe('major');
    expect(verifierSide({ ...venue, grade: 'major' })).toBe('major');
    expect(verifierSide(venue)).toBe('venue');
  });

  it('H-18 a major is verified only by officers of its supervising regulator', () => {
    expect(
      standings(major, ['p-enf-1', 'p-safety-head', 'p-legal', 'p-ind-1', 'p-far-enf-1', 'p-so-1']),
    ).toEqual({
      'p-enf-1': 'verifier',
      'p-safety-head': 'verifier',
      'p-legal': 'none',
      'p-ind-1': 'none',
      'p-far-enf-1': 'none',
      'p-so-1': 'none',
    });
    // The role acted in decides, not every role held.
    expect(standing(major, 'p-enf-1', ['LegalReviewer'])).toBe('none');
  });

  it('H-19 b a regulator-found general hazard: officers of the finding or the supervising organisation', () => {
    expect(
      standings(regulatorFound, [
        'p-terr-1',
        'p-grid-1',
        'p-enf-1',
        'p-ind-1',
        'p-so-1',
        'p-far-enf-1',
      ]),
    ).toEqual({
      'p-terr-1': 'verifier',
      'p-grid-1': 'none',
      'p-enf-1': 'verifier',
      'p-ind-1': 'none',
      'p-so-1': 'none',
      'p-far-enf-1': 'none',
    });
  });

  it('H-19 c a venue: the finding organisation, or grid and territorial officers covering its area', () => {
    expect(
      standings(venue, [
        'p-fire-adv',
        'p-spec-1',
        'p-grid-1',
        'p-terr-1',
        'p-terr-head',
        'p-enf-1',
        'p-venue-op',
      ]),
    ).toEqual({
      'p-fire-adv': 'verifier',
      'p-spec-1': 'verifier',
      'p-grid-1': 'verifier',
      'p-terr-1': 'verifier',
      'p-terr-head': 'none',
      'p-enf-1': 'none',
      'p-venue-op': 'none',
    });
    // Outside the territorial body's area, only the finding organisation verifies.
    const elsewhere = { ...venue, areaId: 'area-town' };
    expect(standings(elsewhere, ['p-fire-adv', 'p-grid-1', 'p-terr-1'])).toEqual({
      'p-fire-adv': 'verifier',
      'p-grid-1': 'none',
      'p-terr-1': 'none',
    });
    // Found by the territorial body itself: its grid patroller verifies as the finder even
    // outside the areas it covers; the fire advisor, not the finder, does not.
    const foundByGrid = { ...elsewhere, discoveredBy: actors.gridPatroller };
    expect(standings(foundByGrid, ['p-grid-1', 'p-fire-adv'])).toEqual({
      'p-grid-1': 'verifier',
      'p-fire-adv': 'none',
    });
    // Found by the venue operator (no organisation): only the territorial side verifies.
    const foundByOperator = { ...venue, discoveredBy: actors.venueOperator };
    expect(standings(foundByOperator, ['p-fire-adv', 'p-grid-1', 'p-venue-op'])).toEqual({
      'p-fire-adv': 'none',
      'p-grid-1': 'verifier',
      'p-venue-op': 'none',
    });
  });

  it('H-19 a an enterprise verifies its own hazard; a landlord co-signs only its landlord check on its site', () => {
    expect(
      standings(selfFound, ['p-so-1', 'p-principal', 'p-worker', 'p-ll-so', 'p-far-so']),
    ).toEqual({
      'p-so-1': 'verifier',
      'p-principal': 'verifier',
      'p-worker': 'none',
      'p-ll-so': 'none',
      'p-far-so': 'none',
    });
    expect(standing(selfFound, 'p-so-1', ['Worker'])).toBe('none');
    const landlordCheck: RegisteredHazard = {
      ...selfFound,
      source: 'landlord_check',
      subject: { kind: 'site', id: 'site-1' },
    };
    expect(
      standings(landlordCheck, ['p-so-1', 'p-ll-so', 'p-ll-principal', 'p-far-so', 'p-enf-1']),
    ).toEqual({
      'p-so-1': 'verifier',
      'p-ll-so': 'co_signer',
      'p-ll-principal': 'co_signer',
      'p-far-so': 'none',
      'p-enf-1': 'none',
    });
    // Not a landlord check, or not on a site: the landlord has no standing.
    expect(standing({ ...landlordCheck, source: 'self_inspection' }, 'p-ll-so')).toBe('none');
    expect(
      standing({ ...landlordCheck, subject: { kind: 'enterprise', id: 'ent-chem' } }, 'p-ll-so'),
    ).toBe('none');
  });

  it('H-20 a verification is a regulator’s when any verifier acts for a regulator organisation', () => {
    const of = (...ids: string[]) => isRegulatorVerification(directory, ids.map(person));
    expect(of('p-so-1')).toBe(false);
    expect(of('p-so-1', 'p-principal')).toBe(false);
    expect(of('p-so-1', 'p-enf-1')).toBe(true);
    expect(of('p-terr-1')).toBe(true);
    expect(of('p-fire-adv')).toBe(true);
    expect(of('p-cmo-district')).toBe(false);
    expect(of()).toBe(false);
  });
});
