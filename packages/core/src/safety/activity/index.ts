// The public surface of the Activity aggregate (domain spec §4.9), re-exported by the package index.
export { activityStreamId } from './activity-stream.js';
export {
  type ActivityCommand,
  ActivityCommandSchema,
  type CorrectActivity,
  CorrectActivitySchema,
  type ParsedActivityCommand,
  type RecordActivity,
  RecordActivitySchema,
} from './commands.js';
export {
  type ActivityDecider,
  type ActivityDeciderOptions,
  createActivityDecider,
} from './decide.js';
export {
  type DrillObligation,
  type DrillObligationStatus,
  drillObligationStatus,
  drillPeriodBounds,
} from './drill-frequency.js';
export {
  type ActivityChanges,
  ActivityCorrected,
  type ActivityEvent,
  type ActivityFacts,
  ActivityFactsSchema,
  ActivityRecorded,
  activityEvents,
} from './events.js';
export { activityRules } from './rules.js';
export {
  type ActivityFactsVersion,
  type ActivityState,
  activityFactsAt,
  evolveActivity,
  initialActivityState,
  isRecordedActivity,
  type RecordedActivity,
} from './state.js';
export {
  type ActivityKind,
  ActivityKindSchema,
  type Materials,
  MaterialsInputSchema,
  type PlanKind,
  PlanKindSchema,
} from './values.js';
