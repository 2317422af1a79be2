import {
  type Issuer,
  type LocalDate,
  localDateOf,
  type SafetyActor,
  type SupervisionItemCommand,
  supervisionItemStreamId,
} from '@safeledger/core';
import type { Scenario } from '../scenario/schema.js';
import type { World } from '../world/build-world.js';
import type { YearCalendar } from './calendar.js';
import type { PlannedCommand } from './planned-command.js';
import { createRandom } from './random.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** A hazard as the hazard part planned it: when it is registered and, if it is, closed. */
interface PlannedHazard {
  readonly hazardId: string;
  readonly subjectId: string;
  readonly source: string;
  readonly registeredAt: string;
  readonly closedAt: string | undefined;
}

/**
 * The hazards the hazard part planned, read from its commands: registration, and closure (the
 * passing verification, which closes a hazard in the same decision, H-20).
 */
function plannedHazards(hazardPlan: readonly PlannedCommand[]): Map<string, PlannedHazard> {
  const hazards = new Map<string, PlannedHazard>();
  for (const step of hazardPlan) {
    if (step.aggregate !== 'hazard') continue;
    const command = step.command;
    if (command.type === 'RegisterHazard') {
      hazards.set(command.hazardId, {
        hazardId: command.hazardId,
        subjectId: command.subject.id,
        source: command.source,
        registeredAt: step.at,
        closedAt: undefined,
      });
    } else if (command.type === 'VerifyRectification' && command.outcome === 'passed') {
      const id = step.streamId.slice(step.streamId.indexOf('-') + 1);
      const hazard = hazards.get(id);
      if (hazard !== undefined) hazards.set(id, { ...hazard, closedAt: step.at });
    }
  }
  return hazards;
}

const shift = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();
const latest = (instants: readonly string[]) =>
  instants.reduce((a, b) => (a.localeCompare(b) >= 0 ? a : b));
const earliest = (instants: readonly string[]) =>
  instants.reduce((a, b) => (a.localeCompare(b) <= 0 ? a : b));

/**
 * The year's handed-over items (§7.1 #6–#8, §4.5), recorded through the SupervisionItem command
 * handler: the provincial team's petitions, the municipal hazard lists (one item per unit of the
 * handover pool, linking that unit's `hov-…` hazards) and the provincial tour's feedback issues
 * with their measures. Hazards come from the hazard part's plan (`hazardPlan`), so an item links
 * a hazard after it is registered and is struck off after its last hazard closes (SI-2, SI-6);
 * an item whose hazards are not all closed by the as-of date stays open, with a deadline after
 * it. Closure is delegated to the committee office, which records the issuers' documents.
 */
