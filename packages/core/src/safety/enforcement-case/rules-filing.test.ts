import { deciderSpec, sampleCaseCommands, sampleNow } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import type { EnforcementCaseCommand } from './commands.js';
import { createEnforcementCaseDecider } from './decide.js';
import type { FiledCase } from './state.js';

const kit = sampleCaseCommands();
const { actors } = kit;
const ports = {
  hazards: { hazard: async (id: string) => kit.hazards[id] },
  inspections: { inspection: async (id: string) => kit.inspections[id] },
};
const decider = createEnforcementCaseDecider({ directory: kit.directory, ...ports });
const spec = deciderSpec(decider, { now: sampleNow, streamId: 'case-c-1', facts: kit.facts });
const link = (hazardId: string): EnforcementCaseCommand => ({
  type: 'LinkHazardToCase',
  actor: actors.officers[0],
  hazardId,
});

describe('filing and investigation', () => {
  it('EC-0 needs a filed case, refuses terminal cases and commands outside their states', () => {
    spec.given([]).when(kit.evidence()).thenViolates('EC-0', 'CaseNotFiled');
    spec.givenCommands([kit.file()]).when(kit.file()).thenViolates('EC-0', 'AlreadyFiled');
    spec
      .givenCommands([kit.file(), { type: 'DismissCase', actor: actors.head, reason: 'other' }])
      .when(kit.evidence())
      .thenViolates('EC-0', 'CaseTerminal');
    spec.givenCommands([kit.file()]).when(kit.serve('U')).thenViolates('EC-0', 'InvalidState');
    spec
      .givenCommands([kit.file()])
      .when({ ...kit.evidence(), actor: actors.head })
      .thenViolates('EC-0', 'Forbidden');
    spec
      .givenCommands([kit.file()])
      .when(kit.notice('X'))
      .thenViolates('EC-0', 'UnknownRespondent');
  });

  it('EC-1 filing: respondents, provisions, credentialed proposers, an approving head who is not a proposer', () => {
    spec
      .given([])
      .when(kit.file({ respondents: [] }))
      .thenViolates('EC-1', 'RespondentsRequired');
    spec
      .given([])
      .when(kit.file({ violatedProvisions: [] }))
      .thenViolates('EC-1', 'ProvisionsRequired');
    spec
      .given([])
      .when(kit.file({ proposerIds: ['p-enf-1', 'p-enf-nocred'] }))
      .thenViolates('EC-1', 'ProposerNotCredentialed');
    spec
      .given([])
      .when(kit.file({ proposerIds: ['p-enf-1', 'p-enf-head'], approvedBy: 'p-enf-head' }))
      .thenViolates('EC-1', 'SelfApproval');
    spec
      .given([])
      .when(kit.file({ approvedBy: 'p-enf-3' }))
      .thenViolates('EC-1', 'ApproverNotAuthorityHead');
    spec
      .given([])
      .when(kit.file({ actor: actors.hearingOfficer }))
      .thenViolates('EC-1', 'Forbidden');
    spec
      .given([])
      .when(
        kit.file({
          respondents: [
            { ref: 'U', kind: 'unit', enterpriseId: 'ent-chem' },
            { ref: 'U', kind: 'unit', enterpriseId: 'ent-landlord' },
          ],
        }),
      )
      .thenViolates('EC-1', 'DuplicateRespondentRef');
    spec
      .given([])
      .when(kit.file({ respondents: [{ ref: 'U', kind: 'unit', enterpriseId: 'ent-nowhere' }] }))
      .thenViolates('EC-1', 'UnknownEnterprise');
    spec
      .given([])
      .when(kit.file({ respondents: [{ ref: 'U', kind: 'unit', enterpriseId: 'ent-far' }] }))
      .thenViolates('EC-1', 'RespondentOutOfScope');
    spec
      .given([])
      .when(kit.file({ agencyOrgId: 'org-committee-district' }))
      .thenViolates('EC-1', 'NotAnAgency');
    spec
      .givenCommands([kit.file()])
      .when({
        type: 'AddRespondent',
        actor: actors.officers[1],
        respondent: { ref: 'P', kind: 'unit', enterpriseId: 'ent-landlord' },
      })
      .thenViolates('EC-1', 'DuplicateRespondentRef');
    spec
      .given([])
      .when(kit.file({ actor: actors.head }))
      .thenState((state) => {
        expect(state).toMatchObject({
          status: 'filed',
          caseNo: '2024-001',
          approvedBy: 'p-safety-head',
        });
      });
  });

  it('EC-2 evidence names at least two credentialed officers of the agency, the sender among them', () => {
    const evidence = (
      officerIds: string[],
      actor = actors.officers[0],
    ): EnforcementCaseCommand => ({
      type: 'RecordEvidence',
      kind: 'inspection_record',
      ref: 'EV-1',
      actor,
      officerIds,
    });
    spec
      .givenCommands([kit.file()])
      .when(evidence(['p-enf-1']))
      .thenViolates('EC-2', 'TooFewOfficers');
    spec
      .givenCommands([kit.file()])
      .when(evidence(['p-enf-1', 'p-enf-1']))
      .thenViolates('EC-2', 'TooFewOfficers');
    spec
      .givenCommands([kit.file()])
      .when(evidence(['p-enf-1', 'p-enf-nocred']))
      .thenViolates('EC-2', 'OfficerNotCredentialed');
    spec
      .givenCommands([kit.file()])
      .when(evidence(['p-enf-2', 'p-enf-3']))
      .thenViolates('EC-2', 'RecorderNotNamed');
    const three = deciderSpec(
      createEnforcementCaseDecider({
        directory: kit.directory,
        ...ports,
        policy: createSupervisionPolicy({ minEnforcementOfficers: 3 }),
      }),
      { now: sampleNow, streamId: 'case-c-1', facts: kit.facts },
    );
    three
      .givenCommands([kit.file()])
      .when(evidence(['p-enf-1', 'p-enf-2']))
      .thenViolates('EC-2', 'TooFewOfficers');
    spec
      .givenCommands([kit.file()])
      .when(evidence(['p-enf-1', 'p-enf-3']))
      .thenState((state) => expect((state as FiledCase).investigatorIds).toContain('p-enf-3'));
  });

  it('EC-3 a major link or a cited major basis makes a major-hazard case, frozen at the decision', () => {
    spec
      .givenCommands([kit.file()])
      .when(link('h-chem-general'))
      .thenState((state) => expect((state as FiledCase).isMajorHazardCase).toBe(false));
    spec
      .givenCommands([kit.file()])
      .when(link('h-chem-major'))
      .thenState((state) => expect((state as FiledCase).isMajorHazardCase).toBe(true));
    spec
      .given([])
      .when(kit.file({ majorBasis: [{ standardId: 'MEM-2023-10', clause: '3(1)' }] }))
      .thenState((state) => expect((state as FiledCase).isMajorHazardCase).toBe(true));
    const later = new Date(sampleNow.getTime() + 10 * 86_400_000);
    const at = sampleNow.toISOString();
    const decided = [
      kit.file({ occurredAt: at }),
      { ...kit.notice(), occurredAt: at },
      { ...kit.decide(), occurredAt: later.toISOString() },
    ] satisfies EnforcementCaseCommand[];
    spec
      .given([])
      .when(kit.file())
      .thenState((state) => expect((state as FiledCase).isMajorHazardCase).toBe(false));
    const frozen = deciderSpec(decider, { now: later, streamId: 'case-c-1', facts: kit.facts });
    frozen
      .givenCommands(decided)
      .when(link('h-chem-major'))
      .thenState((state) => {
        expect((state as FiledCase).hazardLinks.map((l) => l.hazardId)).toEqual(['h-chem-major']);
        expect((state as FiledCase).isMajorHazardCase).toBe(false);
      });
  });

  it('EC-15 a linked hazard belongs to a respondent enterprise, once, and is not voided', () => {
    spec
      .givenCommands([kit.file()])
      .when(link('h-landlord'))
      .thenViolates('EC-15', 'HazardNotOfRespondent');
    spec.givenCommands([kit.file()]).when(link('h-unknown')).thenViolates('EC-15', 'UnknownHazard');
    spec.givenCommands([kit.file()]).when(link('h-voided')).thenViolates('EC-15', 'UnknownHazard');
    spec
      .givenCommands([kit.file(), link('h-chem-general')])
      .when(link('h-chem-general'))
      .thenViolates('EC-15', 'HazardAlreadyLinked');
    spec
      .givenCommands([kit.file()])
      .when(link('h-chem-general'))
      .thenState((state) =>
        expect((state as FiledCase).hazardLinks).toMatchObject([
          { hazardId: 'h-chem-general', gradeAtLink: 'general', enterpriseId: 'ent-chem' },
        ]),
      );
  });

  it('EC-18 a service-guidance inspection starts no case unless the policy allows it', () => {
    spec
      .given([])
      .when(kit.file({ source: { inspectionId: 'insp-service' } }))
      .thenViolates('EC-18', 'ServiceVisitNotEnforceable');
    spec
      .given([])
      .when(kit.file({ source: { inspectionId: 'insp-none' } }))
      .thenViolates('EC-18', 'UnknownInspection');
    spec
      .given([])
      .when(kit.file({ source: { inspectionId: 'insp-enf' } }))
      .thenState((state) => expect((state as FiledCase).source.inspectionId).toBe('insp-enf'));
    const lenient = deciderSpec(
      createEnforcementCaseDecider({
        directory: kit.directory,
        ...ports,
        policy: createSupervisionPolicy({ serviceVisitsMayTriggerCases: true }),
      }),
      { now: sampleNow, streamId: 'case-c-1', facts: kit.facts },
    );
    lenient
      .given([])
      .when(kit.file({ source: { inspectionId: 'insp-service' } }))
      .thenState((state) => expect(state.status).toBe('filed'));
  });

  it('EC-15 prepare loads the hazard through the port, so decide sees its facts', async () => {
    const facts = await decider.prepare!(link('h-chem-major'), decider.initialState(), {
      now: sampleNow,
      streamId: 'case-c-1',
      version: 1,
    });
    expect(facts).toEqual({ hazard: kit.hazards['h-chem-major'] });
    const none = await decider.prepare!(link('h-none'), decider.initialState(), {
      now: sampleNow,
      streamId: 'case-c-1',
      version: 1,
    });
    expect(none).toEqual({ hazard: null });
  });
});
