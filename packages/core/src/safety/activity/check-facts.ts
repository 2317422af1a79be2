import { localDateOf } from '../calendar/time-zone.js';
import type { ActivityDecisionContext } from './decision-context.js';
import type { ActivityFacts } from './events.js';
import { violateActivity } from './rules.js';

/**
 * The rules every version of an activity's facts obeys, whether just recorded or corrected:
 * A-0 (taken place, known enterprises), A-1 (counts) and A-2 (plan only on drills).
 */
export function assertActivityFacts(ctx: ActivityDecisionContext, facts: ActivityFacts): void {
  const counts: readonly [string, number][] = [
    ['participantCount', facts.participantCount],
    ['materials.manuals', facts.materials.manuals],
    ['materials.posters', facts.materials.posters],
  ];
  for (const [field, value] of counts) {
    if (value < 0) throw violateActivity('A-1', 'NegativeCount', { field, value });
  }
  if (facts.kind !== 'drill') {
    if (facts.planId !== null) {
      throw violateActivity('A-2', 'PlanOnlyOnDrill', { kind: facts.kind, field: 'planId' });
    }
    if (facts.planKind !== null) {
      throw violateActivity('A-2', 'PlanOnlyOnDrill', { kind: facts.kind, field: 'planKind' });
    }
  }
  const recordedOn = localDateOf(ctx.occurredAt, ctx.policy.timezone);
  if (facts.date > recordedOn) {
    throw violateActivity('A-0', 'FutureActivity', { date: facts.date, recordedOn });
  }
  for (const enterpriseId of facts.enterpriseIds) {
    if (ctx.directory.enterprise(enterpriseId) === undefined) {
      throw violateActivity('A-0', 'UnknownEnterprise', { enterpriseId });
    }
  }
}