export function handoverYear(
  scenario: Scenario,
  world: World,
  calendar: YearCalendar,
  hazardPlan: readonly PlannedCommand[],
): PlannedCommand[] {
  const random = createRandom(scenario.seed ^ 0x4a0d);
  const hazards = plannedHazards(hazardPlan);
  const office = world.committeeOffice;
  const lead = world.bureauId;
  const officer = (): SafetyActor => random.pick(world.officers);
  const afterAsOf = (): LocalDate => calendar.day(calendar.span + random.int(15, 60));
  const dateOf = (instant: string): LocalDate => localDateOf(instant, scenario.timezone);
  const planned: PlannedCommand[] = [];

  /** Plans one item's commands; `steps` are (instant, command) pairs in business-time order. */
  const item = (itemId: string, steps: Array<[string, SupervisionItemCommand]>) => {
    const streamId = supervisionItemStreamId(itemId);
    steps.forEach(([at, command], index) => {
      planned.push({
        aggregate: 'supervisionItem',
        streamId,
        commandId: `${itemId}/${index + 1}`,
        at,
        command: { ...command, occurredAt: at } as SupervisionItemCommand,
      });
    });
  };
  /** Receipt and assignment to the safety bureau, one minute apart. */
  const intake = (
    at: string,
    fields: {
      itemId: string;
      batchId: string;
      batchTitle: string;
      issuer: Issuer;
      kind: 'petition' | 'hazard_list' | 'feedback_issue';
      deadline: LocalDate;
      subjectEnterpriseIds: string[];
      expectedHazardCount?: number;
      description: string;
    },
  ): Array<[string, SupervisionItemCommand]> => [
    [
      at,
      {
        type: 'ReceiveHandover',
        actor: office,
        ...fields,
        ...(fields.kind === 'petition' ? { petitioner: { anonymous: false } } : {}),
        closureAuthority: 'committee_office',
      },
    ],
    [
      shift(at, MINUTE),
      {
        type: 'AssignItem',
        actor: office,
        leadOrgId: lead,
        internalDeadline: fields.deadline,
      },
    ],
  ];
  /** Feedback by the bureau head, then the committee office strikes the item off. */
  const closure = (at: string): Array<[string, SupervisionItemCommand]> => [
    [at, { type: 'SubmitFeedback', actor: world.head, summary: 'Rectified and verified' }],
    [shift(at, HOUR), { type: 'CloseItem', actor: office }],
  ];
  const start = calendar.at(calendar.day(0), 7);
  const notBefore = (instant: string) => (instant.localeCompare(start) < 0 ? start : instant);

  // Municipal hazard lists: one item per unit, linking the unit's handed-over hazards.
  const listHazards = new Map<string, PlannedHazard[]>();
  for (const hazard of hazards.values()) {
    if (!hazard.hazardId.startsWith('hov-')) continue;
    listHazards.set(hazard.subjectId, [...(listHazards.get(hazard.subjectId) ?? []), hazard]);
  }
  const municipal: Issuer = {
    name: '市级督导组、专治办',
    kind: 'special_rectification_office',
    level: 'city',
  };
  world.pools.handover.forEach((unit, index) => {
    const own = listHazards.get(unit.id) ?? [];
    if (own.length === 0) return;
    const itemId = `hov-list-${String(index + 1).padStart(4, '0')}`;
    const received = notBefore(shift(earliest(own.map((h) => h.registeredAt)), -HOUR));
    const closedAll = own.every((h) => h.closedAt !== undefined);
    const lastClosure = closedAll ? latest(own.map((h) => h.closedAt!)) : undefined;
    const steps = intake(received, {
      itemId,
      batchId: `${scenario.year}-municipal-lists`,
      batchTitle: `${scenario.year} 市级督导交办隐患清单`,
      issuer: municipal,
      kind: 'hazard_list',
      deadline: lastClosure === undefined ? afterAsOf() : dateOf(lastClosure),
      subjectEnterpriseIds: [unit.id],
      expectedHazardCount: own.length,
      description: `Handed-over hazard list of ${unit.id}`,
    });
    for (const hazard of [...own].sort((a, b) => a.registeredAt.localeCompare(b.registeredAt))) {
      steps.push([
        shift(hazard.registeredAt, 2 * MINUTE),
        { type: 'LinkHazard', actor: officer(), hazardId: hazard.hazardId },
      ]);
    }
    if (lastClosure !== undefined) steps.push(...closure(shift(lastClosure, 10 * MINUTE)));
    item(itemId, steps);
  });

  // Petitions: each substantiated one links a petition hazard of the 'other' pool; the rest
  // are found unsubstantiated. The first `closed` of them are struck off.
  const { petitions, tourFeedback } = scenario.handover;
  const petitionHazards = [...hazards.values()]
    .filter((h) => h.source === 'petition')
    .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt));
  const provincial: Issuer = { name: '省第七督导组', kind: 'supervision_team', level: 'province' };
  for (let p = 0; p < petitions.received; p++) {
    const itemId = `petition-${String(p + 1).padStart(3, '0')}`;
    const own = petitionHazards.filter((_, i) => i % petitions.received === p);
    const closes = p < petitions.closed && own.every((h) => h.closedAt !== undefined);
    const investigated =
      own.length > 0
        ? earliest(own.map((h) => h.registeredAt))
        : calendar.at(calendar.day(random.int(5, Math.max(5, calendar.span - 10))), 10);
    const received = notBefore(shift(investigated, -2 * 24 * HOUR));
    const lastClosure =
      own.length > 0 && closes
        ? latest(own.map((h) => h.closedAt!))
        : shift(investigated, 2 * HOUR);
    const steps = intake(received, {
      itemId,
      batchId: `${scenario.year}-provincial-team-7`,
      batchTitle: `${scenario.year} 省第七督导组交办信访举报件`,
      issuer: provincial,
      kind: 'petition',
      deadline: closes ? dateOf(shift(lastClosure, 24 * HOUR)) : afterAsOf(),
      subjectEnterpriseIds: [...new Set(own.map((h) => h.subjectId))],
      description: 'Petition handed over by the provincial supervision team',
    });
    steps.push([
      shift(investigated, MINUTE),
      {
        type: 'RecordInvestigation',
        actor: officer(),
        finding: own.length > 0 ? 'substantiated' : 'unsubstantiated',
        reportRef: `INV-${itemId}`,
      },
    ]);
    for (const hazard of own) {
      steps.push([
        shift(hazard.registeredAt, 2 * MINUTE),
        { type: 'LinkHazard', actor: officer(), hazardId: hazard.hazardId },
      ]);
    }
    const replied = shift(latest(own.map((h) => h.registeredAt).concat(investigated)), HOUR);
    steps.push([replied, { type: 'ReplyToPetitioner', actor: officer(), method: 'phone' }]);
    if (closes) {
      const after = latest([lastClosure, replied]);
      steps.push(...closure(shift(after, 10 * MINUTE)));
    }
    item(itemId, steps);
  }

  // The provincial tour's feedback issues: measures spread over the issues, the first
  // `measuresDone` of them completed; an issue whose measures are all done is struck off.
  const tour: Issuer = { name: '省委巡视组', kind: 'inspection_tour', level: 'province' };
  let measuresLeft = tourFeedback.measures;
  let doneLeft = tourFeedback.measuresDone;
  for (let t = 0; t < tourFeedback.items; t++) {
    const itemId = `tour-issue-${String(t + 1).padStart(2, '0')}`;
    const count = Math.ceil(measuresLeft / (tourFeedback.items - t));
    measuresLeft -= count;
    let day = random.int(10, Math.max(10, Math.floor(calendar.span / 3)));
    const received = calendar.at(calendar.day(day), 9);
    const done = Math.min(count, doneLeft);
    doneLeft -= done;
    const closes = count > 0 && done === count;
    const steps = intake(received, {
      itemId,
      batchId: `${scenario.year}-provincial-tour`,
      batchTitle: `${scenario.year} 省委巡视反馈问题`,
      issuer: tour,
      kind: 'feedback_issue',
      // Set for the report-back after the last measure, well before the as-of date.
      deadline: closes
        ? calendar.day(Math.min(calendar.span, day + 30 * (count + 1)))
        : afterAsOf(),
      subjectEnterpriseIds: [],
      description: 'Issue fed back by the provincial inspection tour',
    });
    for (let m = 0; m < count; m++) {
      steps.push([
        calendar.at(calendar.day(day), 11, m),
        { type: 'AddMeasure', actor: officer(), measureId: `m${m + 1}`, text: `Measure ${m + 1}` },
      ]);
    }
    for (let m = 0; m < done; m++) {
      day = Math.min(calendar.span, day + random.int(5, 30));
      steps.push([
        calendar.at(calendar.day(day), 15),
        { type: 'CompleteMeasure', actor: officer(), measureId: `m${m + 1}` },
      ]);
    }
    if (closes) steps.push(...closure(calendar.at(calendar.day(day), 17)));
    item(itemId, steps);
  }
  return planned;
}
