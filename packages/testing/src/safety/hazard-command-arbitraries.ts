import {
  activeListings,
  addDays,
  createHazardDecider,
  createSupervisionPolicy,
  type HazardCommand,
  type HazardState,
  hazardStreamId,
  type InMemoryDirectory,
  isActorInScope,
  isRegisteredHazard,
  isRegulatorOfficerRole,
  localDateOf,
  type RegisteredHazard,
  type RegisterHazard,
  type Role,
  type SafetyActor,
  type SubjectRef,
  type SupervisionPolicy,
  verifierSide,
  verifierStanding,
} from '@safeledger/core';
import fc from 'fast-check';
import { actorsOf } from './sample-directory.js';

/** Options of the hazard command arbitraries. */
export interface HazardCommandArbitraryOptions {
  /** The people and subjects commands are drawn from. */
  readonly directory: InMemoryDirectory;
  /** The hazard's current state; commands are drawn for it. */
  readonly state: HazardState;
  /**
   * The recording time the commands will be decided at; business times are at or before it.
   * With `fc.gen`, wrap the arbitrary in a function taking the instant as a number: `fc.gen`
   * caches arbitraries by deep-equal arguments, and its equality sees every two Dates as equal.
   */
  readonly now: Date;
  readonly policy?: SupervisionPolicy;
  /** Id used for `RegisterHazard` on an unregistered stream; default `h-1`. */
  readonly hazardId?: string;
}

const texts = [
  'Blocked emergency exit',
  'Missing gas detector',
  'Unguarded press',
  'Expired training records',
];
const campaigns = ['ROOT', 'MAJOR24', 'MTS', 'ENF'];
const hourMs = 3_600_000;

/** A candidate command arbitrary with its weight for `fc.oneof`. */
export interface WeightedHazardCommand {
  readonly arbitrary: fc.Arbitrary<HazardCommand>;
  readonly weight: number;
}
type Weighted = WeightedHazardCommand;

function toActor(
  person: { id: string; orgId?: string | undefined; enterpriseId?: string | undefined },
  role: Role,
): SafetyActor {
  return {
    personId: person.id,
    role,
    ...(person.orgId === undefined ? {} : { orgId: person.orgId }),
    ...(person.enterpriseId === undefined ? {} : { enterpriseId: person.enterpriseId }),
  };
}

function actorsWhere(
  directory: InMemoryDirectory,
  keep: (actor: SafetyActor) => boolean,
): SafetyActor[] {
  return actorsOf(directory).filter(keep);
}

function businessTime(now: Date, earliest: string | undefined): fc.Arbitrary<string | undefined> {
  const floor =
    earliest === undefined
      ? now.getTime() - 72 * hourMs
      : Math.max(Date.parse(earliest), now.getTime() - 72 * hourMs);
  if (floor >= now.getTime()) return fc.constant(undefined);
  return fc.option(
    fc.integer({ min: floor, max: now.getTime() }).map((ms) => new Date(ms).toISOString()),
    { freq: 3, nil: undefined },
  );
}

function withTime<C extends HazardCommand>(command: C, occurredAt: string | undefined): C {
  return occurredAt === undefined ? command : { ...command, occurredAt };
}

/**
 * `RegisterHazard` commands for subjects of the directory, by registrants in scope with a source
 * their role may claim; general or major (with a basis), with a deadline or fixed on the spot.
 * Every one is accepted by a hazard decider over the same directory on an empty stream.
 *
 * @throws RangeError when the directory has no registrant for any subject.
 */
