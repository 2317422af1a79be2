import {
  type ActivityCommand,
  type ActivityKind,
  activityStreamId,
  addDays,
  dutyRosterStreamId,
  emergencyPlanStreamId,
  type PlanKind,
  type SafetyActor,
  type ShiftInput,
  startOfLocalDay,
} from '@safeledger/core';
import type { Scenario } from '../scenario/schema.js';
import type { World, WorldEnterprise } from '../world/build-world.js';
import { activityTopics } from './activity-topics.js';
import type { YearCalendar } from './calendar.js';
import type { PlannedCommand } from './planned-command.js';
import { createRandom, type Random, spread } from './random.js';

const PLAN_KINDS: readonly PlanKind[] = ['comprehensive', 'special', 'on_site'];

/**
 * The year's secondary records (§4.9, §7.1 #12, #27, #29–#31, #33, #41–#43, #45–#46): trainings,
 * lectures, meetings, materials, hall visits, competitions and guided drills recorded by the
 * bureau; its emergency plans published and then revised and published again (EP-1); and one duty
 * roster a month covering every local day from 00:00 to 24:00 (DR-1). Every count comes from the
 * scenario; its own seeded random sequence only picks dates, enterprises and splits.
 */
export function activityYear(
  scenario: Scenario,
  world: World,
  calendar: YearCalendar,
): PlannedCommand[] {
  const random = createRandom(scenario.seed ^ 0xac71);
  const a = scenario.activities;
  const officer = world.officers[0] as SafetyActor;
  const bureau = world.bureauId;
  const enterprises = Object.values(world.pools).flat();
  const commands: PlannedCommand[] = [];
  let serial = 0;

  /** A date of the year's span, and the recording instant that evening. */
  const someDay = (from = 0) => calendar.day(random.int(from, Math.max(from, calendar.span - 1)));
  const record = (
    kind: ActivityKind,
    topic: string,
    date: string,
    facts: Partial<Omit<Extract<ActivityCommand, { type: 'RecordActivity' }>, 'type'>>,
  ) => {
    serial += 1;
    const activityId = `act-${kind}-${serial}`;
    commands.push({
      aggregate: 'activity',
      streamId: activityStreamId(activityId),
      commandId: `${activityId}/1`,
      at: calendar.at(date, 18),
      command: {
        type: 'RecordActivity',
        actor: officer,
        activityId,
        kind,
        topic,
        organizerOrgId: bureau,
        date,
        participantCount: 0,
        ...facts,
      },
    });
  };
  const someEnterprises = (count: number): string[] =>
    random
      .shuffle(enterprises)
      .slice(0, count)
      .map((e: WorldEnterprise) => e.id);

  // Key-sector trainings (重点行业领域培训), one sector each in turn.
  const sectors = [...new Set(world.directory.enterprises().map((e) => e.sectorCode))].sort();
  for (let i = 0; i < a.keySectorTrainings; i++) {
    record('key_sector_training', sectors[i % sectors.length] ?? 'general', someDay(), {
      sectorCode: sectors[i % sectors.length],
      participantCount: random.int(20, 60),
    });
  }

  // Thematic trainings and expert lectures share the year's person-times (专题培训 + 专家授课).
  const thematic = [...activityTopics.thematic, activityTopics.expertLecture];
  const personTimes = spread(random, a.trainingPersonTimes.value, thematic.length);
  thematic.forEach((topic, i) => {
    record(
      topic === activityTopics.expertLecture ? 'expert_lecture' : 'training',
      topic,
      someDay(),
      {
        participantCount: personTimes[i] ?? 0,
        approximate: a.trainingPersonTimes.approximate,
      },
    );
  });

  // Steward-system trainings (安全管家系统使用培训): each enterprise trained once.
  const stewardIds = someEnterprises(a.stewardEnterprises.value);
  const stewardSessions = Math.max(1, Math.ceil(stewardIds.length / 60));
  for (let s = 0; s < stewardSessions; s++) {
    const ids = stewardIds.filter((_, i) => i % stewardSessions === s);
    record('training', activityTopics.stewardSystem, someDay(), {
      participantCount: ids.length,
      enterpriseIds: ids,
      approximate: a.stewardEnterprises.approximate,
    });
  }

  // Exhibition halls (体验馆): the visitors spread over a dozen visit sessions a hall.
  const hallSessions = a.halls * 12;
  const visitors = spread(random, a.hallVisitors.value, hallSessions);
  for (let s = 0; s < hallSessions; s++) {
    record('exhibition_visit', `hall-${Math.floor(s / 12) + 1}`, someDay(), {
      participantCount: visitors[s] ?? 0,
      approximate: a.hallVisitors.approximate,
    });
  }

  // Competitions (知识竞赛与技能竞赛).
  for (let i = 0; i < a.competitions; i++) {
    record('competition', activityTopics.competition, someDay(), {
      participantCount: random.int(30, 120),
    });
  }

  // Multi-tenant-site deployment meetings, and the manuals and posters handed out (§7.1 #27).
  for (let i = 0; i < a.multiTenantMeetings; i++) {
    record('deployment_meeting', scenario.campaigns.multiTenant, someDay(), {
      participantCount: random.int(40, 90),
    });
  }
  if (a.manuals.value > 0 || a.posters > 0) {
    record('materials_distribution', scenario.campaigns.multiTenant, someDay(), {
      materials: { manuals: a.manuals.value, posters: a.posters },
      approximate: a.manuals.approximate,
    });
  }

  // Small-venue trainings (小场所专题培训会).
  for (let i = 0; i < scenario.venues.trainings; i++) {
    record('training', scenario.campaigns.venue, someDay(), {
      participantCount: random.int(30, 80),
    });
  }

  // The bureau's emergency plans: in force early in the year, revised and published again later.
  const plans = Array.from({ length: a.plansRevised }, (_, i) => ({
    planId: `plan-${scenario.year}-${i + 1}`,
    kind: PLAN_KINDS[i % PLAN_KINDS.length] as PlanKind,
    drafted: calendar.day(random.int(0, 20)),
    revised: calendar.day(random.int(60, Math.max(60, calendar.span - 30))),
  }));
  for (const plan of plans) {
    const stream = emergencyPlanStreamId(plan.planId);
    const step = (n: number, at: string, command: PlannedCommand['command']) =>
      commands.push({
        aggregate: 'emergencyPlan',
        streamId: stream,
        commandId: `${plan.planId}/${n}`,
        at,
        command,
      } as PlannedCommand);
    step(1, calendar.at(plan.drafted, 9), {
      type: 'DraftPlan',
      actor: officer,
      planId: plan.planId,
      kind: plan.kind,
      title: `District emergency plan ${plan.planId}`,
      ownerOrgId: bureau,
    });
    step(2, calendar.at(plan.drafted, 16), {
      type: 'PublishPlan',
      actor: world.head,
      version: 1,
    });
    step(3, calendar.at(plan.revised, 9), {
      type: 'RevisePlan',
      actor: officer,
      summary: 'Revised with the year’s lessons and the work manual',
    });
    step(4, calendar.at(plan.revised, 16), {
      type: 'PublishPlan',
      actor: world.head,
      version: 2,
    });
  }

  // Guided drills (指导参加应急演练), each exercising one of the plans once it is published.
  for (let i = 0; i < a.drills; i++) {
    const plan = plans.length > 0 ? random.pick(plans) : undefined;
    const date = someDay(plan === undefined ? 0 : 21);
    record('drill', activityTopics.drill, date, {
      participantCount: random.int(20, 150),
      enterpriseIds: someEnterprises(1),
      ...(plan === undefined ? {} : { planId: plan.planId, planKind: plan.kind }),
    });
  }

  commands.push(...dutyRosters(scenario, world, random));
  return commands;
}

