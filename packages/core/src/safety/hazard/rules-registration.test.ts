import { deciderSpec, sampleHazardCommands, sampleNow } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import type { HazardCommand } from './commands.js';
import { createHazardDecider } from './decide.js';

const kit = sampleHazardCommands();
const { actors } = kit;
const decider = createHazardDecider({ directory: kit.directory });
const spec = deciderSpec(decider, { now: sampleNow, streamId: 'hazard-h-1' });

describe('registration rules', () => {
  it('H-0 commands other than RegisterHazard need a registered hazard; each runs only in its states', () => {
    spec.given([]).when(kit.complete()).thenViolates('H-0', 'HazardNotRegistered');
    const error = spec
      .givenCommands([kit.registerGeneral()])
      .when({ type: 'RequestVerification', actor: actors.safetyOfficer, purpose: 'closure' })
      .thenViolates('H-0', 'InvalidState');
    expect(error.details).toMatchObject({ state: 'open', allowed: ['awaiting_verification'] });
  });

  it('H-1 one subject and one responsible party, in the directory, registered once', () => {
    spec
      .given([])
      .when(kit.registerGeneral({ subject: { kind: 'enterprise', id: 'ent-ghost' } }))
      .thenViolates('H-1', 'UnknownSubject');
    spec
      .given([])
      .when(kit.registerGeneral({ responsibleEnterpriseId: 'ent-landlord' }))
      .thenViolates('H-1', 'ResponsiblePartyMismatch');
    const siteByOfficer = kit.registerGeneral({
      actor: actors.officers[0],
      source: 'regulator_inspection',
      subject: { kind: 'site', id: 'site-1' },
    });
    spec.given([]).when(siteByOfficer).thenViolates('H-1', 'ResponsiblePartyMismatch');
    spec
      .given([])
      .when({ ...siteByOfficer, responsibleEnterpriseId: 'ent-chem' })
      .thenState((state) =>
        expect(state).toMatchObject({
          responsible: { kind: 'enterprise', id: 'ent-chem' },
          sectorCode: 'C26',
        }),
      );
    spec
      .givenCommands([kit.registerGeneral()])
      .when(kit.registerGeneral())
      .thenViolates('H-1', 'AlreadyRegistered');
  });

  it('H-2 a major hazard needs a major basis and a general one has none', () => {
    const { majorBasis: _basis, ...withoutBasis } = kit.registerMajor();
    spec.given([]).when(withoutBasis).thenViolates('H-2', 'MajorBasisRequired');
    spec
      .given([])
      .when(kit.registerGeneral({ majorBasis: { standardId: 'MEM-2023-10', clause: '3' } }))
      .thenViolates('H-2', 'MajorBasisNotAllowed');
    spec
      .givenCommands([kit.registerGeneral()])
      .when({
        type: 'RegradeHazard',
        actor: actors.principal,
        to: 'major',
        reason: 'sector standard applies',
      })
      .thenViolates('H-2', 'MajorBasisRequired');
  });

  it('H-3 the nature is one of the three national kinds', () => {
    const error = spec
      .given([])
      .when(kit.registerGeneral({ nature: 'bad_luck' }))
      .thenViolates('H-3', 'UnknownHazardNature');
    expect(error.details).toMatchObject({ nature: 'bad_luck' });
    spec
      .givenCommands([kit.registerGeneral()])
      .when({ type: 'CorrectHazardDetails', actor: actors.safetyOfficer, nature: 'weather' })
      .thenViolates('H-3', 'UnknownHazardNature');
  });

  it('H-4 a deadline is required unless the hazard was rectified on the spot', () => {
    const { deadline: _deadline, ...noDeadline } = kit.registerGeneral();
    spec.given([]).when(noDeadline).thenViolates('H-4', 'DeadlineRequired');
    spec
      .given([])
      .when({ ...noDeadline, rectifiedOnSpot: { actionsTaken: 'moved the pallets' } })
      .thenState((state) =>
        expect(state).toMatchObject({
          status: 'awaiting_verification',
          deadline: '2024-03-01',
          rectifiedOnSpot: true,
        }),
      );
  });

  it('H-5 a major hazard cannot be registered as rectified on the spot', () => {
    spec
      .given([])
      .when(kit.registerMajor({ rectifiedOnSpot: { actionsTaken: 'patched' } }))
      .thenViolates('H-5', 'MajorCannotBeRectifiedOnSpot');
  });

  it('H-6 the deadline is not before the local registration date', () => {
    const error = spec
      .given([])
      .when(kit.registerGeneral({ deadline: '2024-02-29' }))
      .thenViolates('H-6', 'DeadlineBeforeRegistration');
    expect(error.details).toMatchObject({ deadline: '2024-02-29', registrationDate: '2024-03-01' });
    // 2024-02-29T16:30Z is already 2024-03-01 00:30 in Asia/Shanghai: a deadline of 02-29 is in the past there.
    spec
      .given([])
      .when(kit.registerGeneral({ deadline: '2024-02-29', occurredAt: '2024-02-29T16:30:00Z' }))
      .thenViolates('H-6', 'DeadlineBeforeRegistration');
    spec
      .given([])
      .when(kit.registerGeneral({ deadline: '2024-02-29', occurredAt: '2024-02-29T15:59:59.999Z' }))
      .thenState((state) => expect(state.status).toBe('open'));
  });

  it('H-7 closed and voided hazards reject every command', () => {
    const voided = [
      kit.registerGeneral(),
      {
        type: 'VoidHazard',
        actor: actors.principal,
        reason: 'entered twice',
      } satisfies HazardCommand,
    ];
    spec
      .givenCommands(voided)
      .when({ type: 'CorrectHazardDetails', actor: actors.safetyOfficer, location: 'Yard' })
      .thenViolates('H-7', 'HazardTerminal');
    spec.givenCommands(voided).when(kit.registerGeneral()).thenViolates('H-7', 'HazardTerminal');
  });

  it('H-27 a closed hazard is never reopened; a recurrence is a new hazard', () => {
    const closed: HazardCommand[] = [
      kit.registerGeneral({ rectifiedOnSpot: { actionsTaken: 'moved' } }),
      {
        type: 'VerifyRectification',
        actor: actors.safetyOfficer2,
        outcome: 'passed',
        kind: 'internal_check',
        verifierIds: ['p-so-2'],
      },
    ];
    spec.givenCommands(closed).when(kit.complete()).thenViolates('H-27', 'HazardTerminal');
    spec
      .givenCommands(closed)
      .when({
        type: 'VerifyRectification',
        actor: actors.safetyOfficer2,
        outcome: 'failed',
        kind: 'internal_check',
        verifierIds: ['p-so-2'],
      })
      .thenViolates('H-27', 'HazardTerminal');
    spec
      .given([])
      .when(kit.registerGeneral({ hazardId: 'h-2', recurrenceOf: 'h-1' }), {
        streamId: 'hazard-h-2',
      })
      .thenState((state) => expect(state).toMatchObject({ recurrenceOf: 'h-1', status: 'open' }));
  });

  describe('H-8 deadline owner and extension', () => {
    it('H-8 regulator sources and rectification orders give the deadline to a regulator', () => {
      spec
        .given([])
        .when(kit.registerGeneral({ actor: actors.officers[0], source: 'enforcement_inspection' }))
        .thenState((state) =>
          expect(state).toMatchObject({
            deadlineOwner: { kind: 'regulator', orgId: 'org-safety' },
          }),
        );
      spec
        .given([])
        .when(
          kit.registerGeneral({ rectificationOrder: { orderNo: 'RO-1', orgId: 'org-industry' } }),
        )
        .thenState((state) =>
          expect(state).toMatchObject({
            deadlineOwner: { kind: 'regulator', orgId: 'org-industry' },
            rectificationOrderNo: 'RO-1',
          }),
        );
      spec
        .given([])
        .when(kit.registerGeneral({ actor: actors.officers[0], source: 'service_visit' }))
        .thenState((state) =>
          expect(state).toMatchObject({ deadlineOwner: { kind: 'enterprise' } }),
        );
    });

    it('H-8 only the owner extends, to a later date, with a reason, before the deadline ends', () => {
      const regulatorOwned = [
        kit.registerGeneral({
          actor: actors.officers[0],
          source: 'regulator_inspection',
          deadline: '2024-03-10',
        }),
      ];
      const extend = (actor = actors.head, extra: Partial<HazardCommand> = {}) =>
        ({
          type: 'ExtendRectificationDeadline',
          actor,
          newDeadline: '2024-03-20',
          reason: 'parts on order',
          ...extra,
        }) as HazardCommand;
      spec
        .givenCommands(regulatorOwned)
        .when(extend(actors.officers[1]))
        .thenViolates('H-8', 'Forbidden');
      spec
        .givenCommands(regulatorOwned)
        .when(extend(actors.principal))
        .thenViolates('H-8', 'Forbidden');
      spec
        .givenCommands(regulatorOwned)
        .when(extend(actors.head, { reason: '  ' }))
        .thenViolates('H-8', 'ReasonRequired');
      spec
        .givenCommands(regulatorOwned)
        .when(extend(actors.head, { newDeadline: '2024-03-10' }))
        .thenViolates('H-8', 'DeadlineNotLater');
      spec
        .givenCommands(regulatorOwned)
        .when(extend())
        .thenEmits([
          {
            type: 'RectificationDeadlineExtended',
            data: {
              hazardId: 'h-1',
              occurredAt: sampleNow.toISOString(),
              actor: actors.head,
              old: '2024-03-10',
              new: '2024-03-20',
              reason: 'parts on order',
              approvedBy: 'p-safety-head',
              via: 'extension',
            },
          },
        ]);
      spec
        .givenCommands([kit.registerGeneral()])
        .when(extend(actors.safetyOfficer))
        .thenViolates('H-8', 'Forbidden');
    });

    it('H-8 an extension after the end of the local deadline day is late unless the policy allows it', () => {
      const history = [
        kit.registerGeneral({ deadline: '2024-03-01', occurredAt: sampleNow.toISOString() }),
      ];
      const request = (occurredAt: string) => ({
        type: 'ExtendRectificationDeadline' as const,
        actor: actors.principal,
        newDeadline: '2024-03-08',
        reason: 'supplier delay',
        occurredAt,
      });
      const lateNow = new Date('2024-03-02T00:00:00Z');
      const late = deciderSpec(decider, { now: lateNow, streamId: 'hazard-h-1' });
      // 2024-03-01 23:59:59.999 in Shanghai is 15:59:59.999Z: still in time.
      late
        .givenCommands(history)
        .when(request('2024-03-01T15:59:59.999Z'))
        .thenState((s) => expect(s).toMatchObject({ deadline: '2024-03-08' }));
      late
        .givenCommands(history)
        .when(request('2024-03-01T16:00:00.000Z'))
        .thenViolates('H-8', 'LateExtension');
      const lenient = createHazardDecider({
        directory: kit.directory,
        policy: createSupervisionPolicy({ allowLateDeadlineExtension: true }),
      });
      deciderSpec(lenient, { now: lateNow, streamId: 'hazard-h-1' })
        .givenCommands(history)
        .when(request('2024-03-01T16:00:00.000Z'))
        .thenState((s) =>
          expect(s).toMatchObject({ deadline: '2024-03-08', originalDeadline: '2024-03-01' }),
        );
    });
  });
});

