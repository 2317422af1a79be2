import { violate } from './rules.js';
import {
  type Assignee,
  type Duty,
  dualDutyKinds,
  LEAD_OVERALL,
  type ListKind,
  type Period,
} from './values.js';

/** The parts of an assignment its content rules read. */
export interface AssignmentContent {
  readonly assignmentId: string;
  readonly listKind: ListKind;
  readonly period: Period;
  readonly assignee: Assignee;
  readonly portfolio: readonly string[];
  readonly duties: readonly Duty[];
}

/**
 * Checks what must hold of the duties at every step, draft included: unique duty ids (RA-0),
 * one lead per code within the assignment (RA-4), due dates in the period (RA-7), a headcount on
 * staffing duties (RA-8).
 *
 * @throws RuleViolationError citing the first rule broken.
 */
export function assertDutiesWellFormed(content: AssignmentContent): void {
  const ids = new Set<string>();
  const leads = new Set<string>();
  for (const duty of content.duties) {
    if (ids.has(duty.dutyId)) throw violate('RA-0', 'DuplicateDutyId', { dutyId: duty.dutyId });
    ids.add(duty.dutyId);
    if (duty.role === 'lead') {
      if (leads.has(duty.code)) {
        throw violate('RA-4', 'DuplicateLead', { code: duty.code, holder: content.assignmentId });
      }
      leads.add(duty.code);
    }
    const year = content.period.year;
    if (duty.dueDate !== undefined && !duty.dueDate.startsWith(`${year}-`)) {
      throw violate('RA-7', 'DueDateOutsidePeriod', {
        dutyId: duty.dutyId,
        dueDate: duty.dueDate,
        year,
      });
    }
    if (duty.kind === 'staffing' && !((duty.requiredHeadcount ?? 0) >= 1)) {
      throw violate('RA-8', 'HeadcountRequired', {
        dutyId: duty.dutyId,
        requiredHeadcount: duty.requiredHeadcount,
      });
    }
  }
}

/** RA-2: the portfolio codes no statutory duty or key task covers, in portfolio order. */
export function dualDutyGaps(
  assignee: Assignee,
  portfolio: readonly string[],
  duties: readonly Duty[],
): string[] {
  if (assignee.kind !== 'leader') return [];
  const covered = new Set(
    duties.filter((duty) => dualDutyKinds.includes(duty.kind)).flatMap((duty) => duty.domainCodes),
  );
  return [...new Set(portfolio)].filter((code) => !covered.has(code));
}

/** RA-3: true when the assignment is a primary leader's in a leadership list without `LEAD.OVERALL`. */
export function lacksOverallLead(content: Omit<AssignmentContent, 'assignmentId'>): boolean {
  return (
    content.listKind === 'leadership_key_tasks' &&
    content.assignee.kind === 'leader' &&
    content.assignee.isPrimaryLeader &&
    !content.duties.some((duty) => duty.code === LEAD_OVERALL)
  );
}

/**
 * Checks what an issued assignment must satisfy, on issue and after each revision: RA-1 (some
 * duty, each with text), RA-2 (dual duties of a leader), RA-3 (joint accountability).
 *
 * @throws RuleViolationError citing the first rule broken.
 */
export function assertIssuable(content: AssignmentContent): void {
  if (content.duties.length === 0) {
    throw violate('RA-1', 'EmptyAssignment', { reason: 'none', dutyIds: [] });
  }
  const blank = content.duties.filter((duty) => duty.text.trim() === '').map((duty) => duty.dutyId);
  if (blank.length > 0)
    throw violate('RA-1', 'EmptyAssignment', { reason: 'blank', dutyIds: blank });
  const gaps = dualDutyGaps(content.assignee, content.portfolio, content.duties);
  if (gaps.length > 0) throw violate('RA-2', 'DualDutyGap', { domains: gaps });
  if (lacksOverallLead(content)) {
    throw violate('RA-3', 'JointAccountabilityGap', {
      assigneeId: content.assignee.id,
      code: LEAD_OVERALL,
    });
  }
}
