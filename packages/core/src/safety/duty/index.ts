// The public surface of the DutyRoster aggregate (domain spec §4.9), re-exported by the package index.
export {
  type DutyRosterCommand,
  DutyRosterCommandSchema,
  HandOverShiftSchema,
  type ParsedDutyRosterCommand,
  ReportIncidentInfoSchema,
  type ScheduleDutyRoster,
  ScheduleDutyRosterSchema,
  type ShiftInput,
  ShiftInputSchema,
} from './commands.js';
export {
  type CoverageProblem,
  type CoveredInterval,
  coverageProblems,
  daysOfMonth,
  localDaysTouched,
} from './coverage.js';
export {
  createDutyRosterDecider,
  type DutyRosterDecider,
  type DutyRosterDeciderOptions,
} from './decide.js';
export { dutyRosterStreamId } from './duty-stream.js';
export {
  type DutyRosterEvent,
  dutyRosterEvents,
  IncidentInfoReported,
  ShiftHandedOver,
  ShiftScheduled,
} from './events.js';
export { dutyRosterRules } from './rules.js';
export {
  type DutyRosterState,
  type DutyShift,
  evolveDutyRoster,
  initialDutyRosterState,
} from './state.js';
