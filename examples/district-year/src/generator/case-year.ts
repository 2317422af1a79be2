import {
  caseStreamId,
  type EnforcementCaseCommand,
  type Respondent,
  type SafetyActor,
} from '@safeledger/core';
import { type FineRangeName, fineSteps } from '../scenario/case-fines.js';
import type { CaseGroup, Scenario } from '../scenario/schema.js';
import type { World, WorldEnterprise } from '../world/build-world.js';
import { legalReviewer } from '../world/case-staff.js';
import type { YearCalendar } from './calendar.js';
import type { PlannedCommand } from './planned-command.js';
import { createRandom, type Random } from './random.js';

/**
 * The most days a case takes from filing to closure here: evidence within 5 days, notice within
 * 10 more, decision 6–12 days after the notice, service within 3 days, payment within 12 and
 * closure within 5. A case is filed at most that long before the as-of date, so every case of
 * the year is closed by then (§7.2).
 */
const CASE_DAYS = 47;

/** A hazard the hazard part registers, as a case can link it. */
interface PlannedHazard {
  readonly hazardId: string;
  readonly enterpriseId: string;
  readonly grade: 'general' | 'major';
  readonly campaignIds: readonly string[];
  /** Days from the calendar's first day to its registration. */
  readonly day: number;
}

/** One case of the year before its commands are planned. */
interface CaseSpec {
  readonly group: string;
  readonly campaignId: string;
  readonly enterprise: WorldEnterprise;
  readonly landlord: boolean;
  readonly hazardIds: readonly string[];
  readonly major: boolean;
  /** Unit and principal both fined (EC-11). */
  readonly dual: boolean;
  readonly fileDay: number;
}

/**
 * The enforcement cases of §7.2, filed by the bureau in their campaigns: each major-hazard case
 * links one major of its pool, each other case general hazards of its pool, all registered by
 * the hazard part before the filing (`hazardPlan` is that part's plan, so the links name real
 * hazards). A dual-penalty case fines the unit and its principal, every other case the unit only;
 * each case runs filing, links, evidence, notices, legal review, decision, service, payment
 * and closure within the year. It draws from its own seeded random sequence.
 *
 * @throws Error when a pool has too few hazards registered early enough for its cases.
 */
export function caseYear(
  scenario: Scenario,
  world: World,
  calendar: YearCalendar,
  hazardPlan: readonly PlannedCommand[],
): PlannedCommand[] {
  const random = createRandom(scenario.seed ^ 0xca5e);
  const enterprises = new Map(
    Object.values(world.pools)
      .flat()
      .map((enterprise) => [enterprise.id, enterprise]),
  );
  const landlords = new Set(world.pools.landlords.map((landlord) => landlord.id));
  const c = scenario.campaigns;
  const hazards = plannedHazards(hazardPlan, calendar, [c.multiTenant, c.enforcement]);
  const specs = [
    ...groupCases('multiTenant', scenario.cases.multiTenant, c.multiTenant),
    ...groupCases('enforcement', scenario.cases.enforcement, c.enforcement),
  ];

  function groupCases(name: string, group: CaseGroup, campaignId: string): CaseSpec[] {
    const lastFilingDay = calendar.span - CASE_DAYS;
    const pool = hazards.filter((h) => h.campaignIds.includes(campaignId) && h.day < lastFilingDay);
    const majors = random.shuffle(pool.filter((h) => h.grade === 'major'));
    const generals = random.shuffle(pool.filter((h) => h.grade === 'general'));
    const by = calendar.day(lastFilingDay - 1);
    if (majors.length < group.majorHazardCases) {
      throw new Error(
        `cases.${name}: ${group.majorHazardCases} major-hazard cases, but only ${majors.length} majors of ${campaignId} are registered by ${by} (a case takes up to ${CASE_DAYS} days)`,
      );
    }
    const linked: PlannedHazard[][] = majors.slice(0, group.majorHazardCases).map((h) => [h]);
    // Non-major cases: one general hazard each at distinct enterprises where the pool allows,
    // then the remaining linked hazards go to the case of their enterprise (EC-15).
    const nonMajor = group.cases - group.majorHazardCases;
    const used = new Set<string>();
    const anchors: PlannedHazard[] = [];
    for (const distinct of [true, false]) {
      for (const h of generals) {
        if (anchors.length === nonMajor) break;
        if (used.has(h.hazardId)) continue;
        if (distinct && anchors.some((a) => a.enterpriseId === h.enterpriseId)) continue;
        anchors.push(h);
        used.add(h.hazardId);
      }
    }
    const generalCases = anchors.map((h) => [h]);
    let extra = group.linkedGeneralHazards - anchors.length;
    for (const h of generals) {
      if (extra <= 0) break;
      const target = generalCases.find((hs) => hs[0]?.enterpriseId === h.enterpriseId);
      if (used.has(h.hazardId) || target === undefined) continue;
      target.push(h);
      used.add(h.hazardId);
      extra -= 1;
    }
    if (anchors.length < nonMajor || extra > 0) {
      throw new Error(
        `cases.${name}: ${nonMajor} non-major cases with ${group.linkedGeneralHazards} general hazards, but the general hazards of ${campaignId} registered by ${by} at those cases' enterprises are too few`,
      );
    }
    return [...linked, ...generalCases].map((caseHazards, index) => {
      const enterpriseId = caseHazards[0]?.enterpriseId as string;
      const enterprise = enterprises.get(enterpriseId);
      if (enterprise === undefined) throw new Error(`no enterprise "${enterpriseId}" in the world`);
      const lastRegistered = Math.max(...caseHazards.map((h) => h.day));
      const major = index < group.majorHazardCases;
      return {
        group: name,
        campaignId,
        enterprise,
        landlord: landlords.has(enterpriseId),
        hazardIds: caseHazards.map((h) => h.hazardId),
        major,
        dual: major && index < group.dualPenalties,
        fileDay:
          lastRegistered + random.int(1, Math.max(1, Math.min(10, lastFilingDay - lastRegistered))),
      };
    });
  }

  // Case numbers run in filing order through the year (ties in plan order).
  const ordered = specs
    .map((spec, index) => ({ spec, index }))
    .sort((a, b) => a.spec.fileDay - b.spec.fileDay || a.index - b.index);
  return ordered.flatMap(({ spec }, index) =>
    caseLoop(spec, index + 1, { scenario, world, calendar, random }),
  );
}

