import type { InMemoryDirectory, SafetyActor, SiteCommand } from '@safeledger/core';
import fc from 'fast-check';
import { actorFor } from './sample-directory.js';

/** Options of `siteCommandArbitrary`. */
export interface SiteCommandArbitraryOptions {
  /** The sample directory (or one with the same ids): `ent-landlord`, `ent-chem`, `ent-far`, … */
  readonly directory: InMemoryDirectory;
  /** The local date "today" that generated start and end dates lie around (`YYYY-MM-DD`). */
  readonly today: string;
}

const DAY_MS = 86_400_000;
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Multi-tenant site commands on `site-1`, valid and invalid alike: ids, tenants, signatories,
 * dates and counts come from small pools around `today` (the landlord itself, unknown
 * enterprises, unchecked qualifications, reversed periods, fractional counts, actors without
 * the right), so a random sequence exercises every rule and a model decides which are accepted.
 */
export function siteCommandArbitrary(
  options: SiteCommandArbitraryOptions,
): fc.Arbitrary<SiteCommand> {
  const { directory, today } = options;
  const actor = (personId: string, role?: SafetyActor['role']) =>
    actorFor(directory, personId, role);
  const actors = fc.constantFrom(
    actor('p-ll-principal'),
    actor('p-ll-so'),
    actor('p-principal'),
    actor('p-far-principal'),
    actor('p-terr-1'),
    actor('p-enf-1'),
  );
  const landlordSide = fc.constantFrom(
    actor('p-ll-principal'),
    actor('p-ll-so'),
    actor('p-terr-1'),
  );
  const tenancyId = fc.constantFrom('t-1', 't-1', 't-2', 't-3', 't-4');
  const tenant = fc.constantFrom('ent-chem', 'ent-chem', 'ent-far', 'ent-landlord', 'ent-ghost');
  const date = fc.integer({ min: -120, max: 120 }).map((days) => shift(today, days));
  const oftenTrue = fc.constantFrom(true, true, true, true, false);
  const registerSite = fc.record({
    type: fc.constant('RegisterSite' as const),
    actor: fc.constantFrom(actor('p-ll-principal'), actor('p-terr-1'), actor('p-principal')),
    siteId: fc.constant('site-1'),
    landlordEnterpriseId: fc.constantFrom(
      'ent-landlord',
      'ent-landlord',
      'ent-landlord',
      'ent-ghost',
    ),
    name: fc.constant('Landlord plant'),
    address: fc.constant('1 Park Road'),
    areaId: fc.constant('area-park'),
  });
  const registerTenancy = fc
    .record({
      actor: landlordSide,
      tenancyId,
      tenantEnterpriseId: tenant,
      productive: oftenTrue,
      startDate: date,
      length: fc.option(fc.integer({ min: -5, max: 240 }), { nil: undefined }),
      qualificationChecked: oftenTrue,
    })
    .map(({ length, ...rest }) => ({
      type: 'RegisterTenancy' as const,
      ...rest,
      premisesPart: 'Hall 2',
      ...(length === undefined ? {} : { endDate: shift(rest.startDate, length) }),
    }));
  const signAgreement = fc
    .record({
      actor: fc.constantFrom(
        actor('p-ll-principal'),
        actor('p-ll-principal'),
        actor('p-principal'),
        actor('p-far-principal'),
        actor('p-ll-so'),
      ),
      tenancyId,
      landlordSignatoryId: fc.constantFrom(
        'p-ll-principal',
        'p-ll-principal',
        'p-principal',
        undefined,
      ),
      tenantSignatoryId: fc.constantFrom(
        'p-principal',
        'p-principal',
        'p-far-principal',
        'p-so-1',
        undefined,
      ),
      form: fc.constantFrom('standalone' as const, 'lease_clauses' as const),
      covers: fc.subarray([
        'hazard_management',
        'hazard_management',
        'fire_safety',
        'training',
      ] as const),
    })
    .map(({ landlordSignatoryId, tenantSignatoryId, ...rest }) => ({
      type: 'SignSafetyAgreement' as const,
      ...rest,
      covers: [...new Set(rest.covers)],
      ...(landlordSignatoryId === undefined ? {} : { landlordSignatoryId }),
      ...(tenantSignatoryId === undefined ? {} : { tenantSignatoryId }),
    }));
  const check = fc.record({
    type: fc.constant('RecordLandlordCheck' as const),
    actor: fc.oneof(landlordSide, actors),
    tenancyId,
    findingsCount: fc.integer({ min: 0, max: 3 }),
    hazardIds: fc.constant<string[]>([]),
  });
  const devices = fc.record({
    type: fc.constant('RecordDeviceInstallation' as const),
    actor: actors,
    kind: fc.constantFrom('one_key_alarm_broadcaster' as const, 'smoke_detector' as const),
    count: fc.constantFrom(-1, 0, 1, 2, 5, 1.5),
  });
  const endTenancy = fc.record({
    type: fc.constant('EndTenancy' as const),
    actor: fc.oneof(landlordSide, actors),
    tenancyId,
    endDate: date,
  });
  return fc.oneof(
    { arbitrary: registerSite, weight: 1 },
    { arbitrary: registerTenancy, weight: 4 },
    { arbitrary: signAgreement, weight: 3 },
    { arbitrary: check, weight: 4 },
    { arbitrary: devices, weight: 2 },
    { arbitrary: endTenancy, weight: 2 },
  );
}
