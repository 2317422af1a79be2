/**
 * @safeledger/core: the event-sourcing kernel (stores, deciders, command handling, upcasting,
 * snapshots, projections) and the work-safety supervision domain built on it.
 * Every public name is listed here; anything not exported from this file is internal.
 */

// ── Kernel ────────────────────────────────────────────────────────────────────────────────
export { toArray } from './eventsourcing/async-iterable.js';
export { canonicalJson } from './eventsourcing/canonical-json.js';
export {
  type CommandHandler,
  type CommandHandlerOptions,
  createCommandHandler,
  type HandledEvent,
  type HandleOptions,
  type HandleResult,
} from './eventsourcing/command-handler.js';
export type {
  CommandOf,
  DecideContext,
  Decider,
  EventOfDecider,
  FactsOf,
  PrepareContext,
  SnapshotPolicy,
  StateOf,
} from './eventsourcing/decider.js';
export {
  type Clock,
  createUlidGenerator,
  type IdGenerator,
  isUlid,
  systemClock,
} from './eventsourcing/defaults.js';
export type {
  AppendRequest,
  EventStoreDriver,
  PreparedEvent,
  ReadAllPage,
  ReadAllPageOptions,
  StreamReadRange,
} from './eventsourcing/driver.js';
export {
  type Actor,
  ActorSchema,
  type AppendOptions,
  type AppendResult,
  type DomainEvent,
  type EventEnvelope,
  type EventMetadata,
  EventMetadataSchema,
  type ExpectedVersion,
  type NewEvent,
  type NewEventOptions,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type StoredEventMetadata,
  streamCategory,
  toStreamId,
} from './eventsourcing/envelope.js';
export {
  CheckpointConflictError,
  ConcurrencyError,
  type ErrorCode,
  IdempotencyConflictError,
  isCheckpointConflictError,
  isConcurrencyError,
  isIdempotencyError,
  isProjectionLaggingError,
  isRuleViolation,
  isSafeledgerError,
  isStoreFailure,
  isTransientStoreFailure,
  isUnknownEventTypeError,
  isUnreadableEventError,
  isValidationError,
  ProjectionLaggingError,
  RuleViolationError,
  SafeledgerError,
  StoreFailureError,
  UnknownEventTypeError,
  UnreadableEventError,
  ValidationError,
  type ValidationIssue,
} from './eventsourcing/errors.js';
export {
  defineEvent,
  defineUpcaster,
  type EventDefinition,
  type EventOf,
  type Upcaster,
} from './eventsourcing/event-definition.js';
export {
  createEventRegistry,
  type EventRegistry,
  type EventRegistryOptions,
  type UnknownEventTypePolicy,
} from './eventsourcing/event-registry.js';
export {
  type AggregateStreamOptions,
  createEventStore,
  type EventStore,
  type EventStoreOptions,
} from './eventsourcing/event-store.js';
export {
  assertExpectedVersion,
  assertValidExpectedVersion,
  matchesExpectedVersion,
} from './eventsourcing/expected-version.js';
export { resolveDuplicateAppend } from './eventsourcing/idempotency.js';
export { SNAPSHOT_COMMAND_WINDOW, snapshotKey } from './eventsourcing/load-aggregate.js';
export {
  defineProcessManager,
  type IssuedCommand,
  type ProcessManager,
  type ReactContext,
  reactionCommandId,
} from './eventsourcing/process-manager.js';
export {
  createProcessManagerRunner,
  type ProcessManagerRunner,
  type ProcessManagerRunnerOptions,
  type RejectedReaction,
} from './eventsourcing/process-manager-runner.js';
export {
  DELETE_DOCUMENT,
  defineProjection,
  type Projection,
  SINGLE_DOCUMENT_ID,
} from './eventsourcing/projection.js';
export {
  compareCodePoints,
  extractFields,
  type FieldColumn,
  fieldSchemaOf,
  type IndexedField,
  type IndexedFields,
  type IndexedFieldType,
  type IndexedFieldValue,
  type IndexedFieldValueOf,
  indexed,
  normaliseFieldValue,
  type ProjectionFieldSchema,
  RESERVED_FIELD_NAMES,
  type ScalarFieldOptions,
} from './eventsourcing/projection-fields.js';
export {
  createProjectionQuery,
  type FieldFilter,
  type FieldTypeOf,
  type FindOptions,
  type FindPage,
  type Group,
  type GroupOptions,
  type IntegerFieldName,
  type Measure,
  type OrderBy,
  type ProjectionQuery,
  projectionFieldSchema,
  type ScalarFieldName,
  type ScalarOf,
  type Where,
  type WideFields,
} from './eventsourcing/projection-query.js';
export {
  type ReferenceRow,
  runReferenceQuery,
} from './eventsourcing/projection-query-reference.js';
export type {
  CountRequest,
  FindRequest,
  FoundRow,
  GroupMeasure,
  GroupRequest,
  GroupRow,
  ProjectionQueryRequest,
  ProjectionQueryResult,
  QueryCondition,
  QueryKeyset,
  QuerySort,
  ScalarValue,
  StoredFields,
} from './eventsourcing/projection-query-request.js';
export {
  type CompiledSql,
  compileProjectionQuery,
  fieldColumn,
  type SqlQueryDialect,
} from './eventsourcing/projection-query-sql.js';
export {
  createProjectionRunner,
  type ProjectionRunner,
  type ProjectionRunnerOptions,
  type ProjectionStatus,
} from './eventsourcing/projection-runner.js';
export type {
  DocumentWrite,
  ProjectionCheckpoint,
  ProjectionCommit,
  ProjectionFailure,
  ProjectionLease,
  ProjectionStore,
} from './eventsourcing/projection-store.js';
export { type RetryPolicy, withRetry } from './eventsourcing/retry.js';
export type { Snapshot, SnapshotCommand, SnapshotStore } from './eventsourcing/snapshot-store.js';
export {
  findUnstorable,
  identifierProblem,
  STORE_LIMITS,
  type StorableProblem,
  textProblem,
} from './eventsourcing/store-limits.js';
export type {
  SubscribeOptions,
  Subscription,
  SubscriptionHandler,
} from './eventsourcing/subscription.js';
export { type Alarm, createAlarm, sleep } from './eventsourcing/timers.js';
export {
  type ClaimResult,
  createUniqueKeys,
  UniqueKeyClaimed,
  UniqueKeyReleased,
  type UniqueKeys,
  type UniqueKeysOptions,
  uniqueKeyEvents,
} from './eventsourcing/unique-keys.js';
export * from './safety/activity/index.js';
// ── Domain: safety ────────────────────────────────────────────────────────────────────────
export {
  addDays,
  compareLocalDates,
  daysBetween,
  epochDay,
  isLocalDate,
  type LocalDate,
  LocalDateSchema,
} from './safety/calendar/local-date.js';
export {
  endOfLocalDay,
  isOnOrBeforeLocalDate,
  isValidTimeZone,
  localDateOf,
  startOfLocalDay,
  timeZoneOffsetMs,
} from './safety/calendar/time-zone.js';
// ── Domain: the enterprise registry and the asynchronous directory it feeds ─────────────────
export {
  type CachedDirectorySource,
  type CachedDirectorySourceOptions,
  createCachedDirectorySource,
} from './safety/directory/cached-directory-source.js';
export type { Directory } from './safety/directory/directory.js';
export {
  type DirectoryDecision,
  directoryDecision,
} from './safety/directory/directory-decision.js';
export {
  type DirectoryRecordKind,
  type DirectoryRecords,
  type DirectoryRecordTypes,
  type DirectoryRequest,
  type DirectorySource,
  directoryRecordKinds,
  directorySourceOf,
  isDirectorySource,
} from './safety/directory/directory-source.js';
export {
  createInMemoryDirectory,
  type DirectoryData,
  DirectoryDataSchema,
  type InMemoryDirectory,
} from './safety/directory/in-memory-directory.js';
export {
  type LoadDirectoryFactsOptions,
  loadDirectoryFacts,
} from './safety/directory/load-directory-facts.js';
export {
  isRegulator,
  type Organization,
  type OrganizationKind,
  OrganizationKindSchema,
  type OrganizationLevel,
  OrganizationLevelSchema,
  OrganizationSchema,
  regulatorKinds,
} from './safety/directory/organization.js';
export { type PersonRecord, PersonRecordSchema } from './safety/directory/person.js';
export {
  classifySubject,
  enterprisesOfSubject,
  identityProblem,
  identityRefusal,
  isActorInScope,
  operatesVenue,
  orgCoversArea,
  orgCoversSubject,
} from './safety/directory/scope.js';
export {
  type SubjectClassification,
  type SubjectKind,
  type SubjectRef,
  SubjectRefSchema,
} from './safety/directory/subject.js';
export {
  type Area,
  AreaSchema,
  type EnterpriseRecord,
  EnterpriseRecordSchema,
  type SiteRecord,
  SiteRecordSchema,
  type VenueRecord,
  VenueRecordSchema,
} from './safety/directory/subject-records.js';
export * from './safety/duty/index.js';
export * from './safety/emergency-plan/index.js';
// ── Domain: enforcement case (§4.2) ──────────────────────────────────────────────────────────
export {
  type CaseFiling,
  caseNumberKey,
  caseNumberScope,
  createCaseFiling,
} from './safety/enforcement-case/case-filing.js';
export { caseStreamId } from './safety/enforcement-case/case-stream.js';
export {
  type ClosureWatchEntry,
  closureWatch,
  type MajorHazardDecision,
} from './safety/enforcement-case/closure-watch.js';
export {
  AddRespondentSchema,
  CloseCaseSchema,
  CompleteLegalReviewSchema,
  type DecidePenalty,
  DecidePenaltySchema,
  DismissCaseSchema,
  type EnforcementCaseCommand,
  EnforcementCaseCommandSchema,
  type EnforcementCaseCommandType,
  ExtendDecisionDeadlineSchema,
  type FileCase,
  FileCaseSchema,
  HoldHearingSchema,
  LinkHazardToCaseSchema,
  type ParsedEnforcementCaseCommand,
  RecordEvidenceSchema,
  RecordHearingRequestSchema,
  RecordPenaltyPerformedSchema,
  RecordStatementAndDefenceSchema,
  RequestCourtEnforcementSchema,
  ServeDecisionSchema,
  type ServePreDecisionNotice,
  ServePreDecisionNoticeSchema,
  TransferCaseSchema,
  WaiveHearingSchema,
} from './safety/enforcement-case/commands.js';
export {
  createEnforcementCaseDecider,
  type EnforcementCaseDecider,
  type EnforcementCaseDeciderOptions,
} from './safety/enforcement-case/decide.js';
export { caseNumberYear } from './safety/enforcement-case/decide-filing.js';
export { isDualPenalty, isDualPenaltyCase } from './safety/enforcement-case/dual-penalty.js';
export {
  CaseClosed,
  CaseDeadlineExtended,
  CaseDismissed,
  CaseFiled,
  CaseHazardLinked,
  CaseTransferred,
  CourtEnforcementRequested,
  type EnforcementCaseEvent,
  type EnforcementCaseEventType,
  EvidenceRecorded,
  enforcementCaseEvents,
  HearingHeld,
  HearingRequested,
  HearingWaived,
  LegalReviewCompleted,
  PenaltyDecisionIssued,
  PenaltyDecisionServed,
  PenaltyPerformed,
  PreDecisionNoticeServed,
  RespondentAdded,
  StatementAndDefenceRecorded,
} from './safety/enforcement-case/events.js';
export type {
  EnforcementCaseFacts,
  HazardFacts,
  HazardFactsPort,
  InspectionFactsPort,
  SourceInspectionFacts,
  SourceInspectionKind,
} from './safety/enforcement-case/facts.js';
export {
  createHazardFactsFromStore,
  hazardFactsOf,
} from './safety/enforcement-case/hazard-facts-from-store.js';
export { createInspectionFactsFromStore } from './safety/enforcement-case/inspection-facts-from-store.js';
export { caseCommandStates } from './safety/enforcement-case/lifecycle.js';
export {
  defaultPenaltyBasisEntries,
  defaultPenaltyBasisTable,
  definePenaltyBasisTable,
  type FineBound,
  FineBoundSchema,
  fineBoundFor,
  type PenaltyBasis,
  PenaltyBasisSchema,
  type PenaltyBasisTable,
  PenaltyBasisTableSchema,
} from './safety/enforcement-case/penalty-basis.js';
export { enforcementCaseRules } from './safety/enforcement-case/rules.js';
export {
  type CaseDecision,
  type CaseHazardLink,
  type CaseStatus,
  type DecidedPenalty,
  type EnforcementCaseState,
  evolveEnforcementCase,
  type FiledCase,
  initialEnforcementCaseState,
  isExecuted,
  isFiledCase,
  isTerminalCase,
  type NotifiedPenalty,
  type PenaltySettlement,
  penalisedRefs,
  type RespondentProcedure,
  respondentOf,
  type UnfiledCase,
} from './safety/enforcement-case/state.js';
export {
  createSuspensionOnDecisionPolicy,
  suspensionOnDecisionName,
} from './safety/enforcement-case/suspension-policy.js';
export {
  decisionDueDate,
  decisionServiceDueDate,
  hearingWindowEnd,
  isAfterLocalDay,
  isDecisionOverdue,
  lateServices,
  statementWindowEnd,
} from './safety/enforcement-case/time-facts.js';
export {
  amountPenaltyKinds,
  type CaseSource,
  CaseSourceSchema,
  type DismissalReason,
  DismissalReasonSchema,
  durationPenaltyKinds,
  type EvidenceKind,
  EvidenceKindSchema,
  hearingPenaltyKinds,
  type LegalReviewOpinion,
  LegalReviewOpinionSchema,
  legalReviewPenaltyKinds,
  type Penalty,
  type PenaltyKind,
  PenaltyKindSchema,
  type PenaltyPerformance,
  PenaltyPerformanceSchema,
  PenaltySchema,
  type Respondent,
  type RespondentKind,
  RespondentKindSchema,
  type RespondentRole,
  RespondentRoleSchema,
  RespondentSchema,
  type ServiceMethod,
  ServiceMethodSchema,
  type TransferKind,
  TransferKindSchema,
} from './safety/enforcement-case/values.js';
export {
  AppointSafetyOfficerSchema,
  AwardStandardizationGradeSchema,
  ChangePrincipalSchema,
  CloseEnterpriseSchema,
  type EnterpriseCommand,
  EnterpriseCommandSchema,
  EstablishEmergencyTeamSchema,
  FileRiskReportSchema,
  type ParsedEnterpriseCommand,
  RegisterEnterpriseSchema,
  RevokeStandardizationGradeSchema,
  SubmitHazardStatisticsSchema,
  UpdateEnterpriseProfileSchema,
} from './safety/enterprise/commands.js';
export {
  createEnterpriseDecider,
  type EnterpriseDecider,
  type EnterpriseDeciderOptions,
} from './safety/enterprise/decide.js';
export { enterpriseStreamId } from './safety/enterprise/enterprise-stream.js';
export {
  EmergencyTeamEstablished,
  EnterpriseClosed,
  type EnterpriseEvent,
  type EnterpriseEventType,
  EnterpriseProfileUpdated,
  EnterpriseRegistered,
  enterpriseEvents,
  HazardStatisticsSubmitted,
  PrincipalChanged,
  RiskReportFiled,
  SafetyOfficerAppointed,
  StandardizationGradeAwarded,
  StandardizationGradeRevoked,
} from './safety/enterprise/events.js';
export {
  createEnterpriseRegistrar,
  type EnterpriseRegistrar,
  type EnterpriseRegistrarOptions,
  usccScope,
} from './safety/enterprise/registrar.js';
export {
  createRegistryDirectorySource,
  type RegistryDirectorySourceOptions,
} from './safety/enterprise/registry/registry-directory.js';
export {
  type RegistryEnterpriseDocument,
  type RegistryPersonDocument,
  registryEnterpriseProjection,
  registryPeopleProjection,
  registryProjections,
} from './safety/enterprise/registry/registry-projections.js';
export { enterpriseRules } from './safety/enterprise/rules.js';
export {
  currentAward,
  type EnterpriseState,
  type EnterpriseStatus,
  evolveEnterprise,
  initialEnterpriseState,
  isRegisteredEnterprise,
  type RegisteredEnterprise,
  type RiskReport,
  type StandardizationAward,
  type StatisticsFiling,
} from './safety/enterprise/state.js';
export {
  addYears,
  type FilingStatus,
  isAwardValidAt,
  isRiskReportLate,
  type PeriodBounds,
  periodicRiskReportStatus,
  riskReportDueOn,
  statisticsFilingStatus,
  statisticsPeriodBounds,
  validGradeAt,
} from './safety/enterprise/time-facts.js';
export {
  isValidUscc,
  type UsccProblem,
  usccAlphabet,
  usccCheckCharacter,
  usccProblem,
} from './safety/enterprise/uscc.js';
export {
  type HazardStatisticsCounts,
  HazardStatisticsCountsSchema,
  type RegistryPerson,
  RegistryPersonSchema,
  type RiskLevel,
  RiskLevelSchema,
  type RiskReportType,
  RiskReportTypeSchema,
  type StandardizationGrade,
  StandardizationGradeSchema,
  type StatisticsPeriod,
  StatisticsPeriodSchema,
} from './safety/enterprise/values.js';
export { assertBusinessTime, businessTimeToleranceMs } from './safety/general/business-time.js';
// G-5 refusals: typed reason codes with bilingual templates.
export {
  type DescribeForbiddenOptions,
  describeForbidden,
  describeForbiddenActor,
} from './safety/general/describe-forbidden.js';
export { forbidden, forbiddenFor } from './safety/general/forbidden.js';
export {
  defineForbiddenReasons,
  type ForbiddenReason,
  type ForbiddenReasonValues,
  type ForbiddenRefusal,
  type ForbiddenValuesArg,
  forbiddenReasonProblem,
  forbiddenReasons,
  forbiddenReservedDetails,
  isForbiddenReason,
} from './safety/general/forbidden-reasons.js';
export { generalRules } from './safety/general/general-rules.js';
export { type Instant, InstantSchema } from './safety/general/instant.js';
export type { ReadonlyInput } from './safety/general/readonly-input.js';
export {
  type ClosurePrerequisite,
  closureBlockers,
} from './safety/hazard/closure.js';
export {
  type ApproveResumption,
  ApproveResumptionSchema,
  type CloseHazard,
  CloseHazardSchema,
  type CompleteRectification,
  CompleteRectificationSchema,
  type CorrectHazardDetails,
  CorrectHazardDetailsSchema,
  type DelistHazard,
  DelistHazardSchema,
  type DiscloseMajorHazardToWorkforce,
  DiscloseMajorHazardToWorkforceSchema,
  type ExtendRectificationDeadline,
  ExtendRectificationDeadlineSchema,
  type HazardCommand,
  HazardCommandSchema,
  type HazardCommandType,
  type ListForSupervision,
  ListForSupervisionSchema,
  type ParsedHazardCommand,
  type RecordInterimControls,
  RecordInterimControlsSchema,
  type RecordRectificationAssessment,
  RecordRectificationAssessmentSchema,
  type ReferHazard,
  ReferHazardSchema,
  type RegisterHazard,
  RegisterHazardSchema,
  type RegradeHazard,
  RegradeHazardSchema,
  type ReportMajorHazard,
  ReportMajorHazardSchema,
  type RequestVerification,
  RequestVerificationSchema,
  type SubmitRectificationPlan,
  SubmitRectificationPlanSchema,
  type SuspendOperations,
  SuspendOperationsSchema,
  type VerifyRectification,
  VerifyRectificationSchema,
  type VoidHazard,
  VoidHazardSchema,
} from './safety/hazard/commands.js';
export {
  createHazardDecider,
  type HazardDecider,
  type HazardDeciderOptions,
} from './safety/hazard/decide.js';
export {
  HazardClosed,
  HazardDelisted,
  HazardDetailsCorrected,
  type HazardEvent,
  type HazardEventType,
  HazardListedForSupervision,
  HazardReferred,
  HazardRegistered,
  HazardRegraded,
  HazardVoided,
  hazardEvents,
  InterimControlsRecorded,
  MajorHazardDisclosedToWorkforce,
  MajorHazardReported,
  OperationsResumed,
  OperationsSuspended,
  RectificationAssessed,
  RectificationCompleted,
  RectificationDeadlineExtended,
  RectificationPlanSubmitted,
  RectificationVerified,
  VerificationRequested,
} from './safety/hazard/events.js';
export { hazardStreamId } from './safety/hazard/hazard-stream.js';
export { hazardCommandStates } from './safety/hazard/lifecycle.js';
export { isCompletePlan, type PlanElement, planGaps } from './safety/hazard/plan.js';
export { hazardRules } from './safety/hazard/rules.js';
export {
  activeListings,
  evolveHazard,
  type HazardAssessment,
  type HazardCompletion,
  type HazardListing,
  type HazardPlan,
  type HazardReferral,
  type HazardState,
  type HazardStatus,
  type HazardSuspension,
  type HazardVerification,
  type HazardVerificationRequest,
  initialHazardState,
  isRegisteredHazard,
  isTerminalHazard,
  type RegisteredHazard,
  type UnregisteredHazard,
} from './safety/hazard/state.js';
export {
  daysOverdue,
  deadlineMetAt,
  isDeadlineMet,
  isMajorReportLate,
  isOverdue,
  isVerificationSlaBreached,
  majorReportDueAt,
  verificationDueDate,
} from './safety/hazard/time-facts.js';
export {
  type AssessorKind,
  AssessorKindSchema,
  type DeadlineOwner,
  DeadlineOwnerSchema,
  type DisclosureForum,
  DisclosureForumSchema,
  type HazardGrade,
  HazardGradeSchema,
  type HazardNature,
  HazardNatureSchema,
  type HazardSource,
  HazardSourceSchema,
  type InterimMeasure,
  InterimMeasureSchema,
  type ListingLevel,
  ListingLevelSchema,
  type MajorBasis,
  MajorBasisSchema,
  type ResponsibleParty,
  ResponsiblePartySchema,
  regulatorDeadlineSources,
  regulatorSources,
  type SuspensionOrder,
  SuspensionOrderSchema,
  type SuspensionScope,
  SuspensionScopeSchema,
  type VerificationKind,
  VerificationKindSchema,
  type VerificationPurpose,
  VerificationPurposeSchema,
} from './safety/hazard/values.js';
export {
  type VerifierSide,
  type VerifierStanding,
  verifierSide,
  verifierStanding,
} from './safety/hazard/verifiers.js';
// ── Domain: languages (zh-CN and en): messages, Intl formatting, vocabulary ─────────────────
export {
  type FormatMessageOptions,
  formatMessage,
  type LabelResolver,
} from './safety/i18n/format-message.js';
export {
  type DateStyle,
  type FormatInstantOptions,
  formatCny,
  formatInstant,
  formatList,
  formatLocalDate,
  formatNumber,
} from './safety/i18n/intl-format.js';
export {
  type BilingualText,
  intlLocale,
  isLocale,
  type Locale,
  LocaleSchema,
  locales,
  textIn,
} from './safety/i18n/locale.js';
export type { MessageArgs, MessageScalar, MessageValue } from './safety/i18n/message-args.js';
export {
  type MessagePart,
  messageArguments,
  messageLabelGroups,
  parseMessage,
  type SimpleFormat,
} from './safety/i18n/message-syntax.js';
export type { LabelEntry, LabelGroupEntries } from './safety/i18n/vocabulary/label-entry.js';
export {
  defineVocabulary,
  isLabelGroup,
  isLabelKey,
  type LabelGroup,
  type LabelKey,
  label,
  labelProblem,
  vocabulary,
  vocabularyLabels,
} from './safety/i18n/vocabulary.js';
// ── Domain: safety (continued), including the bilingual rule catalogs ────────────────────────
export {
  type CheckFrequency,
  CheckFrequencySchema,
  createSupervisionPolicy,
  type DualPenaltyRole,
  DualPenaltyRoleSchema,
  type RateFormat,
  RateFormatSchema,
  type RateMetricId,
  RateMetricIdSchema,
  type RateMode,
  RateModeSchema,
  rateFormatFor,
  type SupervisionPolicy,
  type SupervisionPolicyInput,
  SupervisionPolicySchema,
} from './safety/policy/supervision-policy.js';
export { formatMetricRate, formatRate, NO_RATE } from './safety/rates/format-rate.js';
export { type Rate, rateOf, rateValue } from './safety/rates/rate.js';
export {
  type ActivityDimension,
  type ActivityFigureFilter,
  type ActivityTotals,
  type ApproximateFigure,
  createActivityFigures,
  type LocalPeriod,
} from './safety/read-models/activity-figures.js';
export {
  ACTIVITY_LEDGER,
  type ActivityLedgerRow,
  activityLedgerEventTypes,
  activityLedgerFields,
  createActivityLedgerProjection,
} from './safety/read-models/activity-ledger.js';
export {
  type CaseDimension,
  type CaseFigureFilter,
  type CaseStatistics,
  type CasesByPenaltyKind,
  createCaseFigures,
} from './safety/read-models/case-figures.js';
export {
  CASE_LEDGER,
  type CaseLedgerRow,
  type CaseSourceKind,
  caseLedgerEventTypes,
  caseLedgerFields,
  createCaseLedgerProjection,
  toFen,
} from './safety/read-models/case-ledger.js';
export {
  type CoverageShift,
  createDutyCoverageProjection,
  DUTY_COVERAGE,
  type DutyCoverageRow,
  dutyCoverageEventTypes,
  dutyCoverageFields,
} from './safety/read-models/duty-coverage.js';
export {
  createDutyFigures,
  type DutyCoverage,
  type DutyDay,
  type DutyFigureFilter,
} from './safety/read-models/duty-figures.js';
// Read models P-18 (multi-tenant site compliance) and P-19 (enterprise compliance).
export {
  createEnterpriseComplianceProjection,
  createEnterpriseFilingsProjection,
  ENTERPRISE_COMPLIANCE,
  ENTERPRISE_FILINGS,
  type EnterpriseComplianceRow,
  type EnterpriseFilingKind,
  type EnterpriseFilingRow,
  enterpriseComplianceEventTypes,
  enterpriseComplianceFields,
  enterpriseFilingEventTypes,
  enterpriseFilingFields,
} from './safety/read-models/enterprise-compliance-ledger.js';
export {
  createEnterpriseFigures,
  type StatisticsFilings,
} from './safety/read-models/enterprise-figures.js';
export {
  createHandoverFigures,
  type HandoverFigureFilter,
  type HandoverStatus,
} from './safety/read-models/handover-figures.js';
export {
  createHandoverLedgerProjection,
  HANDOVER_LEDGER,
  type HandoverDimension,
  type HandoverHazardRow,
  type HandoverItemRow,
  type HandoverLedgerEvent,
  type HandoverLedgerRow,
  type HandoverMeasureRow,
  type HandoverUnitRow,
  handoverItemRowId,
  handoverLedgerEventTypes,
  handoverLedgerFields,
} from './safety/read-models/handover-ledger.js';
export {
  type BacklogRow,
  type CohortRate,
  createHazardFigures,
  type HazardDimension,
  type HazardFigureFilter,
  type OnTimeRate,
  type OverdueRow,
} from './safety/read-models/hazard-figures.js';
export {
  createHazardLedgerProjection,
  HAZARD_LEDGER,
  type HazardLedgerEvent,
  type HazardLedgerRow,
  hazardLedgerEventTypes,
  hazardLedgerFields,
} from './safety/read-models/hazard-ledger.js';
// Inspection read models: P-9 inspection coverage and P-8 source mix and detection density.
export {
  createInspectionFigures,
  type DetectionDensity,
  type InspectionCoverageFigures,
  type InspectionDimension,
  type InspectionFigureFilter,
  type SelfFoundShare,
} from './safety/read-models/inspection-figures.js';
export {
  createInspectionLedgerProjection,
  INSPECTION_LEDGER,
  type InspectionLedgerRow,
  inspectionLedgerEventTypes,
  inspectionLedgerFields,
  inspectionTeamKey,
} from './safety/read-models/inspection-ledger.js';
export {
  createPlanLedgerProjection,
  PLAN_LEDGER,
  type PlanVersionRow,
  planLedgerEventTypes,
  planLedgerFields,
  planVersionDocumentId,
} from './safety/read-models/plan-ledger.js';
export {
  createResponsibilityFigures,
  type ResponsibilityCoverage,
  type ResponsibilityFigureFilter,
} from './safety/read-models/responsibility-figures.js';
export {
  createResponsibilityLedgerProjection,
  RESPONSIBILITY_LEDGER,
  type ResponsibilityLedgerRow,
  responsibilityLedgerFields,
} from './safety/read-models/responsibility-ledger.js';
export {
  createSiteFigures,
  type SiteCompliance,
  type SiteFigureFilter,
} from './safety/read-models/site-figures.js';
export {
  createSiteLedgerProjection,
  SITE_LEDGER,
  type SiteLedgerRow,
  type SiteLedgerRowKind,
  siteLedgerEventTypes,
  siteLedgerFields,
} from './safety/read-models/site-ledger.js';
export {
  type CalendarPeriod,
  createVenueFigures,
  type VenueCoverageRate,
  type VenueFigureFilter,
  type VenueMarkingRates,
  type VenueStatistics,
} from './safety/read-models/venue-figures.js';