/**
 * The registrations of the hazard part's plan that a case of these campaigns can link: hazards
 * of enterprises. Days are counted from the calendar's first midnight in whole 24-hour steps,
 * which is the local day for registrations in office hours even across a daylight-saving shift
 * (and far cheaper than a time-zone conversion per hazard).
 */
function plannedHazards(
  plan: readonly PlannedCommand[],
  calendar: YearCalendar,
  campaignIds: readonly string[],
): PlannedHazard[] {
  const start = Date.parse(calendar.at(calendar.first, 0));
  const hazards: PlannedHazard[] = [];
  for (const step of plan) {
    if (step.aggregate !== 'hazard' || step.command.type !== 'RegisterHazard') continue;
    const { command } = step;
    const campaigns = command.campaignIds ?? [];
    if (command.subject.kind !== 'enterprise') continue;
    if (!campaigns.some((id) => campaignIds.includes(id))) continue;
    hazards.push({
      hazardId: command.hazardId,
      enterpriseId: command.subject.id,
      grade: command.grade === 'major' ? 'major' : 'general',
      campaignIds: campaigns,
      day: Math.floor((Date.parse(step.at) - start) / 86_400_000),
    });
  }
  return hazards;
}

/** The commands of one case, filing to closure, in business-time order. */
function caseLoop(
  spec: CaseSpec,
  serial: number,
  env: {
    readonly scenario: Scenario;
    readonly world: World;
    readonly calendar: YearCalendar;
    readonly random: Random;
  },
): PlannedCommand[] {
  const { scenario, world, calendar, random } = env;
  const year = scenario.year;
  const caseId = `${spec.group === 'multiTenant' ? 'mts' : 'enf'}-case-${String(serial).padStart(3, '0')}`;
  const streamId = caseStreamId(caseId);
  const planned: PlannedCommand[] = [];
  const push = (day: number, hour: number, minute: number, command: EnforcementCaseCommand) => {
    const at = calendar.at(calendar.day(day), hour, minute);
    planned.push({
      aggregate: 'enforcementCase',
      streamId,
      commandId: `${caseId}/${planned.length + 1}`,
      at,
      command: { ...command, occurredAt: at },
    });
  };
  const [lead, second] = random.shuffle(world.officers) as [SafetyActor, SafetyActor];
  const officerIds = [lead.personId, second.personId];
  const { enterprise, landlord } = spec;
  const unit: Respondent = { ref: 'U', kind: 'unit', enterpriseId: enterprise.id };
  const principal: Respondent = {
    ref: 'P',
    kind: 'individual',
    personId: enterprise.principal.personId,
    enterpriseId: enterprise.id,
    role: 'principal',
  };
  const respondents = spec.dual ? [unit, principal] : [unit];
  const fines = scenario.cases.fines;
  const amount = (range: FineRangeName) => {
    const steps = fineSteps(fines, range);
    return random.int(steps.first, steps.last) * fines.stepCny;
  };
  // §7.2: the unit under WSL Art. 102 and its principal under Art. 94(1); a multi-tenant
  // landlord, who failed to coordinate its tenants' safety, both under Art. 103(2).
  const penalties = [
    {
      respondentRef: unit.ref,
      kind: 'fine' as const,
      amountCny: amount('unit'),
      basisProvision: landlord ? 'WSL2021-103(2)' : 'WSL2021-102',
    },
    ...(spec.dual
      ? [
          {
            respondentRef: principal.ref,
            kind: 'fine' as const,
            amountCny: amount(landlord ? 'landlordPrincipal' : 'principal'),
            basisProvision: landlord ? 'WSL2021-103(2)' : 'WSL2021-94(1)',
          },
        ]
      : []),
  ];
  const provisions = [...new Set(penalties.map((penalty) => penalty.basisProvision))];
  const head = world.head;

  let day = spec.fileDay;
  push(day, 9, random.int(0, 59), {
    type: 'FileCase',
    actor: lead,
    caseId,
    caseNo: `安监罚〔${year}〕${serial}号`,
    agencyOrgId: world.bureauId,
    respondents,
    cause: spec.major
      ? 'Failure to eliminate a major accident hazard'
      : 'Failure to eliminate a hazard in time',
    violatedProvisions: provisions,
    campaignIds: [spec.campaignId],
    proposerIds: officerIds,
    approvedBy: head.personId,
  });
  for (const [index, hazardId] of spec.hazardIds.entries()) {
    push(day, 11, index, { type: 'LinkHazardToCase', actor: lead, hazardId });
  }
  day += random.int(1, 5);
  push(day, 10, 0, {
    type: 'RecordEvidence',
    actor: lead,
    kind: 'inspection_record',
    officerIds,
    ref: `EV-${caseId}`,
  });
  day += random.int(3, 10);
  const noticeDay = day;
  // Every notice grants the hearing right: EC-6 demands it above the hearing thresholds, and
  // granting it always keeps the plan independent of the policy's thresholds. Nobody asks for a
  // hearing, so the decision waits until the statement and hearing windows have closed (EC-5).
  for (const [index, respondent] of respondents.entries()) {
    const mine = penalties.filter((penalty) => penalty.respondentRef === respondent.ref);
    push(day, 10, index * 30, {
      type: 'ServePreDecisionNotice',
      actor: lead,
      respondentRef: respondent.ref,
      proposedPenalties: mine,
      facts: `Hazards ${spec.hazardIds.join(', ')} not eliminated as required`,
      provisions: [...new Set(mine.map((penalty) => penalty.basisProvision))],
      hearingRight: true,
    });
  }
  // The bureau reviews every decision legally (法制审核); EC-8 requires it above thresholds only.
  push(noticeDay + random.int(1, 4), 15, 0, {
    type: 'CompleteLegalReview',
    actor: legalReviewer(world.bureauId),
    opinion: 'approve',
  });
  day = noticeDay + random.int(6, 12);
  push(day, 10, 0, {
    type: 'DecidePenalty',
    actor: head,
    decisionNo: `安监罚决〔${year}〕${serial}号`,
    penalties,
    collectiveDiscussion: spec.major,
  });
  day += random.int(0, 3);
  for (const [index, respondent] of respondents.entries()) {
    push(day, 15, index * 30, {
      type: 'ServeDecision',
      actor: lead,
      respondentRef: respondent.ref,
      method: 'direct',
    });
  }
  const served = day;
  let lastPaid = served;
  // Penalty refs are the decision's, in the order of its penalties (P1, P2, …).
  const paidDays = penalties.map(() => served + random.int(3, 12));
  for (const [index, paidDay] of paidDays.entries()) {
    lastPaid = Math.max(lastPaid, paidDay);
    push(paidDay, 10, index, {
      type: 'RecordPenaltyPerformed',
      actor: lead,
      penaltyRef: `P${index + 1}`,
      method: 'paid',
    });
  }
  push(lastPaid + random.int(1, 5), 16, 0, { type: 'CloseCase', actor: head });
  // Payments (and the legal review) may be planned out of time order; `generateYear` sorts the
  // year by business time.
  return planned;
}
