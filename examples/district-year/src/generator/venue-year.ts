import {
  localDateOf,
  type MarkingRole,
  type SafetyActor,
  startOfLocalDay,
  type VenueCommand,
  venueStreamId,
} from '@safeledger/core';
import type { Scenario } from '../scenario/schema.js';
import type { World, WorldVenue } from '../world/build-world.js';
import { FIRE_ORG_ID } from '../world/venue-parties.js';
import type { YearCalendar } from './calendar.js';
import type { PlannedCommand } from './planned-command.js';
import { createRandom } from './random.js';

const DAY_MS = 86_400_000;

/**
 * The venues' year (§4.6, §7.1 #13–#18): every venue registered (录入) on the first day, its
 * four responsible parties marked in the first weeks (as many venues per role as the scenario
 * says), a regulator spot check of each spot-checked venue, a patrol in the last quarter and a
 * self-check in the last month of as many venues as the scenario says. Only the periods the
 * report asks about get patrols and self-checks, which keeps the run's commands proportionate.
 *
 * The hazard part (`hazardPlan`, its commands) finds the venue hazards at the first
 * `spotChecked` venues (source `spot_check`), so each of those venues is spot-checked on the morning its first hazard is
 * registered, by the officer who registers it; the others are spot-checked before the last
 * quarter, so only the patrol plan decides who is patrolled in it.
 *
 * @throws Error when more venues are spot-checked in the last quarter (for their hazards) than
 * the scenario's `patrolledInLastQuarter`, which no plan could then honour.
 */
