import {
  actorFor,
  createSampleSafetyDirectory,
  deciderSpec,
  sampleHazardCommands,
  sampleInspectionCommands,
  sampleItemCommands,
  sampleNow,
  sampleSiteCommands,
  staticItemHazards,
  staticSubjectStatus,
} from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import type { RuleViolationError } from '../eventsourcing/errors.js';
import { createHazardDecider } from './hazard/decide.js';
import { createInspectionDecider } from './inspection/decide.js';
import { describeViolation } from './rules/describe-violation.js';
import { createSiteDecider } from './site/decide.js';
import { createSupervisionItemDecider } from './supervision-item/decide.js';
import { createVenueDecider } from './venue/decide.js';

/*
 * Authorisation refusals (G-5 and the rules that name who acts) reach users in their language:
 * the role as the vocabulary names it and the reason in the terms of the regulations, while
 * `error.message` stays English for logs.
 */

function both(error: RuleViolationError) {
  return { zh: describeViolation(error, 'zh-CN'), en: describeViolation(error, 'en') };
}

describe('G-5 refusals in Chinese', () => {
  it('Hazard: an officer out of scope registers, a worker reports completion, an outside officer verifies', () => {
    const kit = sampleHazardCommands();
    const spec = deciderSpec(createHazardDecider({ directory: kit.directory }), {
      now: sampleNow,
      streamId: 'hazard-h-1',
    });
    const outOfScope = spec
      .given([])
      .when(kit.registerGeneral({ actor: kit.actors.farOfficer }))
      .thenViolates('G-5', 'Forbidden');
    expect(outOfScope.details).toMatchObject({ reason: 'out_of_scope', subjectId: 'ent-chem' });
    expect(both(outOfScope)).toEqual({
      zh: '执法人员p-far-enf-1（org-safety-far）对生产经营单位ent-chem没有管辖或管理职责',
      en: 'EnforcementOfficer p-far-enf-1 of org-safety-far is out of scope for enterprise ent-chem',
    });
    const worker = spec
      .givenCommands([kit.registerGeneral()])
      .when({ ...kit.complete(), actor: kit.actors.worker })
      .thenViolates('G-5', 'Forbidden');
    expect(both(worker).zh).toBe(
      '从业人员p-worker（ent-chem）无权办理“完成整改”：仅限生产经营单位ent-chem的安全生产管理人员或主要负责人办理',
    );
    const majorCompleted = [kit.registerMajor(), ...kit.majorPrerequisites(), kit.complete()];
    const outsider = spec
      .givenCommands(majorCompleted)
      .when({
        type: 'VerifyRectification',
        actor: kit.actors.officers[0],
        outcome: 'passed',
        kind: 'regulator_review',
        verifierIds: ['p-enf-1', 'p-far-enf-1'],
      })
      .thenViolates('H-18', 'Forbidden');
    expect(both(outsider).zh).toBe('p-far-enf-1不是监管部门org-safety的人员，不能验收重大事故隐患');
  });

  it('Inspection: a team outsider starts, an officer of another district schedules', () => {
    const kit = sampleInspectionCommands();
    const spec = deciderSpec(
      createInspectionDecider({ directory: kit.directory, subjects: staticSubjectStatus() }),
      { now: sampleNow, streamId: 'insp-i-1', facts: { subjectStatus: 'active' } },
    );
    const outsider = spec
      .givenCommands([kit.schedule()])
      .when(kit.start({ actor: kit.actors.third }))
      .thenViolates('G-5', 'Forbidden');
    expect(both(outsider)).toEqual({
      zh: '执法人员p-enf-3（org-safety）无权办理“开始检查”：仅限检查i-1的检查人员办理',
      en: 'EnforcementOfficer p-enf-3 of org-safety may not send StartInspection: only an inspector of inspection i-1 may',
    });
    const far = spec
      .given([])
      .when(
        kit.schedule({
          actor: kit.actors.farOfficer,
          inspectorIds: ['p-far-enf-1', 'p-far-enf-2'],
        }),
      )
      .thenViolates('G-5', 'Forbidden');
    expect(both(far).zh).toBe(
      '执法人员p-far-enf-1（org-safety-far）无权对生产经营单位ent-chem办理“安排检查”：不在org-safety-far的管辖范围内',
    );
  });

  it('SupervisionItem: a supervision team assigns an item, which only the committee office may', () => {
    const kit = sampleItemCommands();
    const spec = deciderSpec(
      createSupervisionItemDecider({ directory: kit.directory, hazards: staticItemHazards() }),
      { now: sampleNow, streamId: 'item-it-1', facts: () => ({}) },
    );
    const error = spec
      .givenCommands([kit.receive()])
      .when(kit.assign({ actor: kit.actors.issuer }))
      .thenViolates('SI-0', 'Forbidden');
    expect(both(error)).toEqual({
      zh: '督导组p-team-1（org-team-city）无权办理“分办事项”：仅限安委办办理',
      en: 'SupervisionTeam p-team-1 of org-team-city may not send AssignItem: only SafetyCommitteeOffice may',
    });
  });

  it('Venue: a special officer marks the industry regulator, a grid patroller spot-checks', () => {
    const directory = createSampleSafetyDirectory();
    const a = (id: string) => actorFor(directory, id);
    const answer = <T>(value: T) => ({ value, streamId: 'x', seenVersion: 1, headVersion: 1 });
    const spec = deciderSpec(
      createVenueDecider({
        directory,
        categoryLeads: {
          name: 'category-leads',
          categoryLeads: async () => answer(['org-industry']),
        },
        hazards: { name: 'venue-hazards', liveHazards: async () => answer([]) },
      }),
      {
        now: sampleNow,
        streamId: 'venue-venue-1',
        facts: { categoryLeads: ['org-industry'], liveHazards: [] },
      },
    );
    const registered = [
      {
        type: 'RegisterVenue',
        actor: a('p-grid-1'),
        venueId: 'venue-1',
        name: 'Noodle shop',
        address: '1 Park Road',
        category: 'small_restaurant',
        areaId: 'area-park',
        operator: { name: 'Mr Wang', personId: 'p-venue-op' },
      },
    ] as const;
    const marking = spec
      .givenCommands(registered)
      .when({
        type: 'MarkResponsibleParty',
        actor: a('p-spec-1'),
        role: 'industry',
        orgId: 'org-industry',
      })
      .thenViolates('V-2', 'Forbidden');
    expect(both(marking).zh).toBe(
      '专项监管部门人员p-spec-1无权作“行业”标注：仅限辖区覆盖区域area-park的行业监管部门监管人员或安委办标注',
    );
    const spotCheck = spec
      .givenCommands(registered)
      .when({
        type: 'RecordPatrol',
        actor: a('p-grid-1'),
        kind: 'spot_check',
        mode: 'online',
        result: 'ok',
      })
      .thenViolates('V-3', 'Forbidden');
    expect(both(spotCheck).zh).toBe(
      '网格员p-grid-1无权登记巡查：抽查仅限已标注部门或综合监管部门的监管人员登记',
    );
  });

  it('Site: a landlord safety officer signs the safety agreement, which only principals sign', () => {
    const kit = sampleSiteCommands();
    const spec = deciderSpec(createSiteDecider({ directory: kit.directory }), {
      now: sampleNow,
      streamId: 'site-site-1',
    });
    const error = spec
      .givenCommands([kit.registerSite(), kit.registerTenancy()])
      .when(kit.signAgreement({ actor: kit.actors.landlordSafetyOfficer }))
      .thenViolates('G-5', 'Forbidden');
    expect(error.details).toMatchObject({ reason: 'not_tenancy_principal' });
    expect(both(error).zh).toMatch(
      /^安全生产管理人员p-ll-so（ent-landlord）无权签订租赁t-1的安全管理协议：仅限ent-landlord或\S+的主要负责人签订$/,
    );
  });
});
