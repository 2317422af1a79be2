// The public surface of the EmergencyPlan aggregate (domain spec §4.9), re-exported by the package index.
export {
  type DraftPlan,
  DraftPlanSchema,
  type EmergencyPlanCommand,
  EmergencyPlanCommandSchema,
  type ParsedEmergencyPlanCommand,
  PublishPlanSchema,
  RetirePlanSchema,
  RevisePlanSchema,
} from './commands.js';
export {
  createEmergencyPlanDecider,
  type EmergencyPlanDecider,
  type EmergencyPlanDeciderOptions,
} from './decide.js';
export { effectivePlanVersion, isRevisedAndPublishedIn } from './effective.js';
export {
  type EmergencyPlanEvent,
  emergencyPlanEvents,
  PlanDrafted,
  PlanPublished,
  PlanRetired,
  PlanRevised,
} from './events.js';
export type { PlanAct, PlanOwner } from './permissions.js';
export { emergencyPlanStreamId } from './plan-stream.js';
export { emergencyPlanRules } from './rules.js';
export {
  type DraftedPlan,
  type EmergencyPlanState,
  evolveEmergencyPlan,
  initialEmergencyPlanState,
  isDraftedPlan,
  type PlanPublication,
} from './state.js';
