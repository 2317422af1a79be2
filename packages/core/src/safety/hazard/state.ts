import { produce } from 'immer';
import type { LocalDate } from '../calendar/local-date.js';
import type { SubjectRef } from '../directory/subject.js';
import type { SafetyActor } from '../roles/actor.js';
import type { HazardEvent } from './events.js';
import {
  type AssessorKind,
  type DeadlineOwner,
  type DisclosureForum,
  type HazardGrade,
  type HazardNature,
  type HazardSource,
  type InterimMeasure,
  type ListingLevel,
  type MajorBasis,
  type ResponsibleParty,
  regulatorSources,
  type SuspensionOrder,
  type SuspensionScope,
  type VerificationKind,
  type VerificationPurpose,
} from './values.js';

/** Lifecycle states of §4.1; `closed` and `voided` are terminal (H-7). */
export type HazardStatus = 'open' | 'awaiting_verification' | 'verified' | 'closed' | 'voided';

/** One listing for supervision; active while `delistedAt` is null. */
export interface HazardListing {
  readonly level: ListingLevel;
  readonly authorityOrgId: string;
  readonly supervisingOrgId: string;
  readonly listingRef: string;
  readonly publicized: boolean;
  readonly listedAt: string;
  readonly delistedAt: string | null;
  readonly delistRef: string | null;
}

/** The latest suspension of operations; `active` until resumption is approved. */
export interface HazardSuspension {
  readonly active: boolean;
  readonly scope: SuspensionScope;
  readonly facilityRef: string | null;
  readonly orderedBy: SuspensionOrder;
  readonly orderRef: string | null;
  readonly suspendedAt: string;
  readonly resumedAt: string | null;
  readonly decisionRef: string | null;
}

/** The latest rectification plan. */
export interface HazardPlan {
  readonly submittedAt: string;
  readonly objectives: string | null;
  readonly measures: readonly string[];
  readonly funding: { readonly amountCny: number | null; readonly source: string | null };
  readonly responsibleOrgUnit: string | null;
  readonly responsiblePersonId: string | null;
  readonly deadline: LocalDate | null;
  readonly safetyMeasures: string | null;
  readonly contingencyPlanRef: string | null;
}

/** The latest assessment; `atVersion` orders it against completions (H-17). */
export interface HazardAssessment {
  readonly atVersion: number;
  readonly assessedAt: string;
  readonly assessorKind: AssessorKind;
  readonly agencyName: string | null;
  readonly reportRef: string;
  readonly conclusion: 'meets' | 'does_not_meet';
}

/** The latest `RectificationCompleted`; `by` is who reported it (H-19 segregation of duties). */
export interface HazardCompletion {
  readonly atVersion: number;
  readonly completedAt: string;
  /** What on-time metrics judge it by: `completedAt`, or the recording time of a late entry (H-30). */
  readonly judgedAt: string;
  readonly by: SafetyActor;
  readonly onSpot: boolean;
}

/** The latest `RectificationVerified`. */
export interface HazardVerification {
  readonly atVersion: number;
  readonly verifiedAt: string;
  /** What the SLA (H-22) judges it by: `verifiedAt`, or the recording time of a late entry (H-30). */
  readonly judgedAt: string;
  readonly outcome: 'passed' | 'failed';
  readonly kind: VerificationKind;
  readonly verifierIds: readonly string[];
  readonly expertIds: readonly string[];
  readonly byRegulator: boolean;
}

/** The latest `VerificationRequested` (H-22). */
export interface HazardVerificationRequest {
  readonly atVersion: number;
  readonly requestedAt: string;
  readonly purpose: VerificationPurpose;
}

/** One referral to another regulator (H-28). */
export interface HazardReferral {
  readonly fromOrgId: string;
  readonly toOrgId: string;
  readonly reason: string;
  readonly referredAt: string;
}

/** A stream with no `HazardRegistered` yet. */
export interface UnregisteredHazard {
  readonly status: 'unregistered';
  /** Events folded (the stream version). */
  readonly version: number;
}

/**
 * A registered hazard: attributes fixed at registration, the lifecycle `status`, and the flags of
 * §4.1. No time-derived fact is stored (G-6, H-29); see `isOverdue` and friends.
 */