export {
  createVenueRegisterProjection,
  type MarkingSpan,
  VENUE_REGISTER,
  type VenueRegisterEvent,
  type VenueRegisterRow,
  venueRegisterEventTypes,
  venueRegisterFields,
} from './safety/read-models/venue-register.js';
export {
  type AcknowledgeAssignment,
  AcknowledgeAssignmentSchema,
  type AddDuty,
  AddDutySchema,
  type CompleteDuty,
  CompleteDutySchema,
  type DesignateSafetyStaff,
  DesignateSafetyStaffSchema,
  type DraftAssignment,
  DraftAssignmentSchema,
  type IssueAssignment,
  IssueAssignmentSchema,
  type ParsedResponsibilityCommand,
  type RemoveDuty,
  RemoveDutySchema,
  type ReportDutyProgress,
  ReportDutyProgressSchema,
  type ResponsibilityCommand,
  ResponsibilityCommandSchema,
  type ResponsibilityCommandType,
  type ReviewPerformance,
  ReviewPerformanceSchema,
  type ReviseAssignment,
  ReviseAssignmentSchema,
  type RevokeSafetyStaff,
  RevokeSafetyStaffSchema,
  type SupersedeAssignment,
  SupersedeAssignmentSchema,
} from './safety/responsibility/commands.js';
export { dualDutyGaps } from './safety/responsibility/content.js';
export {
  createResponsibilityDecider,
  type ResponsibilityDecider,
  type ResponsibilityDeciderOptions,
} from './safety/responsibility/decide.js';
export {
  type DivisionLead,
  type DivisionLeadCoverage,
  divisionLeadCoverage,
} from './safety/responsibility/division-coverage.js';
export {
  AssignmentAcknowledged,
  AssignmentDrafted,
  AssignmentIssued,
  AssignmentRevised,
  AssignmentSuperseded,
  DutyAdded,
  DutyCompleted,
  DutyProgressReported,
  DutyRemoved,
  PerformanceReviewed,
  type ResponsibilityEvent,
  type ResponsibilityEventType,
  responsibilityEvents,
  SafetyStaffDesignated,
  SafetyStaffRevoked,
} from './safety/responsibility/events.js';
export { responsibilityCommandStates } from './safety/responsibility/lifecycle.js';
export { responsibilityStreamId } from './safety/responsibility/responsibility-stream.js';
export { responsibilityRules } from './safety/responsibility/rules.js';
export {
  type AssignmentRevision,
  type AssignmentStatus,
  activeStaff,
  applyDutyChanges,
  evolveResponsibility,
  initialResponsibilityState,
  isStartedAssignment,
  leadCodes,
  type ResponsibilityState,
  type StaffDesignation,
  type StartedAssignment,
  type UnstartedAssignment,
} from './safety/responsibility/state.js';
export {
  isAfterPeriod,
  isAssignmentExpired,
  isDutyOverdue,
  isStaffingSatisfied,
  periodEnd,
} from './safety/responsibility/time-facts.js';
export {
  assigneeKey,
  createResponsibilityAssignmentService,
  heldKeys,
  leadKey,
  RESPONSIBILITY_KEY_SCOPE,
  type ResponsibilityAssignmentService,
  type ResponsibilityAssignmentServiceOptions,
} from './safety/responsibility/uniqueness.js';
export {
  type Assignee,
  type AssigneeKind,
  AssigneeKindSchema,
  AssigneeSchema,
  type Duty,
  type DutyChange,
  DutyChangeSchema,
  type DutyInput,
  type DutyKind,
  DutyKindSchema,
  type DutyRole,
  DutyRoleSchema,
  DutySchema,
  divisionListKinds,
  dualDutyKinds,
  LEAD_OVERALL,
  type ListKind,
  ListKindSchema,
  type PerformanceRating,
  PerformanceRatingSchema,
  type Period,
  PeriodSchema,
} from './safety/responsibility/values.js';
export { describeActor, type SafetyActor, SafetyActorSchema } from './safety/roles/actor.js';
export {
  enterpriseRoles,
  isEnterpriseRole,
  isRegulatorOfficerRole,
  organizationRoles,
  type Role,
  RoleSchema,
  regulatorOfficerRoles,
} from './safety/roles/role.js';
export { findRule, ruleCatalogs } from './safety/rules/catalog-registry.js';
export {
  type DescribableViolation,
  type DescribeViolationOptions,
  describeViolation,
} from './safety/rules/describe-violation.js';
export {
  ruleViolation,
  type ViolationDetailsArg,
  type ViolationFactory,
  type ViolationValues,
  violationFactory,
} from './safety/rules/raise-violation.js';
export { type RenderRuleTableOptions, renderRuleTable } from './safety/rules/render-rule-table.js';
export {
  defineRuleCatalog,
  type EnglishOnlyRuleEntry,
  type PolicyKey,
  policyValue,
  type RuleBasis,
  type RuleCatalog,
  type RuleEnforcement,
  type RuleEntry,
  type RuleIdOf,
  type RuleInForce,
  type RuleOf,
  type RuleScope,
  type RuleWithViolation,
  ruleEntryProblems,
  type ViolationKeyOf,
  type ViolationTemplates,
  violationNames,
} from './safety/rules/rule-catalog.js';
export { ruleCatalog, rulesInForce } from './safety/rules/rules-in-force.js';
// Aggregates of §4.7 and §4.9 (multi-tenant sites, activities, emergency plans, duty rosters).
export * from './safety/site/index.js';
// Inspection, SupervisionItem, Venue (spec §4.4–§4.6), their policies and ports.
export * from './safety/slice-inspection-item-venue.js';