export function registerHazardArbitrary(
  options: Omit<HazardCommandArbitraryOptions, 'state'>,
): fc.Arbitrary<RegisterHazard> {
  const { directory, now } = options;
  const policy = options.policy ?? createSupervisionPolicy();
  const hazardId = options.hazardId ?? 'h-1';
  const setups = registrationSetups(directory);
  if (setups.length === 0)
    throw new RangeError('the directory has no registrant in scope of any subject');
  const today = localDateOf(now, policy.timezone);
  return fc
    .record({
      setup: fc.constantFrom(...setups),
      description: fc.constantFrom(...texts),
      nature: fc.constantFrom('unsafe_condition', 'unsafe_act', 'management_deficiency'),
      major: fc.integer({ min: 0, max: 9 }).map((n) => n < 3),
      days: fc.integer({ min: 0, max: 90 }),
      onSpot: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
      safetyNotAssured: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
      campaignIds: fc.subarray(campaigns),
      occurredAt: businessTime(now, undefined),
    })
    .chain((draw) => fc.constantFrom(...draw.setup.sources).map((source) => ({ ...draw, source })))
    .map((draw) => {
      const { setup } = draw;
      const registeredOn =
        draw.occurredAt === undefined ? today : localDateOf(draw.occurredAt, policy.timezone);
      const command: RegisterHazard = {
        type: 'RegisterHazard',
        actor: setup.actor,
        hazardId,
        subject: setup.subject,
        ...(setup.responsibleEnterpriseId === undefined
          ? {}
          : { responsibleEnterpriseId: setup.responsibleEnterpriseId }),
        description: draw.description,
        location: 'Workshop 2',
        nature: draw.nature,
        grade: draw.major ? 'major' : 'general',
        ...(draw.major ? { majorBasis: { standardId: 'MEM-2023-10', clause: '3(1)' } } : {}),
        source: draw.source,
        campaignIds: draw.campaignIds,
        // H-16: a hazard whose safety is not assured is never fixed on the spot.
        safetyNotAssured: draw.safetyNotAssured && !(draw.onSpot && !draw.major),
        ...(draw.onSpot && !draw.major
          ? { rectifiedOnSpot: { actionsTaken: 'cleared on the spot', evidenceRefs: ['photo-1'] } }
          : { deadline: addDays(registeredOn, draw.days) }),
      };
      return withTime(command, draw.occurredAt);
    });
}

interface RegistrationSetup {
  readonly actor: SafetyActor;
  readonly subject: SubjectRef;
  readonly responsibleEnterpriseId?: string;
  readonly sources: readonly RegisterHazard['source'][];
}

function registrationSetups(directory: InMemoryDirectory): RegistrationSetup[] {
  const setups: RegistrationSetup[] = [];
  const regulatorSourcesFor = (role: Role): RegisterHazard['source'][] => [
    'regulator_inspection',
    'spot_check',
    'service_visit',
    'handover',
    ...(role === 'EnforcementOfficer' || role === 'AuthorityHead'
      ? (['enforcement_inspection'] as const)
      : []),
  ];
  for (const actor of actorsOf(directory)) {
    for (const enterprise of directory.enterprises()) {
      const subject: SubjectRef = { kind: 'enterprise', id: enterprise.id };
      if (!isActorInScope(directory, actor, subject)) continue;
      if (actor.enterpriseId === enterprise.id)
        setups.push({ actor, subject, sources: ['self_inspection', 'other'] });
      else if (isRegulatorOfficerRole(actor.role))
        setups.push({ actor, subject, sources: regulatorSourcesFor(actor.role) });
    }
    for (const venue of directory.venues()) {
      const subject: SubjectRef = { kind: 'venue', id: venue.id };
      if (!isActorInScope(directory, actor, subject)) continue;
      if (actor.role === 'VenueOperator')
        setups.push({ actor, subject, sources: ['self_inspection'] });
      else if (actor.role === 'GridPatroller' || actor.role === 'FireAdvisor')
        setups.push({ actor, subject, sources: ['patrol'] });
      else if (isRegulatorOfficerRole(actor.role))
        setups.push({ actor, subject, sources: regulatorSourcesFor(actor.role) });
    }
    for (const site of directory.sites()) {
      const subject: SubjectRef = { kind: 'site', id: site.id };
      if (!isActorInScope(directory, actor, subject)) continue;
      const landlordStaff =
        actor.enterpriseId === site.landlordEnterpriseId &&
        (actor.role === 'SafetyOfficer' || actor.role === 'Principal');
      for (const tenant of site.tenantEnterpriseIds) {
        if (landlordStaff)
          setups.push({
            actor,
            subject,
            responsibleEnterpriseId: tenant,
            sources: ['landlord_check'],
          });
      }
      if (isRegulatorOfficerRole(actor.role)) {
        setups.push({
          actor,
          subject,
          responsibleEnterpriseId: site.landlordEnterpriseId,
          sources: regulatorSourcesFor(actor.role),
        });
      }
    }
  }
  return setups;
}