export interface RegisteredHazard {
  readonly status: HazardStatus;
  /** Events folded: the stream version of the last event, so `atVersion` fields order events. */
  readonly version: number;
  readonly hazardId: string;
  readonly subject: SubjectRef;
  readonly responsible: ResponsibleParty;
  readonly areaId: string;
  readonly sectorCode: string | null;
  readonly venueCategory: string | null;
  readonly specialties: readonly string[];
  readonly description: string;
  readonly location: string;
  readonly nature: HazardNature;
  readonly grade: HazardGrade;
  readonly majorBasis: MajorBasis | null;
  /** When the hazard last became major (registration or upgrade); the H-11 report clock starts here. */
  readonly majorSince: string | null;
  readonly source: HazardSource;
  readonly discoveredBy: SafetyActor;
  readonly registeredBy: SafetyActor;
  /** Business time of registration: the stream's first `occurredAt` (G-4). */
  readonly registeredAt: string;
  readonly inspectionId: string | null;
  readonly findingId: string | null;
  readonly supervisionItemId: string | null;
  readonly campaignIds: readonly string[];
  /** The deadline set at registration, kept for strict on-time metrics (H-8). */
  readonly originalDeadline: LocalDate;
  /** The effective deadline after approved extensions. */
  readonly deadline: LocalDate;
  readonly deadlineOwner: DeadlineOwner;
  readonly rectificationOrderNo: string | null;
  readonly supervisingOrgId: string;
  readonly safetyNotAssured: boolean;
  readonly recurrenceOf: string | null;
  readonly rectifiedOnSpot: boolean;
  readonly knownToRegulator: boolean;
  /** The first major-hazard report of the current major period (H-11); earlier periods' reports are replaced. */
  readonly reportedToRegulatorAt: string | null;
  /** What H-11 lateness judges that report by: its business time, or the recording time of a late entry (H-30). */
  readonly reportJudgedAt: string | null;
  readonly disclosedToWorkforceAt: string | null;
  readonly disclosureForum: DisclosureForum | null;
  readonly plan: HazardPlan | null;
  readonly listings: readonly HazardListing[];
  readonly suspension: HazardSuspension | null;
  readonly interimControls: readonly InterimMeasure[];
  readonly assessment: HazardAssessment | null;
  readonly verificationRequest: HazardVerificationRequest | null;
  readonly verificationFailures: number;
  readonly completions: number;
  readonly lastCompletion: HazardCompletion | null;
  readonly lastVerification: HazardVerification | null;
  readonly referrals: readonly HazardReferral[];
  readonly closedAt: string | null;
  /** What on-time metrics judge the closure by: `closedAt`, or the recording time of a late entry (H-30). */
  readonly closureJudgedAt: string | null;
  readonly voidedAt: string | null;
  readonly voidReason: string | null;
}

/** The state of a hazard stream. */
export type HazardState = UnregisteredHazard | RegisteredHazard;

/** The state of an empty hazard stream. */
export function initialHazardState(): HazardState {
  return { status: 'unregistered', version: 0 };
}

/** True once the stream holds a `HazardRegistered`. */
export function isRegisteredHazard(state: HazardState): state is RegisteredHazard {
  return state.status !== 'unregistered';
}

/** True for the terminal states `closed` and `voided` (H-7). */
export function isTerminalHazard(state: HazardState): boolean {
  return state.status === 'closed' || state.status === 'voided';
}

/** The listings not yet delisted. */
export function activeListings(state: RegisteredHazard): readonly HazardListing[] {
  return state.listings.filter((listing) => listing.delistedAt === null);
}

/**
 * Folds one hazard event into the state. Total and pure: it never throws, so any stored stream
 * can be read, and it relies on payloads only (not on envelopes).
 */
