import type { StoredEvent } from '../../eventsourcing/envelope.js';
import { defineProjection } from '../../eventsourcing/projection.js';
import { indexed } from '../../eventsourcing/projection-fields.js';
import { localDateOf } from '../calendar/time-zone.js';
import type { InspectionEvent } from '../inspection/events.js';
import type { VenueEvent } from '../venue/events.js';
import { countsAsVenuePatrol } from '../venue/patrol-count.js';
import type { MarkingRole } from '../venue/values.js';

/**
 * When a venue held a (valid) marking of one role: from the instant it gained it to the instant
 * it lost it (`null` while it still holds it). Only the latest span is kept.
 */
export interface MarkingSpan {
  from: string | null;
  until: string | null;
}

/**
 * One row of the venue register, the base of P-10…P-13: the venue's profile, its markings with
 * their V-6 validity, and the local months (`YYYY-MM` in the policy's time zone) in which it was
 * patrolled (V-7), spot-checked and self-checked. Rates at an instant are computed at query time
 * from the stored instants (G-6); a venue is one row, so every count is a count of distinct venues.
 */
export interface VenueRegisterRow {
  venueId: string;
  name: string;
  areaId: string | null;
  category: string | null;
  registeredAt: string | null;
  deregisteredAt: string | null;
  territorial: string | null;
  industry: string | null;
  /** The category the industry marking was made for (the event's G-8 snapshot). */
  industryCategory: string | null;
  special: string[];
  fireAdvisor: string | null;
  /** V-6: an industry marking whose category is no longer the venue's, until re-marked. */
  invalidIndustryMarking: boolean;
  spans: Record<MarkingRole, MarkingSpan>;
  /** Months with a patrol that counts for P-11 (V-7: any `VenuePatrolled`, any completed venue inspection). */
  patrolMonths: string[];
  /** Months with a regulator spot check (P-13): a spot-check patrol or a spot-check inspection. */
  spotCheckMonths: string[];
  /** Months with a completed self-check (P-12). */
  selfCheckMonths: string[];
  lastPatrolAt: string | null;
  lastSelfCheckAt: string | null;
}

/** The events the venue register reads: every venue event and completed inspections of venues. */
export const venueRegisterEventTypes = [
  'VenueRegistered',
  'VenueProfileUpdated',
  'VenueResponsiblePartyMarked',
  'VenueResponsiblePartyUnmarked',
  'VenuePatrolled',
  'VenueSelfCheckCompleted',
  'VenueDeregistered',
  'InspectionCompleted',
] as const;

/** The events the venue register folds. */
export type VenueRegisterEvent =
  | VenueEvent
  | Extract<InspectionEvent, { type: 'InspectionCompleted' }>;

const span = (role: MarkingRole) => (row: VenueRegisterRow) => row.spans[role];

/** Indexed fields of the venue register: every figure of P-10…P-13 runs on them in the store. */
export const venueRegisterFields = {
  areaId: indexed.text((row: VenueRegisterRow) => row.areaId),
  category: indexed.text((row: VenueRegisterRow) => row.category),
  registeredAt: indexed.instant((row: VenueRegisterRow) => row.registeredAt),
  deregisteredAt: indexed.instant((row: VenueRegisterRow) => row.deregisteredAt),
  territorialFrom: indexed.instant((row: VenueRegisterRow) => span('territorial')(row).from),
  territorialUntil: indexed.instant((row: VenueRegisterRow) => span('territorial')(row).until),
  industryFrom: indexed.instant((row: VenueRegisterRow) => span('industry')(row).from),
  industryUntil: indexed.instant((row: VenueRegisterRow) => span('industry')(row).until),
  specialFrom: indexed.instant((row: VenueRegisterRow) => span('special')(row).from),
  specialUntil: indexed.instant((row: VenueRegisterRow) => span('special')(row).until),
  fireAdvisorFrom: indexed.instant((row: VenueRegisterRow) => span('fire_advisor')(row).from),
  fireAdvisorUntil: indexed.instant((row: VenueRegisterRow) => span('fire_advisor')(row).until),
  invalidIndustryMarking: indexed.boolean((row: VenueRegisterRow) => row.invalidIndustryMarking),
  patrolMonths: indexed.textArray((row: VenueRegisterRow) => row.patrolMonths),
  spotCheckMonths: indexed.textArray((row: VenueRegisterRow) => row.spotCheckMonths),
  selfCheckMonths: indexed.textArray((row: VenueRegisterRow) => row.selfCheckMonths),
  lastPatrolAt: indexed.instant((row: VenueRegisterRow) => row.lastPatrolAt),
  lastSelfCheckAt: indexed.instant((row: VenueRegisterRow) => row.lastSelfCheckAt),
};

/** The projection name of the venue register. */
export const VENUE_REGISTER = 'venue-register';

/** Whether the row holds a marking of `role` that counts for P-10 (V-6 for `industry`). */
function holds(row: VenueRegisterRow, role: MarkingRole): boolean {
  switch (role) {
    case 'territorial':
      return row.territorial !== null;
    case 'industry':
      return row.industry !== null && !row.invalidIndustryMarking;
    case 'special':
      return row.special.length > 0;
    case 'fire_advisor':
      return row.fireAdvisor !== null;
  }
}

