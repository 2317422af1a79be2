/** @safeledger/testing: property-test and specify your safeledger rules. */

export {
  type AcceptedPrediction,
  accepted,
  type DeciderModel,
  type ModelContext,
  type Prediction,
  type RejectedPrediction,
  rejected,
} from './decider-model.js';
export {
  type DeciderSpec,
  DeciderSpecError,
  type DeciderSpecOptions,
  type DeciderSpecOutcome,
  type DeciderSpecWhen,
  deciderSpec,
  historyOf,
} from './decider-spec.js';
export { type ExpectCoverageOptions, expectCoverage } from './expect-coverage.js';
export {
  type GivenEvent,
  type ProjectionSpec,
  ProjectionSpecError,
  type ProjectionSpecFailure,
  type ProjectionSpecOptions,
  type ProjectionSpecOutcome,
  projectionSpec,
} from './projection-spec.js';
export {
  type ActivityCommandArbitraryOptions,
  activityCommandArbitrary,
} from './safety/activity-command-arbitraries.js';
export {
  type SafetyActorArbitraryOptions,
  safetyActorArbitrary,
} from './safety/actor-arbitraries.js';
export {
  type CasePolicyInvariant,
  type CasePolicyView,
  casePolicyInvariants,
} from './safety/case-policy-invariants.js';
export {
  type DutyRosterCommandArbitraryOptions,
  dutyRosterCommandArbitrary,
  dutyRosterScheduleArbitrary,
  type RosterFlaw,
} from './safety/duty-command-arbitraries.js';
export {
  type DutyPolicyInvariant,
  type DutyPolicyView,
  dutyPolicyInvariants,
} from './safety/duty-policy-invariants.js';
export {
  type CaseCommandArbitraryOptions,
  caseCommandArbitrary,
  caseHistoryArbitrary,
  casePenaltyArbitrary,
  caseRespondentRefs,
} from './safety/enforcement-case-arbitraries.js';
export {
  createSampleRegistryDirectory,
  invalidUsccArbitrary,
  registerEnterpriseArbitrary,
  sampleRegistrar,
  usccArbitrary,
} from './safety/enterprise-arbitraries.js';
export {
  type EnterprisePolicyInvariant,
  type EnterprisePolicyView,
  enterprisePolicyInvariants,
} from './safety/enterprise-policy-invariants.js';
export {
  type HazardCommandArbitraryOptions,
  hazardCommandArbitrary,
  hazardCommandCandidates,
  invalidHazardCommandArbitrary,
  registerHazardArbitrary,
  validHazardCommandArbitrary,
  type WeightedHazardCommand,
} from './safety/hazard-command-arbitraries.js';
export {
  type HazardPolicyInvariant,
  type HazardPolicyView,
  hazardPolicyInvariants,
} from './safety/hazard-policy-invariants.js';
export {
  type InspectionCommandArbitraryOptions,
  inspectionCommandArbitrary,
} from './safety/inspection-command-arbitraries.js';
export {
  type InspectionPolicyInvariant,
  type InspectionPolicyView,
  inspectionPolicyInvariants,
} from './safety/inspection-policy-invariants.js';
export {
  type SupervisionItemCommandArbitraryOptions,
  supervisionItemCommandArbitrary,
} from './safety/item-command-arbitraries.js';
export {
  type EmergencyPlanCommandArbitraryOptions,
  emergencyPlanCommandArbitrary,
} from './safety/plan-command-arbitraries.js';
export {
  type InvalidPolicyInput,
  invalidPolicyInputArbitrary,
  supervisionPolicyArbitrary,
  supervisionPolicyInputArbitrary,
} from './safety/policy-arbitraries.js';
export {
  assigneeActors,
  type ResponsibilityHistory,
  type ResponsibilityHistoryOptions,
  type ResponsibilitySlot,
  type ResponsibilityStep,
  responsibilityCommandArbitrary,
  responsibilityDomainCodes,
  responsibilityDutyArbitrary,
  responsibilityDutyIds,
  responsibilityHistoryArbitrary,
  responsibilityStaffIds,
  responsibilityTaskCodes,
  sampleAssignees,
} from './safety/responsibility-arbitraries.js';
export {
  createSampleCaseDirectory,
  type SampleCaseCommands,
  sampleCaseCommands,
} from './safety/sample-case-commands.js';
export { actorFor, actorsOf, createSampleSafetyDirectory } from './safety/sample-directory.js';
export {
  type SampleHazardCommands,
  sampleHazardCommands,
  sampleNow,
} from './safety/sample-hazard-commands.js';
export {
  type SampleInspectionCommands,
  sampleInspectionCommands,
  staticSubjectStatus,
} from './safety/sample-inspection-commands.js';
export {
  createSampleItemDirectory,
  type SampleItemCommands,
  sampleItemCommands,
  staticItemHazards,
} from './safety/sample-item-commands.js';
export {
  createSampleResponsibilityDirectory,
  type SampleResponsibilityCommands,
  sampleResponsibilityCommands,
} from './safety/sample-responsibility.js';
export { type SampleSiteCommands, sampleSiteCommands } from './safety/sample-site-commands.js';
export {
  type SiteCommandArbitraryOptions,
  siteCommandArbitrary,
} from './safety/site-command-arbitraries.js';
export {
  type VenueCommandArbitraryOptions,
  venueCommandArbitrary,
} from './safety/venue-command-arbitraries.js';
export {
  type AggregatePolicySummary,
  type PolicyAggregate,
  type PolicyDeciders,
  type PolicyStep,
  PolicyVerificationError,
  type PolicyVerificationSummary,
  policyAggregates,
  type VerifyPolicyOptions,
  verifyPolicy,
} from './safety/verify-policy.js';
export type {
  DecidedOutcome,
  VerificationFailure,
  VerifiedStep,
} from './verification-trace.js';
export {
  type CommandContext,
  DeciderVerificationError,
  type FactsProvider,
  type Invariant,
  type InvariantView,
  type VerificationSummary,
  type VerifyDeciderCommonOptions,
  type VerifyDeciderOptions,
  verifyDecider,
} from './verify-decider.js';