/**
 * Commands a user would plausibly send next for a hazard in `state`: the right kind of actor
 * for each step of the closed loop (report, disclosure, plan, listing, suspension, completion,
 * assessment, verification, delisting, resumption, closure, …) with plausible payloads. Most are
 * accepted; use `validHazardCommandArbitrary` for a guarantee. Empty for a terminal hazard.
 */
export function hazardCommandCandidates(options: HazardCommandArbitraryOptions): Weighted[] {
  const { state } = options;
  if (!isRegisteredHazard(state))
    return [{ arbitrary: registerHazardArbitrary(options), weight: 1 }];
  if (state.status === 'closed' || state.status === 'voided') return [];
  return liveCandidates(options, state);
}

function liveCandidates(
  options: HazardCommandArbitraryOptions,
  state: RegisteredHazard,
): Weighted[] {
  const { directory, now } = options;
  const policy = options.policy ?? createSupervisionPolicy();
  const out: Weighted[] = [];
  const at = businessTime(now, state.registeredAt);
  const add = (
    weight: number,
    actors: readonly SafetyActor[],
    build: (actor: SafetyActor) => fc.Arbitrary<HazardCommand>,
  ) => {
    if (actors.length === 0) return;
    out.push({
      weight,
      arbitrary: fc
        .tuple(fc.constantFrom(...actors), at)
        .chain(([actor, occurredAt]) =>
          build(actor).map((command) => withTime(command, occurredAt)),
        ),
    });
  };
  const subject = state.subject;
  const answerable =
    state.responsible.kind === 'enterprise'
      ? state.responsible.id
      : directory.venue(state.responsible.id)?.enterpriseId;
  const principals = actorsWhere(
    directory,
    (a) =>
      (a.role === 'Principal' && a.enterpriseId === answerable) ||
      (a.role === 'VenueOperator' &&
        state.responsible.kind === 'venue' &&
        isActorInScope(directory, a, subject)),
  );
  const managers = [
    ...principals,
    ...actorsWhere(directory, (a) => a.role === 'SafetyOfficer' && a.enterpriseId === answerable),
  ];
  const officersOf = (orgId: string) =>
    actorsWhere(directory, (a) => a.orgId === orgId && isRegulatorOfficerRole(a.role));
  const headsOf = (orgId: string) =>
    actorsWhere(directory, (a) => a.orgId === orgId && a.role === 'AuthorityHead');
  const regulatorsInScope = actorsWhere(
    directory,
    (a) => isRegulatorOfficerRole(a.role) && isActorInScope(directory, a, subject),
  );
  const live = state.status === 'open' || state.status === 'awaiting_verification';
  const major = state.grade === 'major';

  add(1, [state.discoveredBy], (actor) =>
    fc.constantFrom(' (corrected)', ' (location clarified)').map((suffix) => ({
      type: 'CorrectHazardDetails' as const,
      actor,
      description: `${state.description}${suffix}`,
    })),
  );
  if (!major && live) {
    add(2, [...principals, ...regulatorsInScope], (actor) =>
      fc.constant({
        type: 'RegradeHazard',
        actor,
        to: 'major',
        basis: { standardId: 'MEM-2023-10', clause: '3(2)' },
        reason: 'meets the major standard',
      }),
    );
  }
  if (major) {
    add(
      1,
      regulatorsInScope.filter((a) => a.role === 'AuthorityHead'),
      (actor) => fc.constant({ type: 'RegradeHazard', actor, to: 'general', reason: 'reassessed' }),
    );
  }
  const owner = state.deadlineOwner;
  add(1, owner.kind === 'regulator' ? headsOf(owner.orgId) : principals, (actor) =>
    fc.integer({ min: 1, max: 30 }).map((days) => ({
      type: 'ExtendRectificationDeadline' as const,
      actor,
      newDeadline: addDays(state.deadline, days),
      reason: 'parts on order',
    })),
  );
  if (major) {
    add(3, principals, (actor) =>
      fc.constant({
        type: 'ReportMajorHazard',
        actor,
        recipientOrgIds: [state.supervisingOrgId],
        statusAndCause: 'corroded pipework',
        severityAndDifficulty: 'high; needs a shutdown',
        planSummary: 'replace the line',
      }),
    );
    add(3, managers, (actor) =>
      fc
        .constantFrom('workers_congress', 'notice_board')
        .map((forum) => ({ type: 'DiscloseMajorHazardToWorkforce' as const, actor, forum })),
    );
  }
  add(major ? 3 : 1, major ? principals : managers, (actor) =>
    fc.integer({ min: 0, max: 5 }).map((earlier) => ({
      type: 'SubmitRectificationPlan' as const,
      actor,
      objectives: 'eliminate the hazard',
      measures: ['replace the part', 'retrain staff'],
      funding: { amountCny: 20_000, source: 'safety budget' },
      responsiblePersonId: managers[0]?.personId ?? actor.personId,
      deadline: addDays(state.deadline, -earlier),
      safetyMeasures: 'cordon and monitor',
      contingencyPlanRef: 'EP-7',
    })),
  );
  if (major && live) {
    const listedLevels = new Set(activeListings(state).map((listing) => listing.level));
    const authorities = actorsWhere(directory, (a) => {
      const org = a.orgId === undefined ? undefined : directory.organization(a.orgId);
      return (
        a.role === 'SafetyCommitteeOffice' &&
        org !== undefined &&
        !listedLevels.has(org.level) &&
        isActorInScope(directory, a, subject)
      );
    });
    add(2, authorities, (actor) => {
      const org = directory.organization(actor.orgId!)!;
      return fc.boolean().map((publicized) => ({
        type: 'ListForSupervision' as const,
        actor,
        level: org.level,
        authorityOrgId: org.id,
        listingRef: `L-${org.level}`,
        publicized,
      }));
    });
  }
  if (live) {
    const heads = headsOf(state.supervisingOrgId);
    add(1, officersOf(state.supervisingOrgId), (actor) =>
      fc.constantFrom('whole', 'partial').map((scope) => ({
        type: 'SuspendOperations' as const,
        actor,
        scope,
        ...(heads[0] === undefined ? {} : { approvedBy: heads[0].personId }),
        orderRef: 'ORDER-1',
      })),
    );
    add(1, principals, (actor) =>
      fc.constant({ type: 'SuspendOperations', actor, scope: 'partial' }),
    );
    add(1, managers, (actor) =>
      fc.subarray(['cordoned', 'signage', 'monitoring'] as const).map((more) => ({
        type: 'RecordInterimControls' as const,
        actor,
        measures: ['evacuated' as const, ...more],
      })),
    );
  }
  if (state.status === 'open') {
    add(4, managers, (actor) =>
      fc.integer({ min: 1, max: 2 }).map((n) => ({
        type: 'CompleteRectification' as const,
        actor,
        actionsTaken: 'replaced the guard',
        evidenceRefs: Array.from({ length: n }, (_, i) => `photo-${i + 1}`),
      })),
    );
  }
  if (state.status === 'awaiting_verification') {
    if (major) {
      add(2, principals, (actor) =>
        fc.integer({ min: 0, max: 9 }).map((n) => ({
          type: 'RecordRectificationAssessment' as const,
          actor,
          assessorKind: 'qualified_agency' as const,
          agencyName: 'Provincial safety institute',
          reportRef: 'AR-1',
          conclusion: n < 8 ? ('meets' as const) : ('does_not_meet' as const),
        })),
      );
    }
    add(2, managers, (actor) =>
      fc.constant({
        type: 'RequestVerification',
        actor,
        purpose: state.suspension?.active === true ? 'resumption' : 'closure',
      }),
    );
    out.push(...verificationCandidates(options, state, policy, at));
  }
  const suspension = state.suspension;
  if (suspension?.active === true) {
    add(
      3,
      suspension.orderedBy.kind === 'regulator' ? headsOf(suspension.orderedBy.orgId) : principals,
      (actor) => fc.constant({ type: 'ApproveResumption', actor, decisionRef: 'RES-1' }),
    );
  }
  for (const listing of activeListings(state)) {
    add(
      3,
      actorsWhere(
        directory,
        (a) =>
          a.orgId === listing.authorityOrgId &&
          (a.role === 'SafetyCommitteeOffice' || a.role === 'AuthorityHead'),
      ),
      (actor) =>
        fc.constant({
          type: 'DelistHazard',
          actor,
          level: listing.level,
          ref: `D-${listing.level}`,
        }),
    );
  }
  add(1, verifierActors(directory, state), (actor) => fc.constant({ type: 'CloseHazard', actor }));
  add(
    1,
    [
      ...principals,
      ...headsOf(state.supervisingOrgId),
      ...(state.discoveredBy.orgId === undefined ? [] : headsOf(state.discoveredBy.orgId)),
    ],
    (actor) => fc.constant({ type: 'VoidHazard', actor, reason: 'registered twice' }),
  );
  if (state.status === 'open') {
    const targets = directory
      .organizations()
      .filter(
        (org) =>
          org.id !== state.supervisingOrgId &&
          ['safety', 'industry', 'special', 'territorial'].includes(org.kind),
      );
    if (targets.length > 0) {
      add(1, officersOf(state.supervisingOrgId), (actor) =>
        fc.constantFrom(...targets).map((org) => ({
          type: 'ReferHazard' as const,
          actor,
          toOrgId: org.id,
          reason: 'belongs to another remit',
        })),
      );
    }
  }
  return out;
}

