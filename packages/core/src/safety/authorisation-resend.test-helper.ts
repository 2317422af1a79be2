import fc from 'fast-check';
import { expect } from 'vitest';
import type { Decider } from '../eventsourcing/decider.js';
import { isSafeledgerError } from '../eventsourcing/errors.js';
import type { SafetyActor } from './roles/actor.js';
import type { Role } from './roles/role.js';

/*
 * The loop every authorisation property (G-5) shares: random command sequences of one aggregate
 * advance its state while time moves on, and at every step the command is re-sent by every
 * genuine actor of the directory. Whoever the decider accepts must be allowed by the test's own
 * table (written from the spec) and stand inside the subject's scope. Only the checks differ per
 * aggregate, so they come in as functions; this file is test support, not library code.
 */

const DAY = 86_400_000;

/** A command as every aggregate shapes it: a literal type and the actor who sends it. */
export interface SentCommand {
  readonly type: string;
  readonly actor: SafetyActor;
}

/** What one aggregate's property plugs into the shared loop. */
export interface ResendProperty<State, Command extends SentCommand> {
  readonly decider: Decider<State, Command, any, any>;
  /** Every genuine (person, role) pair of the directory the decider reads. */
  readonly actors: readonly SafetyActor[];
  /** The stream the command goes to, from the state and the command. */
  readonly streamId: (state: State, command: Command) => string;
  /** The next command to try, drawn for the state and the clock reading. */
  readonly next: (state: State, now: Date) => fc.Arbitrary<Command>;
  /** The first clock reading of every run. */
  readonly start: string;
  /** At most this many whole days pass between two steps (0 keeps the clock still). */
  readonly maxDaysPerStep: number;
  /** At most this many commands per run. */
  readonly maxSteps: number;
  /** The spec's table (and its documented readings): may this actor send this command at all? */
  readonly allowed: (command: Command, actor: SafetyActor, state: State) => boolean;
  /** Scope: is the actor's district, organisation or enterprise one that may act on the subject? */
  readonly inScope: (command: Command, actor: SafetyActor, state: State) => boolean;
  readonly numRuns: number;
  /**
   * The command types the run must see accepted from someone: a seed that reaches too few of
   * them gets another batch of runs (at most six more) before the coverage assertion fails.
   */
  readonly types: readonly string[];
  /**
   * Roles each command type must be seen accepted from, so a property shows that more than one
   * side got through; like `types`, a seed that misses one gets another batch, and the run
   * fails if the last batch still misses one.
   */
  readonly roles?: Readonly<Record<string, readonly Role[]>>;
}

/** What a run saw, for the coverage assertions each property makes. */
export interface ResendSummary {
  /** Command type → the roles it was accepted from, re-sent or original. */
  readonly accepted: ReadonlyMap<string, ReadonlySet<Role>>;
  /** How many (command, actor) pairs were decided. */
  readonly checked: number;
}

/**
 * Runs the property; fails (through `expect`) on the first accepted command whose actor the
 * table or the scope excludes, naming the command, the actor and which check failed.
 */
