import { assertActivityFacts } from './check-facts.js';
import type { ParsedActivityCommand } from './commands.js';
import type { ActivityDecisionContext } from './decision-context.js';
import type { ActivityEvent, ActivityFacts } from './events.js';
import { assertMayRecordFor } from './permissions.js';
import { violateActivity } from './rules.js';
import type { RecordedActivity } from './state.js';

type Correct = Extract<ParsedActivityCommand, { type: 'CorrectActivity' }>;

/**
 * `CorrectActivity`: the organiser's side corrects recorded facts (G-1); the corrected facts obey
 * the same rules as recorded ones, and the event carries only what changed.
 */
export function decideCorrectActivity(
  ctx: ActivityDecisionContext,
  state: RecordedActivity,
  command: Correct,
): ActivityEvent[] {
  const { type: _type, actor: _actor, occurredAt: _at, reason, ...requested } = command;
  const current = state.facts;
  const changes: Partial<ActivityFacts> = {};
  const set = <K extends keyof ActivityFacts>(key: K, value: ActivityFacts[K] | undefined) => {
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(current[key])) {
      changes[key] = value;
    }
  };
  set('kind', requested.kind);
  set('topic', requested.topic);
  set('sectorCode', requested.sectorCode);
  set('date', requested.date);
  set('participantCount', requested.participantCount);
  set(
    'enterpriseIds',
    requested.enterpriseIds === undefined ? undefined : [...new Set(requested.enterpriseIds)],
  );
  set('materials', requested.materials === undefined ? undefined : { ...requested.materials });
  set('planId', requested.planId);
  set('planKind', requested.planKind);
  set('approximate', requested.approximate);
  const facts: ActivityFacts = { ...current, ...changes };
  assertMayRecordFor(ctx.directory, ctx.actor, state, facts.enterpriseIds);
  if (Object.keys(changes).length === 0) {
    throw violateActivity('A-0', 'NothingCorrected', { activityId: state.activityId });
  }
  assertActivityFacts(ctx, facts);
  return [
    {
      type: 'ActivityCorrected',
      data: {
        activityId: state.activityId,
        occurredAt: ctx.occurredAt,
        actor: ctx.actor,
        reason,
        changes,
      },
    },
  ];
}