describe('general rules', () => {
  it('G-4 business time may be back-dated but not before the stream began nor over 5 minutes ahead', () => {
    const ahead = new Date(sampleNow.getTime() + 5 * 60_000 + 1).toISOString();
    const error = spec
      .given([])
      .when(kit.registerGeneral({ occurredAt: ahead }))
      .thenViolates('G-4', 'InvalidBusinessTime');
    expect(error.details).toMatchObject({ occurredAt: ahead });
    const skew = new Date(sampleNow.getTime() + 5 * 60_000).toISOString();
    spec
      .given([])
      .when(kit.registerGeneral({ occurredAt: skew }))
      .thenState((state) => expect(state.status).toBe('open'));
    const history = [kit.registerGeneral({ occurredAt: '2024-02-28T01:00:00Z' })];
    spec
      .givenCommands(history)
      .when({ ...kit.complete(), occurredAt: '2024-02-28T00:59:59.999Z' })
      .thenViolates('G-4', 'InvalidBusinessTime');
    spec
      .givenCommands(history)
      .when({ ...kit.complete(), occurredAt: '2024-02-28T01:00:00Z' })
      .thenState((state) => expect(state.status).toBe('awaiting_verification'));
  });

  it('G-5 the directory must back the actor, who must hold a role in scope', () => {
    const claimed = { ...actors.safetyOfficer, role: 'Principal' as const };
    const error = spec
      .given([])
      .when(kit.registerGeneral({ actor: claimed }))
      .thenViolates('G-5', 'Forbidden');
    expect(error.message).toContain('Principal p-so-1');
    expect(error.details).toMatchObject({ personId: 'p-so-1', role: 'Principal' });
    spec
      .given([])
      .when(kit.registerGeneral({ actor: { ...actors.safetyOfficer, enterpriseId: 'ent-far' } }))
      .thenViolates('G-5', 'Forbidden');
    spec
      .given([])
      .when(kit.registerGeneral({ actor: actors.farPrincipal }))
      .thenViolates('G-5', 'Forbidden');
    spec
      .given([])
      .when(kit.registerGeneral({ actor: actors.farOfficer, source: 'regulator_inspection' }))
      .thenViolates('G-5', 'Forbidden');
    spec
      .given([])
      .when(kit.registerGeneral({ actor: actors.legalReviewer, source: 'regulator_inspection' }))
      .thenViolates('G-5', 'Forbidden');
    // A worker cannot file an enforcement finding; an industry officer acts in its sector only.
    spec
      .given([])
      .when(kit.registerGeneral({ actor: actors.worker, source: 'enforcement_inspection' }))
      .thenViolates('G-5', 'Forbidden');
    spec
      .given([])
      .when(
        kit.registerGeneral({
          actor: actors.industryOfficer,
          source: 'regulator_inspection',
          subject: { kind: 'enterprise', id: 'ent-landlord' },
        }),
      )
      .thenViolates('G-5', 'Forbidden');
    spec
      .given([])
      .when(kit.registerGeneral({ actor: actors.industryOfficer, source: 'regulator_inspection' }))
      .thenState((state) => expect(state).toMatchObject({ supervisingOrgId: 'org-industry' }));
    // Venues: the operator, grid patrollers and fire advisors of the area.
    const venue = { subject: { kind: 'venue' as const, id: 'venue-1' } };
    spec
      .given([])
      .when(kit.registerGeneral({ ...venue, actor: actors.gridPatroller, source: 'patrol' }))
      .thenState((s) => expect(s).toMatchObject({ venueCategory: 'small_restaurant' }));
    spec
      .given([])
      .when(kit.registerGeneral({ ...venue, actor: actors.venueOperator }))
      .thenState((s) => expect(s).toMatchObject({ supervisingOrgId: 'org-territorial' }));
    spec
      .given([])
      .when(kit.registerGeneral({ ...venue, actor: actors.safetyOfficer }))
      .thenViolates('G-5', 'Forbidden');
    // A process registers only on behalf of a named, in-scope discoverer.
    const system = { personId: 'policy-po-1', role: 'System' as const };
    spec
      .given([])
      .when(kit.registerGeneral({ actor: system, source: 'regulator_inspection' }))
      .thenViolates('G-5', 'Forbidden');
    spec
      .given([])
      .when(
        kit.registerGeneral({
          actor: system,
          source: 'regulator_inspection',
          discoveredBy: actors.officers[0],
        }),
      )
      .thenState((s) =>
        expect(s).toMatchObject({ discoveredBy: actors.officers[0], registeredBy: system }),
      );
  });

  it('G-8 the registration snapshots area and sector, so later re-organisation does not rewrite it', () => {
    spec
      .given([])
      .when(kit.registerGeneral())
      .thenState((state) =>
        expect(state).toMatchObject({
          areaId: 'area-park',
          sectorCode: 'C26',
          venueCategory: null,
        }),
      );
  });

  it('rejects a schema-invalid command with a message naming the key and the value', () => {
    const error = spec
      .given([])
      .when({ ...kit.registerGeneral(), deadline: '2024-02-30' })
      .thenThrows(
        (e) => e instanceof Error && 'code' in e && e.code === 'VALIDATION_FAILED',
      ) as Error;
    expect(error.message).toContain('deadline');
    expect(error.message).toContain('"2024-02-30"');
    const unknownType = spec
      .given([])
      .when({ type: 'FixEverything' } as never)
      .thenThrows() as Error;
    expect(unknownType.message).toContain('"FixEverything"');
  });
});