export async function checkResentCommands<State, Command extends SentCommand>(
  property: ResendProperty<State, Command>,
): Promise<ResendSummary> {
  const { decider } = property;
  const accepted = new Map<string, Set<Role>>();
  let checked = 0;

  /** The events the decider answers, or undefined when it refuses (any rule, any reason). */
  const attempt = async (command: Command, state: State, now: Date, streamId: string) => {
    const base = { now, streamId, version: (state as { version?: number }).version ?? 0 };
    try {
      const facts =
        decider.prepare === undefined ? undefined : await decider.prepare(command, state, base);
      const events = decider.decide(command, state, { ...base, facts });
      return Array.isArray(events) ? events : [events];
    } catch (error) {
      if (!isSafeledgerError(error)) throw error;
      return undefined;
    }
  };

  const batch = () =>
    fc.assert(
      fc.asyncProperty(
        fc.gen(),
        fc.integer({ min: 1, max: property.maxSteps }),
        async (g, length) => {
          let state = decider.initialState();
          let now = Date.parse(property.start);
          for (let step = 0; step < length; step += 1) {
            now += g(fc.integer, { min: 0, max: property.maxDaysPerStep }) * DAY;
            const command = g(property.next, state, new Date(now));
            const streamId = property.streamId(state, command);
            let fallback: readonly unknown[] | undefined;
            for (const actor of property.actors) {
              const resent = { ...command, actor } as Command;
              const events = await attempt(resent, state, new Date(now), streamId);
              checked += 1;
              if (events === undefined) continue;
              fallback ??= events;
              const roles = accepted.get(command.type) ?? new Set<Role>();
              roles.add(actor.role);
              accepted.set(command.type, roles);
              const who = `${command.type} accepted from ${actor.personId} as ${actor.role}`;
              expect(
                property.allowed(resent, actor, state),
                `${who}, a role the table does not name`,
              ).toBe(true);
              expect(property.inScope(resent, actor, state), `${who}, outside the scope`).toBe(
                true,
              );
            }
            // The run goes on with the command as its own actor sent it if that was accepted, else
            // as the first actor it was accepted from, so runs get deep into the lifecycle.
            const events = (await attempt(command, state, new Date(now), streamId)) ?? fallback;
            for (const event of events ?? []) state = decider.evolve(state, event as never);
          }
        },
      ),
      // No shrinking: a run drawn with fc.gen shrinks slowly, and the message already names the
      // command and the actor that got through.
      { numRuns: property.numRuns, endOnFailure: true },
    );
  const missing = () =>
    property.types.some((type) => !accepted.has(type)) ||
    Object.entries(property.roles ?? {}).some(([type, roles]) =>
      roles.some((role) => !accepted.get(type)?.has(role)),
    );
  await batch();
  for (let extra = 0; extra < 6 && missing(); extra += 1) await batch();
  const summary = { accepted, checked };
  if (property.roles !== undefined) expectRolesAccepted(summary, property.roles);
  return summary;
}

/** The role coverage a property asked for (`roles`): each type was accepted from each role. */
function expectRolesAccepted(
  summary: ResendSummary,
  roles: Readonly<Record<string, readonly Role[]>>,
): void {
  for (const [type, wanted] of Object.entries(roles)) {
    expect([...(summary.accepted.get(type) ?? [])], type).toEqual(
      expect.arrayContaining([...wanted]),
    );
  }
}

/**
 * The coverage assertion that keeps a property from passing vacuously: every command type but
 * the named unreachable ones was accepted at least once, from some actor.
 */
export function expectEveryTypeAccepted(
  summary: ResendSummary,
  types: readonly string[],
  unreachable: readonly string[] = [],
): void {
  const missing = types.filter(
    (type) => !unreachable.includes(type) && !summary.accepted.has(type),
  );
  expect(missing, 'command types never accepted from anyone').toEqual([]);
}

/**
 * The sample safety directory's organisations as the properties read them, copied from its
 * description rather than looked up through the library's scope functions: kind and areas.
 */
export const sampleOrganisations: Readonly<
  Record<string, { readonly kind: string; readonly areas: readonly string[] | 'all' }>
> = {
  'org-safety': { kind: 'safety', areas: ['area-park', 'area-town'] },
  'org-industry': { kind: 'industry', areas: ['area-park', 'area-town'] },
  'org-territorial': { kind: 'territorial', areas: ['area-park'] },
  'org-fire': { kind: 'special', areas: ['area-park', 'area-town'] },
  'org-committee-district': { kind: 'committee_office', areas: ['area-park', 'area-town'] },
  'org-committee-city': { kind: 'committee_office', areas: 'all' },
  'org-safety-far': { kind: 'safety', areas: ['area-far'] },
};

/** True when the actor's organisation (in the sample directory) covers the area. */
export function sampleOrgCovers(actor: SafetyActor, areaId: string): boolean {
  const org = sampleOrganisations[actor.orgId ?? ''];
  return org !== undefined && (org.areas === 'all' || org.areas.includes(areaId));
}

/**
 * §2's officer roles of a regulator organisation, its head counted among them: whom the tables
 * mean by "officer", "inspector" or "officer of the authority".
 */
export const regulatorOfficers: readonly Role[] = [
  'TerritorialOfficer',
  'IndustryOfficer',
  'SpecialOfficer',
  'EnforcementOfficer',
  'AuthorityHead',
];

/** The people of a government department or area body: every government-side role of §2. */
export const governmentSide: readonly Role[] = [
  ...regulatorOfficers,
  'LegalReviewer',
  'SafetyCommitteeOffice',
  'GridPatroller',
  'FireAdvisor',
];

/** The calendar date the clock reads in China Standard Time (UTC+8), for drawn commands. */
export const localDate = (now: Date) =>
  new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
