import { createHandoverFigures, type EventStore, type SupervisionPolicy } from '@safeledger/core';
import type { Scenario } from '../scenario/schema.js';

/** The handover figures of the report (§7.1 #6–#8), each from the P-14 read model. */
export interface HandoverReportFigures {
  /** Petitions (信访举报件) received, and closed (销号) by the as-of instant. */
  readonly petitions: number;
  readonly petitionsClosed: number;
  /** Distinct units named by the municipal hazard lists. */
  readonly units: number;
  /** Hazards linked to the hazard lists, and of them those closed by the as-of instant. */
  readonly hazards: number;
  readonly hazardsClosed: number;
  /** Measures of the tour's feedback issues, and those completed by the as-of instant. */
  readonly measures: number;
  readonly measuresDone: number;
}

/**
 * Asks the handover status read model (P-14) for the report's handover line, per item kind, as
 * of the scenario's instant: grouped counts in the store, never a fold over loaded items.
 */
export async function queryHandoverFigures(
  scenario: Scenario,
  store: EventStore,
  policy: SupervisionPolicy,
): Promise<HandoverReportFigures> {
  const figures = createHandoverFigures({ store, policy });
  const byKind = await figures.handoverStatusBy('kind', { asOf: scenario.asOf });
  const of = (kind: string) => byKind.find((group) => group.key === kind);
  const petitions = of('petition');
  const lists = of('hazard_list');
  const tour = of('feedback_issue');
  return {
    petitions: petitions?.received ?? 0,
    petitionsClosed: petitions?.closed ?? 0,
    units: lists?.distinctUnits ?? 0,
    hazards: lists?.linkedHazards ?? 0,
    hazardsClosed: lists?.linkedHazardsClosed ?? 0,
    measures: tour?.measures ?? 0,
    measuresDone: tour?.measuresDone ?? 0,
  };
}
