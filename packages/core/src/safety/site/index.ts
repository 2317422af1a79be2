// The public surface of the MultiTenantSite aggregate (domain spec §4.7), re-exported by the
// package index.
export {
  type EndTenancy,
  EndTenancySchema,
  type ParsedSiteCommand,
  type RecordDeviceInstallation,
  RecordDeviceInstallationSchema,
  type RecordLandlordCheck,
  RecordLandlordCheckSchema,
  type RegisterSite,
  RegisterSiteSchema,
  type RegisterTenancy,
  RegisterTenancySchema,
  type SignSafetyAgreement,
  SignSafetyAgreementSchema,
  type SiteCommand,
  SiteCommandSchema,
  type SiteCommandType,
} from './commands.js';
export {
  COORDINATION_POLICY,
  type CoordinationHazardPolicyOptions,
  type CoordinationHazardRun,
  coordinationHazardId,
  type RejectedCoordinationHazard,
  runCoordinationHazardPolicy,
} from './coordination-policy.js';
export { createSiteDecider, type SiteDecider, type SiteDeciderOptions } from './decide.js';
export {
  LandlordCheckRecorded,
  SafetyAgreementSigned,
  SafetyDevicesInstalled,
  type SiteEvent,
  type SiteEventType,
  SiteRegistered,
  siteEvents,
  TenancyEnded,
  TenancyRegistered,
} from './events.js';
export { periodsOverlap, type TenancyPeriod } from './periods.js';
export { type SiteActors, siteCommandActors } from './permissions.js';
export { siteRules } from './rules.js';
export { siteStreamId } from './site-stream.js';
export {
  evolveSite,
  findTenancy,
  initialSiteState,
  isRegisteredSite,
  type LandlordCheck,
  type RegisteredSite,
  type SiteAgreement,
  type SiteDevices,
  type SiteState,
  type SiteTenancy,
  type UnregisteredSite,
} from './state.js';
export {
  agreementDueDate,
  isTenancyActive,
  nextCheckDueDate,
  type SiteLapse,
  siteLapses,
} from './time-facts.js';
export {
  type AgreementCover,
  AgreementCoverSchema,
  type AgreementForm,
  AgreementFormSchema,
  type DeviceKind,
  DeviceKindSchema,
} from './values.js';
