import {
  type InspectionCommand,
  type InspectionKind,
  inspectionStreamId,
  type SafetyActor,
} from '@safeledger/core';
import type { Scenario } from '../scenario/schema.js';
import type { World, WorldEnterprise } from '../world/build-world.js';
import type { YearCalendar } from './calendar.js';
import type { PlannedCommand } from './planned-command.js';
import { createRandom, type Random, spread } from './random.js';

/** One service team (服务团): officers of the bureau and experts. */
interface Team {
  readonly officers: readonly SafetyActor[];
  readonly expertIds: readonly string[];
}

/** The inspections of one pool of §7.2: their kind, campaigns and how many visits per unit. */
interface InspectionPool {
  readonly prefix: string;
  readonly kind: InspectionKind;
  readonly campaignIds: readonly string[];
  readonly units: readonly WorldEnterprise[];
  /** Visits per unit, in unit order (at least one each). */
  readonly visits: readonly number[];
  /** The team of each visit, by unit index and visit number. */
  readonly team: (unit: number, visit: number) => Team;
}

/**
 * The year's inspections of §7.2 through the Inspection decider: every enterprise of the
 * umbrella campaign is inspected (enforcement for the ENF pool, special-campaign visits for the
 * multi-tenant pool with its repeat visits, service-guidance visits by the service teams, one
 * routine check per handed-over unit and per other unit). Each inspection is scheduled, started
 * and completed; findings are not recorded here, because the hazards part registers the year's
 * hazards itself. It draws from its own seeded random sequence.
 */
export function inspectionYear(
  scenario: Scenario,
  world: World,
  calendar: YearCalendar,
): PlannedCommand[] {
  const random = createRandom(scenario.seed ^ 0x1e5c);
  const c = scenario.campaigns;
  const { pools } = scenario;
  const officers = world.officers;
  const teams = serviceTeams(pools.service.teams, officers, world.expertIds);
  // Two credentialed officers per inspection (I-1 asks enforcement for `minEnforcementOfficers`).
  const pair = (): Team => {
    const lead = random.pick(officers);
    const second = random.pick(officers.filter((o) => o.personId !== lead.personId));
    return { officers: [lead, second], expertIds: [] };
  };
  const once = (units: readonly WorldEnterprise[]) => new Array<number>(units.length).fill(1);
  const mtsUnits = [...world.pools.landlords, ...world.pools.tenants];
  const mtsVisits = spread(random, pools.multiTenant.repeatVisits, mtsUnits.length).map(
    (repeats) => 1 + repeats,
  );
  const inspectionPools: InspectionPool[] = [
    {
      prefix: 'mts',
      kind: 'special_campaign',
      campaignIds: [c.root, c.multiTenant],
      units: mtsUnits,
      visits: mtsVisits,
      team: pair,
    },
    {
      prefix: 'enf',
      kind: 'enforcement',
      campaignIds: [c.root, c.enforcement],
      units: world.pools.enforcement,
      visits: once(world.pools.enforcement),
      team: pair,
    },
    {
      prefix: 'hov',
      kind: 'routine_supervision',
      campaignIds: [c.root, c.handover],
      units: world.pools.handover,
      visits: once(world.pools.handover),
      team: pair,
    },
    {
      prefix: 'svc',
      kind: 'service_guidance',
      campaignIds: [c.root, c.service],
      units: world.pools.service,
      visits: once(world.pools.service),
      // Units are shared round the teams, so every team makes visits when there are enough units.
      team: (unit) => teams[unit % teams.length] as Team,
    },
    {
      prefix: 'oth',
      kind: 'routine_supervision',
      campaignIds: [c.root],
      units: world.pools.other,
      visits: once(world.pools.other),
      team: pair,
    },
  ];
  const planned: PlannedCommand[] = [];
  for (const pool of inspectionPools) {
    pool.units.forEach((unit, index) => {
      const count = pool.visits[index] ?? 1;
      // A unit's visits fall in the year in order: its first visit, then the repeat visits.
      const days = Array.from({ length: count }, () => random.int(0, calendar.span)).sort(
        (a, b) => a - b,
      );
      days.forEach((day, visit) => {
        const id = `${pool.prefix}-${unit.id}-${visit + 1}`;
        planned.push(
          ...inspectionLoop(id, pool, unit, pool.team(index, visit), day, calendar, random),
        );
      });
    });
  }
  return planned;
}

/**
 * The service teams: the bureau's officers shared round the teams (each team at least one), and
 * one expert per team while experts last. Without officers there is no team.
 */
function serviceTeams(
  count: number,
  officers: readonly SafetyActor[],
  expertIds: readonly string[],
): Team[] {
  const size = Math.max(1, Math.min(count, officers.length));
  return Array.from({ length: size }, (_, t) => ({
    officers: officers.filter((_, i) => i % size === t),
    expertIds: expertIds.filter((_, i) => i % size === t),
  }));
}

/** Schedule, start and complete one inspection on one day, by its team's first officer. */
function inspectionLoop(
  inspectionId: string,
  pool: InspectionPool,
  unit: WorldEnterprise,
  team: Team,
  day: number,
  calendar: YearCalendar,
  random: Random,
): PlannedCommand[] {
  const streamId = inspectionStreamId(inspectionId);
  const lead = team.officers[0] as SafetyActor;
  const date = calendar.day(day);
  const hour = random.int(8, 11);
  const planned: PlannedCommand[] = [];
  const push = (at: string, command: InspectionCommand) =>
    planned.push({
      aggregate: 'inspection',
      streamId,
      commandId: `${inspectionId}/${planned.length + 1}`,
      at,
      command: { ...command, occurredAt: at } as InspectionCommand,
    });
  push(calendar.at(date, hour, 0), {
    type: 'ScheduleInspection',
    actor: lead,
    inspectionId,
    kind: pool.kind,
    subject: { kind: 'enterprise', id: unit.id },
    inspectorIds: team.officers.map((officer) => officer.personId),
    expertIds: [...team.expertIds],
    campaignIds: [...pool.campaignIds],
    plannedDate: date,
  });
  push(calendar.at(date, hour, 10), { type: 'StartInspection', actor: lead });
  push(calendar.at(date, hour + 3, random.int(0, 59)), {
    type: 'CompleteInspection',
    actor: lead,
    recordRef: `REC-${inspectionId}`,
  });
  return planned;
}