/**
 * Moves each role's span after an event at `at`. A replacement (unmark and mark in one commit,
 * so at one instant) reopens the span it closed: the venue was never without the role.
 */
function updateSpans(row: VenueRegisterRow, at: string): void {
  for (const role of ['territorial', 'industry', 'special', 'fire_advisor'] as const) {
    const s = row.spans[role];
    const open = s.from !== null && s.until === null;
    const has = holds(row, role);
    if (has && !open) {
      if (s.from !== null && s.until === at) s.until = null;
      else row.spans[role] = { from: at, until: null };
    } else if (!has && open) {
      s.until = at;
    }
  }
}

const addMonth = (months: string[], month: string) => {
  if (!months.includes(month)) {
    months.push(month);
    months.sort();
  }
};
const later = (a: string | null, b: string) =>
  a === null || Date.parse(b) > Date.parse(a) ? b : a;

/**
 * The venue register for a policy's time zone, which dates the months of patrols and
 * self-checks (G-7); a change of time zone needs a rebuild.
 *
 * V-6 is judged from the venue's own events: an industry marking made for another category than
 * the venue's current one is invalid until re-marked. A change of the division list itself is
 * not a venue event; `hasInvalidIndustryMarking` judges it at command time.
 */
export function createVenueRegisterProjection(policy: { readonly timezone: string }) {
  const tz = policy.timezone;
  return defineProjection<VenueRegisterRow, VenueRegisterEvent, typeof venueRegisterFields>({
    name: VENUE_REGISTER,
    version: 1,
    handles: venueRegisterEventTypes,
    documentId: (event: StoredEvent<VenueRegisterEvent>) => {
      if (event.type !== 'InspectionCompleted') return event.data.venueId;
      const { subject } = event.data;
      return countsAsVenuePatrol({ type: event.type, subject }) ? subject.id : null;
    },
    init: (venueId) => emptyRow(venueId),
    apply: (draft, event) => {
      const row = draft as VenueRegisterRow;
      const at = event.data.occurredAt;
      const month = localDateOf(at, tz).slice(0, 7);
      switch (event.type) {
        case 'VenueRegistered': {
          const d = event.data;
          Object.assign(row, {
            name: d.name,
            areaId: d.areaId,
            category: d.category,
            registeredAt: at,
          });
          break;
        }
        case 'VenueProfileUpdated':
          if (event.data.name !== undefined) row.name = event.data.name;
          if (event.data.category !== undefined) {
            row.category = event.data.category;
            row.invalidIndustryMarking =
              row.industry !== null && row.industryCategory !== row.category;
          }
          break;
        case 'VenueResponsiblePartyMarked': {
          const d = event.data;
          if (d.role === 'territorial') row.territorial = d.orgId;
          if (d.role === 'fire_advisor') row.fireAdvisor = d.personId;
          if (d.role === 'special' && d.orgId !== null && !row.special.includes(d.orgId)) {
            row.special.push(d.orgId);
          }
          if (d.role === 'industry') {
            row.industry = d.orgId;
            row.industryCategory = d.category;
            row.invalidIndustryMarking = d.category !== row.category;
          }
          break;
        }
        case 'VenueResponsiblePartyUnmarked': {
          const d = event.data;
          if (d.role === 'territorial' && row.territorial === d.orgId) row.territorial = null;
          if (d.role === 'fire_advisor' && row.fireAdvisor === d.personId) row.fireAdvisor = null;
          if (d.role === 'special') row.special = row.special.filter((id) => id !== d.orgId);
          if (d.role === 'industry' && row.industry === d.orgId) {
            row.industry = null;
            row.industryCategory = null;
            row.invalidIndustryMarking = false;
          }
          break;
        }
        case 'VenuePatrolled':
          addMonth(row.patrolMonths, month);
          if (event.data.kind === 'spot_check') addMonth(row.spotCheckMonths, month);
          row.lastPatrolAt = later(row.lastPatrolAt, at);
          break;
        case 'InspectionCompleted':
          addMonth(row.patrolMonths, month);
          if (event.data.kind === 'spot_check') addMonth(row.spotCheckMonths, month);
          row.lastPatrolAt = later(row.lastPatrolAt, at);
          break;
        case 'VenueSelfCheckCompleted':
          addMonth(row.selfCheckMonths, month);
          row.lastSelfCheckAt = later(row.lastSelfCheckAt, at);
          break;
        case 'VenueDeregistered':
          row.deregisteredAt = at;
          break;
      }
      updateSpans(row, at);
    },
    fields: venueRegisterFields,
    indexes: [['registeredAt', 'areaId']],
  });
}

function emptyRow(venueId: string): VenueRegisterRow {
  const none = (): MarkingSpan => ({ from: null, until: null });
  return {
    venueId,
    name: '',
    areaId: null,
    category: null,
    registeredAt: null,
    deregisteredAt: null,
    territorial: null,
    industry: null,
    industryCategory: null,
    special: [],
    fireAdvisor: null,
    invalidIndustryMarking: false,
    spans: { territorial: none(), industry: none(), special: none(), fire_advisor: none() },
    patrolMonths: [],
    spotCheckMonths: [],
    selfCheckMonths: [],
    lastPatrolAt: null,
    lastSelfCheckAt: null,
  };
}
