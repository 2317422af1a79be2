/**
 * Public exports of the Inspection, SupervisionItem and Venue aggregates (spec §4.4–§4.6), their
 * policies and the read-model ports their cross-aggregate preconditions use (G-9). Kept in one
 * module so the package index lists them with a single line.
 */
export {
  type CancelInspectionSchema,
  type CompleteInspectionSchema,
  type ImposeOnSiteMeasureSchema,
  type InspectionCommand,
  InspectionCommandSchema,
  type InspectionCommandType,
  type IssueRectificationOrderSchema,
  type ParsedInspectionCommand,
  type RecordFindingSchema,
  type ScheduleInspectionSchema,
  type StartInspectionSchema,
} from './inspection/commands.js';
export {
  type CompletedInspectionFact,
  type InspectionCoverage,
  inspectionCoverage,
} from './inspection/coverage.js';
export {
  createInspectionDecider,
  type InspectionDecider,
  type InspectionDeciderOptions,
} from './inspection/decide.js';
export {
  FindingRecorded,
  InspectionCancelled,
  InspectionCompleted,
  type InspectionEvent,
  type InspectionEventType,
  InspectionScheduled,
  InspectionStarted,
  inspectionEvents,
  OnSiteMeasureImposed,
  RectificationOrderIssued,
} from './inspection/events.js';
export { inspectionStreamId } from './inspection/inspection-stream.js';
export {
  findingHazardId,
  findingRegistersHazard,
  type InspectionPolicyPorts,
  inspectionPolicies,
  measureSuspendsHazards,
  orderSetsHazardDeadlines,
} from './inspection/policies.js';
export type {
  InspectionFacts,
  SubjectStatus,
  SubjectStatusPort,
} from './inspection/ports.js';
export { inspectionRules } from './inspection/rules.js';
export {
  evolveInspection,
  type InspectionFinding,
  type InspectionInstrument,
  type InspectionState,
  type InspectionStatus,
  initialInspectionState,
  isScheduledInspection,
  type ScheduledInspection,
  uncoveredMajorFindings,
} from './inspection/state.js';
export {
  hazardSourceOfInspection,
  type InspectionKind,
  InspectionKindSchema,
  type InspectionMode,
  InspectionModeSchema,
  type OnSiteMeasureKind,
  OnSiteMeasureKindSchema,
  orderRequiredKinds,
} from './inspection/values.js';
export { freshValue, type ReadModelAnswer } from './ports/fresh-answer.js';
export { createStreamHead, type StreamHead } from './ports/stream-heads.js';
export {
  type DeregisterVenueSchema,
  type MarkResponsiblePartySchema,
  type ParsedVenueCommand,
  type RecordPatrolSchema,
  type RecordSelfCheckSchema,
  type RegisterVenueSchema,
  type UnmarkResponsiblePartySchema,
  type UpdateVenueProfileSchema,
  type VenueCommand,
  VenueCommandSchema,
  type VenueCommandType,
} from './venue/commands.js';
export {
  createVenueDecider,
  type VenueDecider,
  type VenueDeciderOptions,
} from './venue/decide.js';
export {
  VenueDeregistered,
  type VenueEvent,
  type VenueEventType,
  VenuePatrolled,
  VenueProfileUpdated,
  VenueRegistered,
  VenueResponsiblePartyMarked,
  VenueResponsiblePartyUnmarked,
  VenueSelfCheckCompleted,
  venueEvents,
} from './venue/events.js';
export {
  normaliseVenueText,
  venueNameAddressKey,
  venueUsccKey,
} from './venue/normalise.js';
export { countsAsVenuePatrol, type PatrolEvidence } from './venue/patrol-count.js';
export type { CategoryLeadPort, VenueFacts, VenueHazardsPort } from './venue/ports.js';
export {
  createVenueRegistry,
  type VenueRegistry,
  type VenueRegistryOptions,
} from './venue/registry.js';
export { venueRules } from './venue/rules.js';
export {
  evolveVenue,
  hasInvalidIndustryMarking,
  initialVenueState,
  isRegisteredVenue,
  markedIds,
  type RegisteredVenue,
  type VenueMarkings,
  type VenueState,
} from './venue/state.js';
export {
  type MarkingRole,
  MarkingRoleSchema,
  markingOrgKind,
  type PatrolKind,
  PatrolKindSchema,
  type RiskColor,
  RiskColorSchema,
  type VenueCategory,
  VenueCategorySchema,
  type VenueOperatorInfo,
  VenueOperatorSchema,
} from './venue/values.js';
export { venueStreamId } from './venue/venue-stream.js';
