import type { ActivityChanges, ActivityEvent, ActivityFacts } from './events.js';

/** The facts of an activity as known from one business time on (each correction starts a new entry). */
export interface ActivityFactsVersion {
  /** Business time of the event that produced these facts. */
  readonly knownFrom: string;
  readonly facts: ActivityFacts;
}

/** A recorded activity. */
export interface RecordedActivity {
  readonly version: number;
  readonly activityId: string;
  readonly recordedAt: string;
  readonly organizerOrgId: string | null;
  readonly organizerEnterpriseId: string | null;
  /** The current facts (after every correction). */
  readonly facts: ActivityFacts;
  /**
   * Every version of the facts in business-time order, so a figure "as of" an instant reads the
   * facts known then (G-6) rather than a later correction.
   */
  readonly history: readonly ActivityFactsVersion[];
}

/** The state of an `act-{id}` stream: nothing before `ActivityRecorded`. */
export type ActivityState = { readonly version: 0; readonly activityId: null } | RecordedActivity;

/** The state of an activity stream with no events. */
export function initialActivityState(): ActivityState {
  return { version: 0, activityId: null };
}

/** True once the activity is recorded. */
export function isRecordedActivity(state: ActivityState): state is RecordedActivity {
  return state.activityId !== null;
}

/** Folds one activity event into the state. */
export function evolveActivity(state: ActivityState, event: ActivityEvent): ActivityState {
  if (event.type === 'ActivityRecorded') {
    const {
      activityId,
      occurredAt,
      actor: _actor,
      organizerOrgId,
      organizerEnterpriseId,
      ...facts
    } = event.data;
    return {
      version: state.version + 1,
      activityId,
      recordedAt: occurredAt,
      organizerOrgId,
      organizerEnterpriseId,
      facts,
      history: [{ knownFrom: occurredAt, facts }],
    };
  }
  if (!isRecordedActivity(state)) return state;
  const facts = applyChanges(state.facts, event.data.changes);
  return {
    ...state,
    version: state.version + 1,
    facts,
    history: [...state.history, { knownFrom: event.data.occurredAt, facts }],
  };
}

/**
 * The facts of the activity known at `asOf`: the latest version whose business time is not after
 * `asOf`; `undefined` when the activity was not recorded by then.
 */
export function activityFactsAt(state: ActivityState, asOf: Date): ActivityFacts | undefined {
  if (!isRecordedActivity(state)) return undefined;
  let known: ActivityFacts | undefined;
  for (const entry of state.history) {
    if (Date.parse(entry.knownFrom) <= asOf.getTime()) known = entry.facts;
  }
  return known;
}

/** The facts with each changed field replaced; a field absent from `changes` keeps its value. */
function applyChanges(facts: ActivityFacts, changes: ActivityChanges): ActivityFacts {
  const next: Record<string, unknown> = { ...facts };
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) next[key] = value;
  }
  return next as unknown as ActivityFacts;
}