export function venueYear(
  scenario: Scenario,
  world: World,
  calendar: YearCalendar,
  hazardPlan: readonly PlannedCommand[],
): PlannedCommand[] {
  const random = createRandom(scenario.seed ^ 0x7e0e5);
  const { directory } = world;
  const figures = scenario.venues;
  const tz = scenario.timezone;
  const records = new Map(directory.venues().map((record) => [record.id, record]));
  const parks = directory.areas().map((area) => area.id);
  const advisors = directory.persons().filter((person) => person.roles.includes('FireAdvisor'));
  const territorialOffice = (areaId: string) =>
    directory
      .organizations()
      .find(
        (org) =>
          org.kind === 'territorial' && (org.areaIds === 'all' || org.areaIds.includes(areaId)),
      )?.id;
  const industryLead = (category: string) =>
    directory
      .organizations()
      .find((org) => org.kind === 'industry' && org.venueCategories.includes(category))?.id;

  const planned: PlannedCommand[] = [];
  const push = (venue: WorldVenue, step: string, at: string, command: VenueCommand) =>
    planned.push({
      aggregate: 'venue',
      streamId: venueStreamId(venue.id),
      commandId: `${venue.id}/${step}`,
      at,
      command: { ...command, occurredAt: at } as VenueCommand,
    });
  const offsetOf = (date: string) =>
    Math.round(
      (startOfLocalDay(date, tz).getTime() - startOfLocalDay(calendar.first, tz).getTime()) /
        DAY_MS,
    );
  const dayIn = (from: number, to: number) => calendar.day(random.int(from, Math.max(from, to)));

  // Registration, before anything else happens to a venue (the hazard part starts at 08:00).
  world.venues.forEach((venue, i) => {
    const record = records.get(venue.id);
    if (record === undefined) throw new Error(`venue ${venue.id} is not in the directory`);
    push(venue, 'register', calendar.at(calendar.first, 6, random.int(0, 59)), {
      type: 'RegisterVenue',
      actor: venue.patroller,
      venueId: venue.id,
      name: record.name,
      address: `${i + 1} ${record.areaId} road`,
      category: record.category as never,
      areaId: record.areaId,
      operator: {
        name: `Operator of ${venue.id}`,
        ...(venue.operator.personId === undefined ? {} : { personId: venue.operator.personId }),
      },
    });
  });

  // Markings (标注) by the committee office, which may mark every role (V-2).
  const marked: Record<MarkingRole, number> = {
    industry: figures.marked.industry,
    special: figures.marked.special,
    territorial: figures.marked.territorial,
    fire_advisor: figures.marked.fireAdvisor,
  };
  for (const role of ['territorial', 'industry', 'special', 'fire_advisor'] as const) {
    for (const venue of world.venues.slice(0, marked[role])) {
      const record = records.get(venue.id)!;
      const park = parks.indexOf(record.areaId);
      let party: { orgId: string } | { personId: string };
      if (role === 'territorial') {
        const office = territorialOffice(record.areaId);
        if (office === undefined) throw new Error(`no territorial office covers ${record.areaId}`);
        party = { orgId: office };
      } else if (role === 'special') party = { orgId: FIRE_ORG_ID };
      else if (role === 'industry') {
        const lead = industryLead(record.category);
        if (lead === undefined) throw new Error(`no industry lead for ${record.category}`);
        party = { orgId: lead };
      } else {
        const advisor = advisors[park % advisors.length];
        if (advisor === undefined) throw new Error('the directory has no fire advisor');
        party = { personId: advisor.id };
      }
      push(venue, `mark-${role}`, calendar.at(dayIn(0, 20), random.int(9, 16), random.int(0, 59)), {
        type: 'MarkResponsibleParty',
        actor: world.committeeOffice,
        role,
        ...party,
      });
    }
  }

  // Spot checks: before each checked venue's first hazard, on the morning of its registration.
  const asOfDate = calendar.last;
  const month = Number(asOfDate.slice(5, 7));
  const quarterStart = offsetOf(
    `${asOfDate.slice(0, 4)}-${String((Math.ceil(month / 3) - 1) * 3 + 1).padStart(2, '0')}-01`,
  );
  const monthStart = offsetOf(`${asOfDate.slice(0, 7)}-01`);
  const firstHazard = new Map<string, { at: string; finder: SafetyActor; count: number }>();
  for (const step of hazardPlan) {
    if (step.aggregate !== 'hazard' || step.command.type !== 'RegisterHazard') continue;
    const { subject, actor } = step.command;
    if (subject.kind !== 'venue') continue;
    const seen = firstHazard.get(subject.id);
    if (seen === undefined) firstHazard.set(subject.id, { at: step.at, finder: actor, count: 1 });
    else {
      firstHazard.set(subject.id, {
        ...(step.at < seen.at ? { at: step.at, finder: actor } : seen),
        count: seen.count + 1,
      });
    }
  }
  const spotInQuarter = new Set<string>();
  for (const venue of world.venues.slice(0, figures.spotChecked)) {
    const hazard = firstHazard.get(venue.id);
    const day = hazard === undefined ? dayIn(0, quarterStart - 1) : localDateOf(hazard.at, tz);
    if (offsetOf(day) >= quarterStart) spotInQuarter.add(venue.id);
    push(venue, 'spot-check', calendar.at(day, 7, random.int(0, 59)), {
      type: 'RecordPatrol',
      actor: hazard?.finder ?? random.pick(world.officers),
      kind: 'spot_check',
      mode: 'onsite',
      result: hazard === undefined ? 'no hazard found' : 'hazards found and registered',
      hazardsFound: hazard?.count ?? 0,
    });
  }

  // Patrols in the last quarter (V-7: a spot check in it counts too).
  if (spotInQuarter.size > figures.patrolledInLastQuarter) {
    throw new Error(
      `venues.patrolledInLastQuarter is ${figures.patrolledInLastQuarter}, but ${spotInQuarter.size} venues are spot-checked in the last quarter for their hazards`,
    );
  }
  const others = random.shuffle(world.venues.filter((venue) => !spotInQuarter.has(venue.id)));
  for (const venue of others.slice(0, figures.patrolledInLastQuarter - spotInQuarter.size)) {
    push(
      venue,
      'patrol-last-quarter',
      calendar.at(dayIn(quarterStart, calendar.span), random.int(9, 17), random.int(0, 59)),
      {
        type: 'RecordPatrol',
        actor: venue.patroller,
        kind: 'routine',
        mode: random.int(0, 3) === 0 ? 'online' : 'onsite',
        result: 'no hazard found',
      },
    );
  }

  // Self-checks in the last month, by each venue's operator (V-4).
  for (const venue of random.shuffle(world.venues).slice(0, figures.selfCheckedInLastMonth)) {
    push(
      venue,
      'self-check-last-month',
      calendar.at(dayIn(monthStart, calendar.span), random.int(10, 18), random.int(0, 59)),
      {
        type: 'RecordSelfCheck',
        actor: venue.operator,
        checklist: 'Monthly small-venue fire and work-safety self-check',
      },
    );
  }
  return planned;
}
