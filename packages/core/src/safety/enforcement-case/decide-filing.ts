import { localDateOf } from '../calendar/time-zone.js';
import { isRegulator } from '../directory/organization.js';
import { classifySubject, orgCoversSubject } from '../directory/scope.js';
import type { ParsedEnforcementCaseCommand } from './commands.js';
import { type CaseDecisionContext, eventBase } from './decision-context.js';
import type { EnforcementCaseEvent } from './events.js';
import { isAgencyHead, isCredentialedOfficer, requireSender } from './permissions.js';
import { violate } from './rules.js';
import type { FiledCase } from './state.js';
import type { Respondent } from './values.js';

type Cmd<T extends ParsedEnforcementCaseCommand['type']> = Extract<
  ParsedEnforcementCaseCommand,
  { type: T }
>;

/** The year a case number is unique in: the local year of the filing (EC-1). */
export function caseNumberYear(occurredAt: string, timeZone: string): number {
  return Number(localDateOf(occurredAt, timeZone).slice(0, 4));
}

/** EC-1: a respondent's enterprise is known and inside the agency's remit, and its ref is new. */
function checkRespondent(
  ctx: CaseDecisionContext,
  agencyOrgId: string,
  respondent: Respondent,
  takenRefs: ReadonlySet<string>,
): void {
  if (takenRefs.has(respondent.ref)) {
    throw violate('EC-1', 'DuplicateRespondentRef', { respondentRef: respondent.ref });
  }
  const { enterpriseId } = respondent;
  const classification = classifySubject(ctx.directory, { kind: 'enterprise', id: enterpriseId });
  if (classification === undefined) throw violate('EC-1', 'UnknownEnterprise', { enterpriseId });
  const agency = ctx.directory.organization(agencyOrgId);
  if (agency === undefined || !orgCoversSubject(agency, classification)) {
    throw violate('EC-1', 'RespondentOutOfScope', { enterpriseId, agencyOrgId });
  }
}

/** Decides `FileCase` (EC-1, EC-3, EC-18). */
export function decideFileCase(
  ctx: CaseDecisionContext,
  command: Cmd<'FileCase'>,
): EnforcementCaseEvent[] {
  const { agencyOrgId, proposerIds, approvedBy } = command;
  const agency = ctx.directory.organization(agencyOrgId);
  if (agency === undefined || !isRegulator(agency)) {
    throw violate('EC-1', 'NotAnAgency', { agencyOrgId });
  }
  const { actor } = ctx;
  if (
    actor.orgId !== agencyOrgId ||
    !(proposerIds.includes(actor.personId) || approvedBy === actor.personId)
  ) {
    throw violate('EC-1', 'Forbidden', {
      role: actor.role,
      personId: actor.personId,
      command: command.type,
      need: 'proposer',
    });
  }
  if (command.respondents.length === 0) throw violate('EC-1', 'RespondentsRequired');
  if (command.violatedProvisions.length === 0) throw violate('EC-1', 'ProvisionsRequired');
  for (const personId of proposerIds) {
    if (!isCredentialedOfficer(ctx, personId, agencyOrgId)) {
      throw violate('EC-1', 'ProposerNotCredentialed', { personId, agencyOrgId });
    }
  }
  if (proposerIds.includes(approvedBy)) throw violate('EC-1', 'SelfApproval', { approvedBy });
  if (!isAgencyHead(ctx, approvedBy, agencyOrgId)) {
    throw violate('EC-1', 'ApproverNotAuthorityHead', { approvedBy, agencyOrgId });
  }
  const refs = new Set<string>();
  for (const respondent of command.respondents) {
    checkRespondent(ctx, agencyOrgId, respondent, refs);
    refs.add(respondent.ref);
  }
  const inspectionId = command.source.inspectionId;
  if (inspectionId !== undefined) {
    const inspection = ctx.facts.inspection;
    if (inspection === undefined) {
      throw new TypeError('prepare did not load the source inspection of FileCase');
    }
    if (inspection === null) throw violate('EC-18', 'UnknownInspection', { inspectionId });
    if (inspection.kind === 'service_guidance' && !ctx.policy.serviceVisitsMayTriggerCases) {
      throw violate('EC-18', 'ServiceVisitNotEnforceable', { inspectionId });
    }
  }
  return [
    {
      type: 'CaseFiled',
      data: {
        ...eventBase(ctx, command.caseId),
        caseNo: command.caseNo,
        agencyOrgId,
        respondents: command.respondents,
        cause: command.cause,
        violatedProvisions: [...new Set(command.violatedProvisions)],
        majorBasis: command.majorBasis,
        source: {
          inspectionId: inspectionId ?? null,
          supervisionItemId: command.source.supervisionItemId ?? null,
        },
        campaignIds: [...new Set(command.campaignIds)],
        proposerIds: [...new Set(proposerIds)],
        approvedBy,
      },
    },
  ];
}

