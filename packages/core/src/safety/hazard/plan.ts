import type { HazardPlan } from './state.js';

/** An element a major hazard's rectification plan must contain (H-13). */
export type PlanElement =
  | 'responsiblePersonId'
  | 'measures'
  | 'funding.amountCny'
  | 'funding.source'
  | 'deadline'
  | 'contingencyPlanRef'
  | 'objectives'
  | 'safetyMeasures';

const filled = (value: string | null | undefined): boolean =>
  value !== null && value !== undefined && value.trim() !== '';

/**
 * The elements a plan lacks for a major hazard (H-13): the five elements 五落实 — responsibility
 * (`responsiblePersonId`), measures (at least one), funding (an amount above zero and its
 * source), time limit (`deadline`) and contingency plan (`contingencyPlanRef`) — plus the
 * objectives and safety measures Order 16 Art. 15 requires.
 */
export function planGaps(plan: {
  readonly objectives?: string | null | undefined;
  readonly measures?: readonly string[] | undefined;
  readonly funding?:
    | {
        readonly amountCny?: number | null | undefined;
        readonly source?: string | null | undefined;
      }
    | null
    | undefined;
  readonly responsiblePersonId?: string | null | undefined;
  readonly deadline?: string | null | undefined;
  readonly safetyMeasures?: string | null | undefined;
  readonly contingencyPlanRef?: string | null | undefined;
}): readonly PlanElement[] {
  const missing: PlanElement[] = [];
  if (!filled(plan.responsiblePersonId)) missing.push('responsiblePersonId');
  if (!(plan.measures ?? []).some(filled)) missing.push('measures');
  const amount = plan.funding?.amountCny;
  if (amount === null || amount === undefined || !(amount > 0)) missing.push('funding.amountCny');
  if (!filled(plan.funding?.source)) missing.push('funding.source');
  if (!filled(plan.deadline)) missing.push('deadline');
  if (!filled(plan.contingencyPlanRef)) missing.push('contingencyPlanRef');
  if (!filled(plan.objectives)) missing.push('objectives');
  if (!filled(plan.safetyMeasures)) missing.push('safetyMeasures');
  return missing;
}

/** True when the plan holds every element H-13 requires of a major hazard's plan. */
export function isCompletePlan(plan: HazardPlan | null): boolean {
  return plan !== null && planGaps(plan).length === 0;
}
