import { localDateOf } from '../calendar/time-zone.js';
import { type EmergencyPlanState, isDraftedPlan } from './state.js';

// EP-1 is read from the publications and an `asOf` instant, never stored (G-6).

/**
 * The version in force at `asOf` (EP-1): the last version published by then, unless the plan was
 * retired by then; `undefined` when no version is effective (only drafts, or retired).
 */
export function effectivePlanVersion(state: EmergencyPlanState, asOf: Date): number | undefined {
  if (!isDraftedPlan(state)) return undefined;
  const t = asOf.getTime();
  if (state.retiredAt !== null && Date.parse(state.retiredAt) <= t) return undefined;
  let effective: number | undefined;
  for (const publication of state.publications) {
    if (Date.parse(publication.publishedAt) <= t) effective = publication.version;
  }
  return effective;
}

/**
 * True when the plan was "revised and published" in local calendar year `year` (EP-1): a version
 * after the first published in that year, or the first publication of a plan that rewrites
 * another (`replacesPlanId`).
 */
export function isRevisedAndPublishedIn(
  state: EmergencyPlanState,
  year: number,
  timeZone: string,
): boolean {
  if (!isDraftedPlan(state)) return false;
  return state.publications.some(
    (publication) =>
      localDateOf(publication.publishedAt, timeZone).startsWith(`${year}-`) &&
      (publication.version > 1 || state.replacesPlanId !== null),
  );
}
