import type {
  EndTenancy,
  InMemoryDirectory,
  RecordLandlordCheck,
  RegisterSite,
  RegisterTenancy,
  SafetyActor,
  SignSafetyAgreement,
} from '@safeledger/core';
import { actorFor, createSampleSafetyDirectory } from './sample-directory.js';

/**
 * Ready-made multi-tenant site commands on the sample directory: site `site-1` of the landlord
 * `ent-landlord` in the chemical park, leased to `ent-chem` (and `ent-far`); override any field.
 */
export interface SampleSiteCommands {
  readonly directory: InMemoryDirectory;
  readonly actors: {
    readonly landlordPrincipal: SafetyActor;
    readonly landlordSafetyOfficer: SafetyActor;
    readonly tenantPrincipal: SafetyActor;
    readonly tenantSafetyOfficer: SafetyActor;
    readonly otherTenantPrincipal: SafetyActor;
    readonly territorialOfficer: SafetyActor;
    readonly enforcementOfficer: SafetyActor;
  };
  /** The landlord's Principal registers `site-1`. */
  registerSite(overrides?: Partial<RegisterSite>): RegisterSite;
  /** A productive tenancy `t-1` of `ent-chem` from 2024-01-01, qualification checked. */
  registerTenancy(overrides?: Partial<RegisterTenancy>): RegisterTenancy;
  /** The agreement of `t-1`, signed by both Principals, covering hazard management. */
  signAgreement(overrides?: Partial<SignSafetyAgreement>): SignSafetyAgreement;
  /** The landlord's safety officer checks `t-1`. */
  check(overrides?: Partial<RecordLandlordCheck>): RecordLandlordCheck;
  /** The landlord ends `t-1` on 2024-02-29. */
  endTenancy(overrides?: Partial<EndTenancy>): EndTenancy;
}

/** Builds the sample site kit over `createSampleSafetyDirectory()`. */
export function sampleSiteCommands(
  directory: InMemoryDirectory = createSampleSafetyDirectory(),
): SampleSiteCommands {
  const actors = {
    landlordPrincipal: actorFor(directory, 'p-ll-principal'),
    landlordSafetyOfficer: actorFor(directory, 'p-ll-so'),
    tenantPrincipal: actorFor(directory, 'p-principal'),
    tenantSafetyOfficer: actorFor(directory, 'p-so-1'),
    otherTenantPrincipal: actorFor(directory, 'p-far-principal'),
    territorialOfficer: actorFor(directory, 'p-terr-1'),
    enforcementOfficer: actorFor(directory, 'p-enf-1'),
  };
  return {
    directory,
    actors,
    registerSite: (overrides = {}) => ({
      type: 'RegisterSite',
      actor: actors.landlordPrincipal,
      siteId: 'site-1',
      landlordEnterpriseId: 'ent-landlord',
      name: 'Landlord plant',
      address: '1 Park Road',
      areaId: 'area-park',
      ...overrides,
    }),
    registerTenancy: (overrides = {}) => ({
      type: 'RegisterTenancy',
      actor: actors.landlordSafetyOfficer,
      tenancyId: 't-1',
      tenantEnterpriseId: 'ent-chem',
      productive: true,
      premisesPart: 'Hall 2',
      startDate: '2024-01-01',
      qualificationChecked: true,
      ...overrides,
    }),
    signAgreement: (overrides = {}) => ({
      type: 'SignSafetyAgreement',
      actor: actors.landlordPrincipal,
      tenancyId: 't-1',
      landlordSignatoryId: 'p-ll-principal',
      tenantSignatoryId: 'p-principal',
      form: 'standalone',
      covers: ['hazard_management', 'fire_safety'],
      ...overrides,
    }),
    check: (overrides = {}) => ({
      type: 'RecordLandlordCheck',
      actor: actors.landlordSafetyOfficer,
      tenancyId: 't-1',
      findingsCount: 0,
      ...overrides,
    }),
    endTenancy: (overrides = {}) => ({
      type: 'EndTenancy',
      actor: actors.landlordPrincipal,
      tenancyId: 't-1',
      endDate: '2024-02-29',
      ...overrides,
    }),
  };
}