/**
 * One roster a month for the scenario's duty months: a 24-hour shift for each local day, from
 * 00:00 to the next 00:00 (DR-1), officers in turn with the bureau head as leader on call (DR-2),
 * scheduled on the 20th of the month before.
 */
function dutyRosters(scenario: Scenario, world: World, random: Random): PlannedCommand[] {
  const tz = scenario.timezone;
  const commands: PlannedCommand[] = [];
  let turn = random.int(0, world.officers.length - 1);
  for (let m = 1; m <= scenario.duty.months; m++) {
    const month = `${scenario.year}-${String(m).padStart(2, '0')}`;
    const first = `${month}-01`;
    const shifts: ShiftInput[] = [];
    for (let date = first; date.startsWith(month); date = addDays(date, 1)) {
      turn = (turn + 1) % world.officers.length;
      shifts.push({
        shiftId: `${month}/${date.slice(8)}`,
        start: startOfLocalDay(date, tz).toISOString(),
        end: startOfLocalDay(addDays(date, 1), tz).toISOString(),
        dutyOfficerId: (world.officers[turn] as SafetyActor).personId,
        leaderOnCallId: world.head.personId,
      });
    }
    const scheduled = `${addDays(first, -1).slice(0, 8)}20`;
    commands.push({
      aggregate: 'dutyRoster',
      streamId: dutyRosterStreamId(month),
      commandId: `duty-${month}/1`,
      at: new Date(startOfLocalDay(scheduled, tz).getTime() + 10 * 3_600_000).toISOString(),
      command: {
        type: 'ScheduleDutyRoster',
        actor: world.head,
        month,
        orgId: world.bureauId,
        shifts,
      },
    });
  }
  return commands;
}
