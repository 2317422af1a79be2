import {
  type ApproximateFigure,
  createActivityFigures,
  type EventStore,
  type LocalPeriod,
  type SupervisionPolicy,
} from '@safeledger/core';
import { activityTopics } from '../generator/activity-topics.js';
import type { Scenario } from '../scenario/schema.js';

/** The activity figures of the report (§7.1 #29, #31, #33, #41–#43), each a query of P-20. */
export interface ActivityReportFigures {
  /** Sessions of kind `key_sector_training`. */
  readonly keySectorTrainings: number;
  /** Person-times of the thematic trainings and the experts' lectures. */
  readonly personTimes: ApproximateFigure;
  /** Distinct enterprises of the steward-system trainings. */
  readonly stewardEnterprises: ApproximateFigure;
  readonly drills: number;
  /** Plans revised and published in the year (EP-1). */
  readonly plansRevised: number;
  /** Person-times of the exhibition-hall visits. */
  readonly hallVisitors: ApproximateFigure;
}

/** The local days of the scenario's year. */
export function yearPeriod(scenario: Scenario): LocalPeriod {
  return { from: `${scenario.year}-01-01`, to: `${scenario.year + 1}-01-01` };
}

/** Queries P-20 for the report's activity line, as of the scenario's instant. */
export async function queryActivityFigures(
  scenario: Scenario,
  store: EventStore,
  policy: SupervisionPolicy,
): Promise<ActivityReportFigures> {
  const figures = createActivityFigures({ store, policy });
  const year = { asOf: scenario.asOf, period: yearPeriod(scenario) };
  const thematic: readonly string[] = activityTopics.thematic;
  const trainings = (await figures.activityTotalsBy('topic', { ...year, kind: 'training' })).filter(
    (group) => thematic.includes(group.key),
  );
  const lectures = await figures.activityTotals({ ...year, kind: 'expert_lecture' });
  const visits = await figures.activityTotals({ ...year, kind: 'exhibition_visit' });
  const counted = [...trainings, lectures];
  return {
    keySectorTrainings: (await figures.activityTotals({ ...year, kind: 'key_sector_training' }))
      .sessions,
    personTimes: {
      value: counted.reduce((sum, totals) => sum + totals.personTimes, 0),
      approximate: counted.some((totals) => totals.approximate),
    },
    stewardEnterprises: await figures.distinctEnterprisesTrained({
      ...year,
      topic: activityTopics.stewardSystem,
    }),
    drills: (await figures.activityTotals({ ...year, kind: 'drill' })).sessions,
    plansRevised: await figures.plansRevisedAndPublished(year),
    hallVisitors: { value: visits.personTimes, approximate: visits.approximate },
  };
}