export function evolveHazard(state: HazardState, event: HazardEvent): HazardState {
  const version = state.version + 1;
  if (event.type === 'HazardRegistered') return registered(event.data, version);
  if (!isRegisteredHazard(state)) return { status: 'unregistered', version };
  return produce(state, (draft) => {
    draft.version = version;
    const at = event.data.occurredAt;
    // H-30: a late entry counts from when it was recorded, not from the date written on it.
    const judgedAt = event.data.lateEntry?.recordedAt ?? at;
    switch (event.type) {
      case 'HazardDetailsCorrected': {
        const { description, location, nature, campaignIds } = event.data;
        if (description !== undefined) draft.description = description;
        if (location !== undefined) draft.location = location;
        if (nature !== undefined) draft.nature = nature;
        if (campaignIds !== undefined) draft.campaignIds = campaignIds;
        return;
      }
      case 'HazardRegraded':
        draft.grade = event.data.to;
        draft.majorBasis = event.data.to === 'major' ? event.data.basis : null;
        draft.majorSince = event.data.to === 'major' ? at : null;
        return;
      case 'RectificationDeadlineExtended':
        draft.deadline = event.data.new;
        return;
      case 'MajorHazardReported':
        draft.knownToRegulator = true;
        // H-11: the report of the current major period counts; after a downgrade and a re-upgrade
        // a report made before the re-upgrade no longer answers for it.
        if (
          draft.reportedToRegulatorAt === null ||
          (draft.majorSince !== null &&
            Date.parse(draft.reportedToRegulatorAt) < Date.parse(draft.majorSince))
        ) {
          draft.reportedToRegulatorAt = at;
          draft.reportJudgedAt = judgedAt;
        }
        return;
      case 'MajorHazardDisclosedToWorkforce':
        draft.disclosedToWorkforceAt ??= at;
        draft.disclosureForum ??= event.data.forum;
        return;
      case 'RectificationPlanSubmitted': {
        const { hazardId: _h, occurredAt: _o, actor: _a, ...plan } = event.data;
        draft.plan = { submittedAt: at, ...plan };
        return;
      }
      case 'HazardListedForSupervision': {
        const { level, authorityOrgId, supervisingOrgId, listingRef, publicized } = event.data;
        draft.listings.push({
          level,
          authorityOrgId,
          supervisingOrgId,
          listingRef,
          publicized,
          listedAt: at,
          delistedAt: null,
          delistRef: null,
        });
        draft.supervisingOrgId = supervisingOrgId;
        return;
      }
      case 'OperationsSuspended': {
        const { scope, facilityRef, orderedBy, orderRef } = event.data;
        draft.suspension = {
          active: true,
          scope,
          facilityRef,
          orderedBy,
          orderRef,
          suspendedAt: at,
          resumedAt: null,
          decisionRef: null,
        };
        return;
      }
      case 'InterimControlsRecorded':
        draft.interimControls = [...new Set([...draft.interimControls, ...event.data.measures])];
        return;
      case 'RectificationCompleted':
        draft.status = 'awaiting_verification';
        draft.completions += 1;
        draft.lastCompletion = {
          atVersion: version,
          completedAt: event.data.completedAt,
          judgedAt: event.data.lateEntry?.recordedAt ?? event.data.completedAt,
          by: event.data.actor,
          onSpot: event.data.onSpot,
        };
        return;
      case 'RectificationAssessed': {
        const { assessorKind, agencyName, reportRef, conclusion } = event.data;
        draft.assessment = {
          atVersion: version,
          assessedAt: at,
          assessorKind,
          agencyName,
          reportRef,
          conclusion,
        };
        return;
      }
      case 'VerificationRequested':
        draft.verificationRequest = {
          atVersion: version,
          requestedAt: at,
          purpose: event.data.purpose,
        };
        return;
      case 'RectificationVerified': {
        const { outcome, kind, verifierIds, expertIds, byRegulator } = event.data;
        draft.lastVerification = {
          atVersion: version,
          verifiedAt: at,
          judgedAt,
          outcome,
          kind,
          verifierIds,
          expertIds,
          byRegulator,
        };
        if (outcome === 'passed') {
          draft.status = 'verified';
        } else {
          draft.status = 'open';
          draft.verificationFailures += 1;
        }
        return;
      }
      case 'OperationsResumed':
        if (draft.suspension !== null) {
          draft.suspension.active = false;
          draft.suspension.resumedAt = at;
          draft.suspension.decisionRef = event.data.decisionRef;
        }
        return;
      case 'HazardDelisted':
        for (const listing of draft.listings) {
          if (listing.level === event.data.level && listing.delistedAt === null) {
            listing.delistedAt = at;
            listing.delistRef = event.data.ref;
          }
        }
        return;
      case 'HazardClosed':
        draft.status = 'closed';
        draft.closedAt = at;
        draft.closureJudgedAt = judgedAt;
        return;
      case 'HazardVoided':
        draft.status = 'voided';
        draft.voidedAt = at;
        draft.voidReason = event.data.reason;
        return;
      case 'HazardReferred': {
        const { fromOrgId, toOrgId, reason } = event.data;
        draft.referrals.push({ fromOrgId, toOrgId, reason, referredAt: at });
        draft.supervisingOrgId = toOrgId;
        if (draft.deadlineOwner.kind === 'regulator')
          draft.deadlineOwner = { kind: 'regulator', orgId: toOrgId };
        return;
      }
    }
  });
}

function registered(
  data: Extract<HazardEvent, { type: 'HazardRegistered' }>['data'],
  version: number,
): RegisteredHazard {
  return {
    status: 'open',
    version,
    hazardId: data.hazardId,
    subject: data.subject,
    responsible: data.responsible,
    areaId: data.areaId,
    sectorCode: data.sectorCode,
    venueCategory: data.venueCategory,
    specialties: data.specialties,
    description: data.description,
    location: data.location,
    nature: data.nature,
    grade: data.grade,
    majorBasis: data.majorBasis,
    majorSince: data.grade === 'major' ? data.occurredAt : null,
    source: data.source,
    discoveredBy: data.discoveredBy,
    registeredBy: data.actor,
    registeredAt: data.occurredAt,
    inspectionId: data.inspectionId,
    findingId: data.findingId,
    supervisionItemId: data.supervisionItemId,
    campaignIds: data.campaignIds,
    originalDeadline: data.deadline,
    deadline: data.deadline,
    deadlineOwner: data.deadlineOwner,
    rectificationOrderNo: data.rectificationOrderNo,
    supervisingOrgId: data.supervisingOrgId,
    safetyNotAssured: data.safetyNotAssured,
    recurrenceOf: data.recurrenceOf,
    rectifiedOnSpot: data.rectifiedOnSpot,
    // H-11: a hazard a regulator found is known to it from the start.
    knownToRegulator: regulatorSources.includes(data.source),
    reportedToRegulatorAt: null,
    reportJudgedAt: null,
    disclosedToWorkforceAt: null,
    disclosureForum: null,
    plan: null,
    listings: [],
    suspension: null,
    interimControls: [],
    assessment: null,
    verificationRequest: null,
    verificationFailures: 0,
    completions: 0,
    lastCompletion: null,
    lastVerification: null,
    referrals: [],
    closedAt: null,
    closureJudgedAt: null,
    voidedAt: null,
    voidReason: null,
  };
}
