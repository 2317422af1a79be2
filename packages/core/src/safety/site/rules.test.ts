import { deciderSpec, sampleNow, sampleSiteCommands } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { describeViolation } from '../rules/describe-violation.js';
import type { SiteCommand } from './commands.js';
import { createSiteDecider } from './decide.js';

const kit = sampleSiteCommands();
const { actors } = kit;
const decider = createSiteDecider({ directory: kit.directory });
const spec = deciderSpec(decider, { now: sampleNow, streamId: 'site-site-1' });
const withTenancy: SiteCommand[] = [kit.registerSite(), kit.registerTenancy()];

describe('multi-tenant site rules', () => {
  it('MT-0 a site is registered once before anything else; tenancy ids are unique and known', () => {
    spec.given([]).when(kit.registerTenancy()).thenViolates('MT-0', 'SiteNotRegistered');
    spec
      .givenCommands([kit.registerSite()])
      .when(kit.registerSite())
      .thenViolates('MT-0', 'AlreadyRegistered');
    spec
      .givenCommands(withTenancy)
      .when(kit.registerTenancy({ tenantEnterpriseId: 'ent-far' }))
      .thenViolates('MT-0', 'DuplicateTenancy');
    spec
      .givenCommands(withTenancy)
      .when(kit.check({ tenancyId: 't-9' }))
      .thenViolates('MT-0', 'UnknownTenancy');
  });

  it('MT-1 landlord and tenant are directory enterprises, the tenant is not the landlord, one tenancy per tenant at a time', () => {
    spec
      .given([])
      .when(kit.registerSite({ landlordEnterpriseId: 'ent-ghost' }))
      .thenViolates('MT-1', 'UnknownEnterprise');
    spec
      .givenCommands([kit.registerSite()])
      .when(kit.registerTenancy({ tenantEnterpriseId: 'ent-ghost' }))
      .thenViolates('MT-1', 'UnknownEnterprise');
    spec
      .givenCommands([kit.registerSite()])
      .when(kit.registerTenancy({ tenantEnterpriseId: 'ent-landlord' }))
      .thenViolates('MT-1', 'TenantIsLandlord');
    const error = spec
      .givenCommands(withTenancy)
      .when(kit.registerTenancy({ tenancyId: 't-2', startDate: '2025-06-01' }))
      .thenViolates('MT-1', 'TenancyOverlaps');
    expect(error.details).toMatchObject({ existingTenancyId: 't-1' });
    // A lease that ended before the new one starts does not overlap it.
    spec
      .givenCommands([...withTenancy, kit.endTenancy({ endDate: '2024-01-31' })])
      .when(kit.registerTenancy({ tenancyId: 't-2', startDate: '2024-02-01' }))
      .thenState((state) =>
        expect(state.status === 'registered' && state.tenancies.length).toBe(2),
      );
    // Ending a planned lease later than another lease of the same tenant starts would overlap it.
    spec
      .givenCommands([
        kit.registerSite(),
        kit.registerTenancy({ endDate: '2024-01-31' }),
        kit.registerTenancy({ tenancyId: 't-2', startDate: '2024-02-01' }),
      ])
      .when(kit.endTenancy({ endDate: '2024-02-10' }))
      .thenViolates('MT-1', 'TenancyOverlaps');
  });

  it('MT-2 a tenancy needs the tenant’s qualification checked', () => {
    const error = spec
      .givenCommands([kit.registerSite()])
      .when(kit.registerTenancy({ qualificationChecked: false }))
      .thenViolates('MT-2', 'QualificationNotChecked');
    expect(describeViolation(error, 'zh-CN')).toBe(
      '未审查承租单位ent-chem的安全生产条件和资质，不得出租',
    );
  });

  it('MT-3 both Principals sign and the agreement covers hazard management', () => {
    const error = spec
      .givenCommands(withTenancy)
      .when(kit.signAgreement({ tenantSignatoryId: undefined, covers: ['fire_safety'] }))
      .thenViolates('MT-3', 'AgreementIncomplete');
    expect(error.details).toEqual({ missing: ['tenantSignatoryId', 'hazard_management'] });
    spec
      .givenCommands(withTenancy)
      .when(kit.signAgreement({ tenantSignatoryId: 'p-so-1' }))
      .thenViolates('MT-3', 'WrongSignatory');
    spec
      .givenCommands(withTenancy)
      .when(kit.signAgreement({ landlordSignatoryId: 'p-principal' }))
      .thenViolates('MT-3', 'WrongSignatory');
    spec
      .givenCommands(withTenancy)
      .when(kit.signAgreement({ actor: actors.tenantPrincipal, form: 'lease_clauses' }))
      .thenState((state) =>
        expect(state.status === 'registered' && state.tenancies[0]?.agreements[0]).toMatchObject({
          form: 'lease_clauses',
          landlordSignatoryId: 'p-ll-principal',
          tenantSignatoryId: 'p-principal',
        }),
      );
    // Only a signing Principal records it.
    spec
      .givenCommands(withTenancy)
      .when(kit.signAgreement({ actor: actors.landlordSafetyOfficer }))
      .thenViolates('G-5', 'Forbidden');
  });

  it('MT-7 device counts are positive whole numbers and add up', () => {
    const install = (count: number) =>
      ({
        type: 'RecordDeviceInstallation',
        actor: actors.territorialOfficer,
        kind: 'smoke_detector',
        count,
      }) as const;
    spec
      .givenCommands([kit.registerSite()])
      .when(install(0))
      .thenViolates('MT-7', 'DeviceCountNotPositive');
    spec
      .givenCommands([kit.registerSite()])
      .when(install(-2))
      .thenViolates('MT-7', 'DeviceCountNotPositive');
    spec
      .givenCommands([kit.registerSite()])
      .when(install(1.5))
      .thenViolates('MT-7', 'DeviceCountNotPositive');
    spec
      .givenCommands([kit.registerSite(), install(3)])
      .when(install(4))
      .thenState((state) =>
        expect(state.status === 'registered' && state.devices).toEqual({
          smokeDetectors: 7,
          oneKeyAlarmBroadcasters: 0,
        }),
      );
  });

  it('MT-8 a tenancy ends no earlier than it starts, and an ended tenancy accepts nothing', () => {
    spec
      .givenCommands([kit.registerSite()])
      .when(kit.registerTenancy({ endDate: '2023-12-31' }))
      .thenViolates('MT-8', 'InvalidPeriod');
    spec
      .givenCommands(withTenancy)
      .when(kit.endTenancy({ endDate: '2023-12-31' }))
      .thenViolates('MT-8', 'InvalidPeriod');
    const ended = [...withTenancy, kit.endTenancy()];
    spec.givenCommands(ended).when(kit.check()).thenViolates('MT-8', 'TenancyEnded');
    spec.givenCommands(ended).when(kit.signAgreement()).thenViolates('MT-8', 'TenancyEnded');
    spec.givenCommands(ended).when(kit.endTenancy()).thenViolates('MT-8', 'TenancyEnded');
  });

  it('G-5 the landlord or an officer of the area acts; tenants and outsiders do not', () => {
    spec
      .given([])
      .when(kit.registerSite({ actor: actors.tenantPrincipal }))
      .thenViolates('G-5', 'Forbidden');
    spec
      .given([])
      .when(kit.registerSite({ actor: actors.territorialOfficer }))
      .thenEmits([
        {
          type: 'SiteRegistered',
          data: {
            siteId: 'site-1',
            occurredAt: sampleNow.toISOString(),
            actor: actors.territorialOfficer,
            landlordEnterpriseId: 'ent-landlord',
            name: 'Landlord plant',
            address: '1 Park Road',
            areaId: 'area-park',
          },
        },
      ]);
    spec
      .givenCommands(withTenancy)
      .when(kit.check({ actor: actors.territorialOfficer }))
      .thenViolates('G-5', 'Forbidden');
    spec
      .givenCommands(withTenancy)
      .when(kit.check({ actor: actors.tenantSafetyOfficer }))
      .thenViolates('G-5', 'Forbidden');
    spec
      .givenCommands(withTenancy)
      .when(kit.registerTenancy({ tenancyId: 't-2', actor: actors.enforcementOfficer }))
      .thenViolates('G-5', 'Forbidden');
  });
});
