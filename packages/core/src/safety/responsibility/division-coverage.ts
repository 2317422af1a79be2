import type { Directory } from '../directory/directory.js';
import type { StartedAssignment } from './state.js';
import { divisionListKinds } from './values.js';

/** A sector code or venue category of a division list and the industry bodies leading it. */
export interface DivisionLead {
  readonly kind: 'sector' | 'venue_category';
  readonly code: string;
  /** Industry organisations holding a `lead` duty naming the code, sorted. */
  readonly leadOrgIds: readonly string[];
}

/** RA-10 coverage of one division list: codes without a lead industry body, and codes with several. */
export interface DivisionLeadCoverage {
  readonly gaps: readonly DivisionLead[];
  readonly duplicates: readonly DivisionLead[];
}

/**
 * RA-10 (三管三必须), derived: in a division list (`venue_division`, `duty_task_list`), every sector
 * code and venue category named by a duty of an issued assignment needs exactly one lead
 * `industry` organisation, i.e. a `department` assignee of kind `industry` holding a `lead` duty
 * that names it. Pass the assignments of one list; drafts, superseded assignments and other lists'
 * kinds are ignored. Nothing is stored: coverage is recomputed from the states (G-6).
 */
export function divisionLeadCoverage(
  assignments: readonly StartedAssignment[],
  directory: Directory,
): DivisionLeadCoverage {
  const leads = new Map<string, { kind: DivisionLead['kind']; code: string; orgs: Set<string> }>();
  const entry = (kind: DivisionLead['kind'], code: string) => {
    const key = `${kind}:${code}`;
    let found = leads.get(key);
    if (found === undefined) {
      found = { kind, code, orgs: new Set() };
      leads.set(key, found);
    }
    return found;
  };
  for (const assignment of assignments) {
    if (assignment.status !== 'issued' || !divisionListKinds.includes(assignment.listKind))
      continue;
    const { assignee } = assignment;
    const isIndustryBody =
      assignee.kind === 'department' && directory.organization(assignee.id)?.kind === 'industry';
    for (const duty of assignment.duties) {
      const named = [
        ...duty.sectorCodes.map((code) => entry('sector', code)),
        ...duty.venueCategories.map((code) => entry('venue_category', code)),
      ];
      if (isIndustryBody && duty.role === 'lead') for (const e of named) e.orgs.add(assignee.id);
    }
  }
  const all = [...leads.values()]
    .map(({ kind, code, orgs }) => ({ kind, code, leadOrgIds: [...orgs].sort() }))
    .sort((a, b) => `${a.kind}:${a.code}`.localeCompare(`${b.kind}:${b.code}`));
  return {
    gaps: all.filter((lead) => lead.leadOrgIds.length === 0),
    duplicates: all.filter((lead) => lead.leadOrgIds.length > 1),
  };
}
