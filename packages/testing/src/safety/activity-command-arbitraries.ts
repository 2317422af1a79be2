import type { ActivityCommand, InMemoryDirectory, SafetyActor } from '@safeledger/core';
import fc from 'fast-check';
import { actorFor } from './sample-directory.js';

/** Options of `activityCommandArbitrary`. */
export interface ActivityCommandArbitraryOptions {
  /** The sample directory (or one with the same ids): `org-safety`, `ent-chem`, `ent-far`, … */
  readonly directory: InMemoryDirectory;
  /** The local date "today" that generated activity dates lie around (`YYYY-MM-DD`). */
  readonly today: string;
}

const DAY_MS = 86_400_000;
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Activity commands on `act-a-1`, valid and invalid alike: organisers, actors, dates (some after
 * `today`), counts (some negative), participants (some unknown) and plan references (some on
 * activities that are no drills) come from small pools, so a random sequence exercises A-0…A-2
 * and G-5 and a model decides which are accepted.
 */
export function activityCommandArbitrary(
  options: ActivityCommandArbitraryOptions,
): fc.Arbitrary<ActivityCommand> {
  const { directory, today } = options;
  const actor = (personId: string, role?: SafetyActor['role']) =>
    actorFor(directory, personId, role);
  const actors = fc.constantFrom(
    actor('p-enf-1'),
    actor('p-enf-1'),
    actor('p-terr-1'),
    actor('p-principal'),
    actor('p-so-1'),
    actor('p-far-principal'),
  );
  const kind = fc.constantFrom(
    'training' as const,
    'drill' as const,
    'drill' as const,
    'expert_lecture' as const,
    'materials_distribution' as const,
  );
  const count = fc.integer({ min: -2, max: 200 });
  const date = fc.integer({ min: -400, max: 2 }).map((days) => shift(today, days));
  const enterpriseIds = fc.subarray(['ent-chem', 'ent-chem', 'ent-far', 'ent-ghost']);
  const planKind = fc.constantFrom(
    'comprehensive' as const,
    'special' as const,
    'on_site' as const,
  );
  const record = fc
    .record({
      actor: actors,
      organizer: fc.constantFrom<'org' | 'enterprise'>('org', 'enterprise'),
      kind,
      date,
      participantCount: count,
      enterpriseIds,
      manuals: count,
      posters: count,
      planId: fc.option(fc.constant('plan-1'), { nil: undefined }),
      planKind: fc.option(planKind, { nil: undefined }),
      approximate: fc.boolean(),
    })
    .map(
      (r): ActivityCommand => ({
        type: 'RecordActivity',
        actor: r.actor,
        activityId: 'a-1',
        topic: 'Work safety month',
        ...(r.organizer === 'org'
          ? { organizerOrgId: 'org-safety' }
          : { organizerEnterpriseId: 'ent-chem' }),
        kind: r.kind,
        date: r.date,
        participantCount: r.participantCount,
        enterpriseIds: r.enterpriseIds,
        materials: { manuals: r.manuals, posters: r.posters },
        ...(r.planId === undefined ? {} : { planId: r.planId }),
        ...(r.planKind === undefined ? {} : { planKind: r.planKind }),
        approximate: r.approximate,
      }),
    );
  const correct = fc
    .record(
      {
        actor: actors,
        kind,
        date,
        participantCount: count,
        enterpriseIds,
        planId: fc.constantFrom<string | null>(null, 'plan-1'),
        planKind: fc.option(planKind, { nil: null }),
      },
      { requiredKeys: ['actor'] },
    )
    .map((r): ActivityCommand => ({ type: 'CorrectActivity', reason: 'recount', ...r }));
  return fc.oneof(record, correct, correct);
}
