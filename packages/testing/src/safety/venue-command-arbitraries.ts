import type { InMemoryDirectory, SafetyActor, VenueCommand } from '@safeledger/core';
import fc from 'fast-check';
import { actorFor } from './sample-directory.js';

/** Options of `venueCommandArbitrary`. */
export interface VenueCommandArbitraryOptions {
  /** The sample directory (or one with the same ids): `p-grid-1`, `org-territorial`, `p-fire-adv`, … */
  readonly directory: InMemoryDirectory;
  /** The recording time (ISO instant) that generated business times lie around. */
  readonly now: string;
  /** The venue the commands address; `venue-1` (the sample operator's venue) by default. */
  readonly venueId?: string;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Venue commands (§4.6) of every type, valid and invalid alike: actors come from a pool of
 * people who may act on an `area-park` venue and people who may not (an officer of a bureau
 * covering another area, a grid patroller claiming a role they lack, an unknown person); marked
 * parties include the right kind, the wrong kind, unknown ids and missing ids; areas include one
 * the registrars do not cover and one that does not exist; business times are mostly omitted,
 * sometimes back-dated by hours to weeks (possibly before registration) and sometimes in the
 * future. A random sequence therefore reaches every rule, and a model decides which commands are
 * accepted.
 */
export function venueCommandArbitrary(
  options: VenueCommandArbitraryOptions,
): fc.Arbitrary<VenueCommand> {
  const { directory, now } = options;
  const venueId = options.venueId ?? 'venue-1';
  const actor = (personId: string, role?: SafetyActor['role']) =>
    actorFor(directory, personId, role);
  const outOfScope: SafetyActor[] = [
    { personId: 'p-grid-1', role: 'TerritorialOfficer', orgId: 'org-territorial' },
    { personId: 'p-ghost', role: 'GridPatroller', orgId: 'org-territorial' },
    actor('p-far-enf-1'),
  ];
  const anyActor = fc.constantFrom(
    actor('p-grid-1'),
    actor('p-terr-1'),
    actor('p-terr-head'),
    actor('p-ind-1'),
    actor('p-spec-1'),
    actor('p-fire-adv'),
    actor('p-cmo-district'),
    actor('p-cmo-city'),
    actor('p-venue-op'),
    actor('p-enf-1'),
    ...outOfScope,
  );
  const registrar = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(actor('p-grid-1'), actor('p-terr-1')) },
    { weight: 1, arbitrary: anyActor },
  );
  const marker = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        actor('p-cmo-district'),
        actor('p-cmo-city'),
        actor('p-terr-1'),
        actor('p-ind-1'),
        actor('p-spec-1'),
      ),
    },
    { weight: 1, arbitrary: anyActor },
  );
  const patroller = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        actor('p-grid-1'),
        actor('p-fire-adv'),
        actor('p-terr-1'),
        actor('p-ind-1'),
        actor('p-spec-1'),
        actor('p-enf-1'),
      ),
    },
    { weight: 1, arbitrary: anyActor },
  );
  const nowMs = Date.parse(now);
  const occurredAt = fc.oneof(
    { weight: 6, arbitrary: fc.constant(undefined) },
    {
      weight: 3,
      arbitrary: fc
        .integer({ min: 0, max: 40 * DAY_MS })
        .map((back) => new Date(nowMs - back).toISOString()),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: HOUR_MS, max: 10 * DAY_MS })
        .map((ahead) => new Date(nowMs + ahead).toISOString()),
    },
  );
  const category = fc.constantFrom(
    'small_restaurant',
    'small_restaurant',
    'crowded_place',
    'small_shop',
    'mixed_use',
  );
  const riskColor = fc.constantFrom('blue', 'yellow', 'orange', 'red');
  const operator = fc.constantFrom(
    { name: 'Mr Wang', personId: 'p-venue-op' },
    { name: 'Mr Wang', personId: 'p-venue-op' },
    { name: 'Ms Li' },
  );
  const withTime = <C extends object>(command: C, at: string | undefined) =>
    at === undefined ? command : { ...command, occurredAt: at };

  const register = fc
    .record({
      actor: registrar,
      category,
      riskColor,
      operator,
      areaId: fc.constantFrom('area-park', 'area-park', 'area-park', 'area-town', 'area-nowhere'),
      uscc: fc.option(fc.constant('91320000MA1XXXXXX1'), { nil: undefined }),
      at: occurredAt,
    })
    .map(({ at, uscc, ...rest }) =>
      withTime(
        {
          type: 'RegisterVenue' as const,
          venueId,
          name: 'Noodle shop',
          address: '1 Park Road',
          ...rest,
          ...(uscc === undefined ? {} : { uscc }),
        },
        at,
      ),
    );
  const update = fc
    .record({
      actor: registrar,
      category: fc.option(category, { nil: undefined }),
      riskColor: fc.option(riskColor, { nil: undefined }),
      name: fc.option(fc.constant('Noodle house'), { nil: undefined }),
      at: occurredAt,
    })
    .map(({ at, ...rest }) =>
      withTime(
        {
          type: 'UpdateVenueProfile' as const,
          ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
          actor: rest.actor,
        },
        at,
      ),
    );
  // Right kind first (most often), then the wrong kind, an unknown id and a missing id.
  const party = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        { role: 'territorial' as const, orgId: 'org-territorial' },
        { role: 'industry' as const, orgId: 'org-industry' },
        { role: 'special' as const, orgId: 'org-fire' },
        { role: 'fire_advisor' as const, personId: 'p-fire-adv' },
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { role: 'territorial' as const, orgId: 'org-industry' },
        { role: 'industry' as const, orgId: 'org-fire' },
        { role: 'special' as const, orgId: 'org-ghost' },
        { role: 'special' as const, orgId: 'org-safety-far' },
        { role: 'fire_advisor' as const, personId: 'p-spec-1' },
        { role: 'fire_advisor' as const, orgId: 'org-fire' },
      ),
    },
  );
  const mark = fc
    .record({ actor: marker, party, at: occurredAt })
    .map(({ at, actor: a, party: p }) =>
      withTime({ type: 'MarkResponsibleParty' as const, actor: a, ...p }, at),
    );
  const unmark = fc
    .record({ actor: marker, party, at: occurredAt })
    .map(({ at, actor: a, party: p }) =>
      withTime(
        { type: 'UnmarkResponsibleParty' as const, actor: a, ...p, reason: 'changed duty' },
        at,
      ),
    );
  const patrol = fc
    .record({
      actor: patroller,
      mode: fc.option(fc.constantFrom('onsite' as const, 'online' as const), { nil: undefined }),
      kind: fc.option(fc.constantFrom('routine' as const, 'spot_check' as const), {
        nil: undefined,
      }),
      hazardsFound: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      at: occurredAt,
    })
    .map(({ at, ...rest }) =>
      withTime(
        {
          type: 'RecordPatrol' as const,
          result: 'fire exits clear',
          ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
          actor: rest.actor,
        },
        at,
      ),
    );
  const selfCheck = fc
    .record({
      actor: fc.oneof(
        { weight: 4, arbitrary: fc.constant(actor('p-venue-op')) },
        { weight: 1, arbitrary: anyActor },
      ),
      issuesFound: fc.integer({ min: 0, max: 2 }),
      at: occurredAt,
    })
    .map(({ at, ...rest }) =>
      withTime(
        { type: 'RecordSelfCheck' as const, checklist: 'monthly fire checklist', ...rest },
        at,
      ),
    );
  const deregister = fc
    .record({
      actor: fc.oneof(
        { weight: 2, arbitrary: fc.constant(actor('p-terr-1')) },
        { weight: 1, arbitrary: anyActor },
      ),
      at: occurredAt,
    })
    .map(({ at, actor: a }) =>
      withTime({ type: 'DeregisterVenue' as const, actor: a, reason: 'closed down' }, at),
    );
  return fc.oneof(
    { weight: 2, arbitrary: register },
    { weight: 2, arbitrary: update },
    { weight: 5, arbitrary: mark },
    { weight: 3, arbitrary: unmark },
    { weight: 5, arbitrary: patrol },
    { weight: 4, arbitrary: selfCheck },
    { weight: 1, arbitrary: deregister },
  ) as fc.Arbitrary<VenueCommand>;
}