function verifierActors(directory: InMemoryDirectory, state: RegisteredHazard): SafetyActor[] {
  return directory
    .persons()
    .flatMap((person) =>
      person.roles
        .filter((role) => verifierStanding(directory, state, person, [role]) === 'verifier')
        .map((role) => toActor(person, role)),
    );
}

function verificationCandidates(
  options: HazardCommandArbitraryOptions,
  state: RegisteredHazard,
  policy: SupervisionPolicy,
  at: fc.Arbitrary<string | undefined>,
): Weighted[] {
  const { directory } = options;
  const rectifier = state.lastCompletion?.by.personId;
  const eligible = verifierActors(directory, state).filter(
    (actor) => !policy.verifierMustDifferFromRectifier || actor.personId !== rectifier,
  );
  const byPerson = [...new Map(eligible.map((actor) => [actor.personId, actor])).values()];
  if (byPerson.length === 0) return [];
  const major = verifierSide(state) === 'major';
  const experts = directory
    .persons()
    .filter((person) => person.roles.includes('Expert'))
    .map((person) => person.id);
  const owner = state.deadlineOwner;
  const arbitrary = fc
    .record({
      verifiers: fc.shuffledSubarray(byPerson, {
        minLength: Math.min(byPerson.length, major ? policy.minVerifiersMajor : 1),
        maxLength: byPerson.length,
      }),
      passed: fc.integer({ min: 0, max: 9 }).map((n) => n < 7),
      extend: fc.boolean(),
      days: fc.integer({ min: 1, max: 20 }),
      experts: fc.subarray(experts, { maxLength: 1 }),
      occurredAt: at,
    })
    .filter((draw) => draw.verifiers.length > 0)
    .map((draw): HazardCommand => {
      const actor = draw.verifiers[0]!;
      const ownsDeadline =
        owner.kind === 'regulator'
          ? actor.orgId === owner.orgId
          : actor.enterpriseId === state.responsible.id;
      const command: HazardCommand = {
        type: 'VerifyRectification',
        actor,
        outcome: draw.passed ? 'passed' : 'failed',
        kind: major
          ? 'regulator_review'
          : verifierSide(state) === 'enterprise'
            ? 'internal_check'
            : 'acceptance',
        verifierIds: draw.verifiers.map((verifier) => verifier.personId),
        expertIds: draw.experts,
        notes: draw.passed ? 'effective' : 'not yet effective',
        ...(!draw.passed && draw.extend && ownsDeadline
          ? { newDeadline: addDays(state.deadline, draw.days) }
          : {}),
      };
      return withTime(command, draw.occurredAt);
    });
  return [{ arbitrary, weight: 5 }];
}

