import {
  type HazardCommand,
  type HazardSource,
  hazardStreamId,
  type SafetyActor,
} from '@safeledger/core';
import type { YearCalendar } from './calendar.js';
import type { PlannedCommand } from './planned-command.js';
import type { Random } from './random.js';

/** How one hazard ends the year (§7.2): closed, or still open at the as-of instant. */
export type HazardOutcome = 'closed' | 'open';

/** Who is involved in one hazard and what it is. */
export interface HazardCase {
  readonly hazardId: string;
  readonly subject: { readonly kind: 'enterprise' | 'venue'; readonly id: string };
  readonly grade: 'general' | 'major';
  readonly outcome: HazardOutcome;
  readonly source: HazardSource;
  readonly campaignIds: readonly string[];
  /** The regulator officer who registers it (and, for a general hazard, verifies it). */
  readonly finder: SafetyActor;
  /** A second officer, for majors (H-18: two regulator verifiers). */
  readonly secondOfficer: SafetyActor;
  /** Who rectifies: the enterprise's safety officer, or the venue operator. */
  readonly rectifier: SafetyActor;
  /** The enterprise principal (majors: plan, H-13). */
  readonly principal: SafetyActor | undefined;
  /** Who verifies a general hazard; defaults to the finder. */
  readonly verifier?: SafetyActor;
  /** Listing authority for an open major (district committee office). */
  readonly listing?: { readonly actor: SafetyActor; readonly authorityOrgId: string };
  readonly expertIds: readonly string[];
}

const DESCRIPTIONS = [
  'Fire exit blocked by stored goods',
  'Electrical wiring without protection',
  'Expired fire extinguishers',
  'Missing guard on rotating machinery',
  'Gas cylinders stored without restraint',
  'No confined-space entry permit',
  'Emergency lighting out of order',
  'Hazardous chemicals without labels',
];
const MAJOR_BASIS = { standardId: 'MEM-Order-10-2023', clause: '3' };

/**
 * The commands of one hazard's loop, in business-time order, through the hazard decider only:
 * - general, closed: registered by a regulator officer with a deadline, rectified by the
 *   enterprise (or venue operator), verified by the finder (H-19 b/c) and closed in the same
 *   decision (H-20);
 * - major, closed: registered, disclosed to the workforce (WSL Art. 41), five-element plan
 *   (H-13), rectified with evidence (H-15), verified by two officers (H-18), closed;
 * - open: registered late in the year with a deadline after the as-of date (§7.2: the source
 *   mentions no overdue items); a third of the open generals are already rectified and wait for
 *   verification; the open major is listed at district level and in rectification.
 */
export function hazardLoop(
  c: HazardCase,
  calendar: YearCalendar,
  random: Random,
): PlannedCommand[] {
  const streamId = hazardStreamId(c.hazardId);
  const planned: PlannedCommand[] = [];
  const push = (at: string, command: HazardCommand) =>
    planned.push({
      aggregate: 'hazard',
      streamId,
      commandId: `${c.hazardId}/${planned.length + 1}`,
      at,
      command: { ...command, occurredAt: at } as HazardCommand,
    });
  const major = c.grade === 'major';
  const { span } = calendar;
  // Closed hazards start early enough to finish by the as-of date; open ones start late.
  const start =
    c.outcome === 'closed'
      ? random.int(0, Math.max(0, span - (major ? 70 : 45)))
      : random.int(Math.max(0, span - 75), Math.max(0, span - 2));
  const registeredOn = calendar.day(start);
  const deadline =
    c.outcome === 'closed'
      ? calendar.day(start + random.int(major ? 45 : 10, major ? 60 : 35))
      : calendarAfter(calendar, random.int(15, 75));
  push(calendar.at(registeredOn, random.int(8, 10), random.int(0, 59)), {
    type: 'RegisterHazard',
    actor: c.finder,
    hazardId: c.hazardId,
    subject: c.subject,
    description: random.pick(DESCRIPTIONS),
    location: `Workshop ${random.int(1, 9)}`,
    nature: random.pick(['unsafe_condition', 'unsafe_act', 'management_deficiency']),
    grade: c.grade,
    ...(major ? { majorBasis: MAJOR_BASIS } : {}),
    source: c.source,
    campaignIds: [...c.campaignIds],
    deadline,
  });
  let day = start;
  const next = (min: number, max: number) => {
    day = Math.min(day + random.int(min, max), span);
    return calendar.day(day);
  };
  if (major && c.principal !== undefined) {
    push(calendar.at(next(1, 2), 10), {
      type: 'DiscloseMajorHazardToWorkforce',
      actor: c.rectifier,
      forum: 'workers_congress',
    });
    push(calendar.at(next(1, 3), 11), {
      type: 'SubmitRectificationPlan',
      actor: c.principal,
      objectives: 'eliminate the hazard',
      measures: ['isolate the area', 'repair or replace', 'test before use'],
      funding: { amountCny: random.int(20, 400) * 1000, source: 'safety budget' },
      responsibleOrgUnit: 'equipment department',
      responsiblePersonId: c.rectifier.personId,
      deadline,
      safetyMeasures: 'cordon and monitoring while working',
      contingencyPlanRef: `EP-${c.hazardId}`,
    });
    if (c.outcome === 'open' && c.listing !== undefined) {
      push(calendar.at(next(1, 3), 15), {
        type: 'ListForSupervision',
        actor: c.listing.actor,
        level: 'district',
        authorityOrgId: c.listing.authorityOrgId,
        listingRef: `LIST-${c.hazardId}`,
        publicized: true,
      });
      push(calendar.at(next(0, 2), 16), {
        type: 'RecordInterimControls',
        actor: c.rectifier,
        measures: ['cordoned', 'monitoring'],
      });
    }
  }
  if (c.outcome === 'open' && (major || random.int(0, 2) !== 0)) return planned;
  push(calendar.at(next(major ? 7 : 1, major ? 20 : 8), 14, random.int(0, 59)), {
    type: 'CompleteRectification',
    actor: c.rectifier,
    actionsTaken: 'rectified as required',
    evidenceRefs: [`photo-${c.hazardId}`],
  });
  if (c.outcome === 'open') return planned;
  const verifiedOn = next(1, 4);
  if (major) {
    push(calendar.at(verifiedOn, 16), {
      type: 'VerifyRectification',
      actor: c.finder,
      outcome: 'passed',
      kind: 'acceptance',
      verifierIds: [c.finder.personId, c.secondOfficer.personId],
      expertIds: [...c.expertIds],
    });
  } else {
    const verifier = c.verifier ?? c.finder;
    push(calendar.at(verifiedOn, 16), {
      type: 'VerifyRectification',
      actor: verifier,
      outcome: 'passed',
      kind: 'regulator_review',
      verifierIds: [verifier.personId],
    });
  }
  return planned;
}

function calendarAfter(calendar: YearCalendar, days: number): string {
  return calendar.day(calendar.span + days);
}