/** Decides `AddRespondent` (EC-1 applies to the added respondent). */
export function decideAddRespondent(
  ctx: CaseDecisionContext,
  state: FiledCase,
  command: Cmd<'AddRespondent'>,
): EnforcementCaseEvent[] {
  requireSender(ctx, state, command, 'agency_officer');
  const refs = new Set(state.respondents.map((respondent) => respondent.ref));
  checkRespondent(ctx, state.agencyOrgId, command.respondent, refs);
  return [
    {
      type: 'RespondentAdded',
      data: { ...eventBase(ctx, state.caseId), respondent: command.respondent },
    },
  ];
}

/** Decides `LinkHazardToCase` (EC-3, EC-15) on the hazard facts `prepare` loaded. */
export function decideLinkHazard(
  ctx: CaseDecisionContext,
  state: FiledCase,
  command: Cmd<'LinkHazardToCase'>,
): EnforcementCaseEvent[] {
  requireSender(ctx, state, command, 'agency_officer');
  const { hazardId } = command;
  if (state.hazardLinks.some((link) => link.hazardId === hazardId)) {
    throw violate('EC-15', 'HazardAlreadyLinked', { hazardId });
  }
  const hazard = ctx.facts.hazard;
  if (hazard === undefined) throw new TypeError('prepare did not load the hazard to link');
  if (hazard === null || hazard.status === 'voided') {
    throw violate('EC-15', 'UnknownHazard', { hazardId });
  }
  const enterprises = new Set(state.respondents.map((respondent) => respondent.enterpriseId));
  if (hazard.enterpriseId === null || !enterprises.has(hazard.enterpriseId)) {
    throw violate('EC-15', 'HazardNotOfRespondent', {
      hazardId,
      enterpriseId: hazard.enterpriseId ?? '—',
    });
  }
  return [
    {
      type: 'CaseHazardLinked',
      data: {
        ...eventBase(ctx, state.caseId),
        hazardId,
        gradeAtLink: hazard.grade,
        enterpriseId: hazard.enterpriseId,
      },
    },
  ];
}

/** Decides `RecordEvidence` (EC-2). */
export function decideRecordEvidence(
  ctx: CaseDecisionContext,
  state: FiledCase,
  command: Cmd<'RecordEvidence'>,
): EnforcementCaseEvent[] {
  requireSender(ctx, state, command, 'agency_officer');
  const officerIds = [...new Set(command.officerIds)];
  const required = ctx.policy.minEnforcementOfficers;
  if (officerIds.length < required) {
    throw violate('EC-2', 'TooFewOfficers', { required, count: officerIds.length });
  }
  for (const personId of officerIds) {
    if (!isCredentialedOfficer(ctx, personId, state.agencyOrgId)) {
      throw violate('EC-2', 'OfficerNotCredentialed', {
        personId,
        agencyOrgId: state.agencyOrgId,
      });
    }
  }
  if (!officerIds.includes(ctx.actor.personId)) {
    throw violate('EC-2', 'RecorderNotNamed', { personId: ctx.actor.personId });
  }
  return [
    {
      type: 'EvidenceRecorded',
      data: { ...eventBase(ctx, state.caseId), kind: command.kind, officerIds, ref: command.ref },
    },
  ];
}