/** Runs the decider over one command: the oracle that classifies commands as valid or invalid. */
function accepts(options: HazardCommandArbitraryOptions, command: unknown): boolean {
  const decider = createHazardDecider({
    directory: options.directory,
    ...(options.policy === undefined ? {} : { policy: options.policy }),
  });
  const hazardId = isRegisteredHazard(options.state)
    ? options.state.hazardId
    : (options.hazardId ?? 'h-1');
  try {
    decider.decide(command as HazardCommand, options.state, {
      now: options.now,
      streamId: hazardStreamId(hazardId),
      version: options.state.version,
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Commands the hazard decider accepts in `state` (drawn from `hazardCommandCandidates` and kept
 * only when a decider over the same directory and policy accepts them at `now`).
 *
 * @throws RangeError for a closed or voided hazard: no command is valid there (H-7).
 */
export function validHazardCommandArbitrary(
  options: HazardCommandArbitraryOptions,
): fc.Arbitrary<HazardCommand> {
  const candidates = hazardCommandCandidates(options);
  if (candidates.length === 0)
    throw new RangeError(`no command is valid for a ${options.state.status} hazard`);
  return fc.oneof(...candidates).filter((command) => accepts(options, command));
}

/**
 * Commands the hazard decider rejects in `state`: plausible commands sent by someone out of
 * scope, with a business time in the future (G-4), with a broken shape, or issued in the wrong
 * state; each is checked against the decider, so every one is rejected.
 */
export function invalidHazardCommandArbitrary(
  options: HazardCommandArbitraryOptions,
): fc.Arbitrary<unknown> {
  const { directory, state, now } = options;
  const subject: SubjectRef | undefined = isRegisteredHazard(state) ? state.subject : undefined;
  const outsiders = actorsWhere(
    directory,
    (actor) => subject === undefined || !isActorInScope(directory, actor, subject),
  ).filter((actor) => actor.role !== 'System');
  const base = hazardCommandCandidates(options);
  const pool: fc.Arbitrary<HazardCommand> =
    base.length > 0
      ? fc.oneof(...base)
      : fc.constantFrom<HazardCommand>(
          {
            type: 'CloseHazard',
            actor: isRegisteredHazard(state) ? state.discoveredBy : outsiders[0]!,
          },
          {
            type: 'VoidHazard',
            actor: isRegisteredHazard(state) ? state.registeredBy : outsiders[0]!,
            reason: 'duplicate',
          },
        );
  const future = new Date(now.getTime() + 2 * hourMs).toISOString();
  const broken = fc.oneof(
    outsiders.length === 0
      ? pool
      : fc
          .tuple(pool, fc.constantFrom(...outsiders))
          .map(([command, actor]) => ({ ...command, actor }) as HazardCommand),
    pool.map((command) => ({ ...command, occurredAt: future }) as HazardCommand),
    pool.map((command) => {
      const { actor: _actor, ...withoutActor } = command;
      return withoutActor as unknown;
    }),
    pool.map((command) => ({ ...command, type: `${command.type}Now` }) as unknown),
    registerHazardArbitrary(options).map(
      (command) => ({ ...command, grade: 'major', majorBasis: undefined }) as unknown,
    ),
  );
  return broken.filter((command) => !accepts(options, command));
}

/** Valid and invalid commands for `state`, about three valid to one invalid. */
export function hazardCommandArbitrary(
  options: HazardCommandArbitraryOptions,
): fc.Arbitrary<unknown> {
  const invalid = invalidHazardCommandArbitrary(options);
  if (hazardCommandCandidates(options).length === 0) return invalid;
  return fc.oneof(
    { arbitrary: validHazardCommandArbitrary(options), weight: 3 },
    { arbitrary: invalid, weight: 1 },
  );
}
