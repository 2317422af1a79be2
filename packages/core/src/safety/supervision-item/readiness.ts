import type { LinkedHazardStatus } from './ports.js';
import { violate } from './rules.js';
import type { ReceivedItem } from './state.js';
import { isSubstantiated } from './values.js';

/** Linked hazards that are neither closed nor voided (SI-2); unknown ones count as not closed. */
export function unclosedHazards(
  item: ReceivedItem,
  statuses: Readonly<Record<string, LinkedHazardStatus>>,
): string[] {
  return item.hazardIds.filter((id) => statuses[id] !== 'closed' && statuses[id] !== 'voided');
}

/**
 * The rules feedback needs (SI-2, SI-3, SI-5 first half); `SubmitFeedback` checks them, and
 * `CloseItem` again with the closure-only ones (SI-6).
 *
 * @throws RuleViolationError citing the first rule that fails.
 */
export function assertReadyForFeedback(
  item: ReceivedItem,
  statuses: Readonly<Record<string, LinkedHazardStatus>>,
): void {
  if (item.kind === 'hazard_list') {
    if (item.hazardIds.length === 0) throw violate('SI-2', 'NoLinkedHazard', {});
    const open = unclosedHazards(item, statuses);
    if (open.length > 0) throw violate('SI-2', 'HazardsNotClosed', { hazardIds: open });
    const expected = item.expectedHazardCount;
    if (expected !== null && expected !== item.hazardIds.length) {
      throw violate('SI-2', 'HazardCountMismatch', { expected, linked: item.hazardIds.length });
    }
  }
  if (item.kind === 'petition') {
    const investigation = item.investigation;
    if (investigation === null) throw violate('SI-3', 'NotInvestigated', {});
    if (
      isSubstantiated(investigation.finding) &&
      item.hazardIds.length + item.caseIds.length === 0
    ) {
      throw violate('SI-3', 'NothingLinked', { finding: investigation.finding });
    }
  }
  if (item.kind === 'feedback_issue' && item.measures.length === 0) {
    throw violate('SI-5', 'NoMeasure', {});
  }
}

/**
 * Everything closure needs (SI-6): the feedback rules again, plus a reply to a named petitioner
 * (SI-4) and every measure completed (SI-5).
 *
 * @throws RuleViolationError citing the first rule that fails.
 */
export function assertReadyForClosure(
  item: ReceivedItem,
  statuses: Readonly<Record<string, LinkedHazardStatus>>,
): void {
  assertReadyForFeedback(item, statuses);
  if (item.kind === 'petition' && !item.anonymous && item.repliedAt === null) {
    throw violate('SI-4', 'PetitionerNotReplied', {});
  }
  if (item.kind === 'feedback_issue') {
    const open = item.measures.filter((m) => m.doneAt === null).map((m) => m.measureId);
    if (open.length > 0) throw violate('SI-5', 'MeasuresOpen', { measureIds: open });
  }
}
