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
  type AddMeasureSchema,
  type AssignItemSchema,
  type CloseItemSchema,
  type CompleteMeasureSchema,
  type InvestigationHazard,
  InvestigationHazardSchema,
  type LinkCaseSchema,
  type LinkHazardSchema,
  type ParsedSupervisionItemCommand,
  type ReceiveHandoverSchema,
  type RecordInvestigationSchema,
  type ReplyToPetitionerSchema,
  type ReturnItemSchema,
  type SubmitFeedbackSchema,
  type SupervisionItemCommand,
  SupervisionItemCommandSchema,
  type SupervisionItemCommandType,
} from './supervision-item/commands.js';
export {
  createSupervisionItemDecider,
  type SupervisionItemDecider,
  type SupervisionItemDeciderOptions,
} from './supervision-item/decide.js';
export { describeItemReadiness } from './supervision-item/describe-readiness.js';
export {
  HandoverReceived,
  ItemAssigned,
  ItemCaseLinked,
  ItemClosed,
  ItemFeedbackSubmitted,
  ItemHazardLinked,
  ItemInvestigated,
  ItemReturned,
  MeasureAdded,
  MeasureCompleted,
  PetitionerReplied,
  type SupervisionItemEvent,
  type SupervisionItemEventType,
  supervisionItemEvents,
} from './supervision-item/events.js';
export { investigationHazardId, supervisionItemStreamId } from './supervision-item/item-stream.js';
export { isItemOverdue } from './supervision-item/overdue.js';
export {
  investigationRegistersHazards,
  supervisionItemPolicies,
} from './supervision-item/policies.js';
export {
  createItemHazardsFromStore,
  type ItemHazardsPort,
  type LinkedHazardStatus,
  type SupervisionItemFacts,
} from './supervision-item/ports.js';
export {
  assertReadyForClosure,
  assertReadyForFeedback,
  unclosedHazards,
} from './supervision-item/readiness.js';
export {
  createItemLinksFromStore,
  createItemReadinessNotifier,
  type HazardClosureReevaluatesItemsOptions,
  hazardClosureReevaluatesItems,
  hazardClosureReevaluatesItemsName,
  type ItemLinksPort,
  type ItemReadiness,
  itemReadinessTarget,
  type ReadinessBlock,
} from './supervision-item/readiness-notice.js';
export { supervisionItemRules } from './supervision-item/rules.js';
export {
  evolveSupervisionItem,
  type ItemInvestigation,
  type ItemMeasure,
  type ItemStatus,
  initialSupervisionItemState,
  isReceivedItem,
  type ReceivedItem,
  type SupervisionItemState,
} from './supervision-item/state.js';
export {
  type ClosureAuthority,
  ClosureAuthoritySchema,
  type InvestigationFinding,
  InvestigationFindingSchema,
  type Issuer,
  type IssuerKind,
  IssuerKindSchema,
  IssuerSchema,
  type ItemKind,
  ItemKindSchema,
  isSubstantiated,
} from './supervision-item/values.js';
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
