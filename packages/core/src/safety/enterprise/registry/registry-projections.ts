import type { StoredEvent } from '../../../eventsourcing/envelope.js';
import { defineProjection } from '../../../eventsourcing/projection.js';
import type { EnterpriseRecord } from '../../directory/subject-records.js';
import type { EnterpriseEvent } from '../events.js';
import type { EnterpriseStatus } from '../state.js';
import type { RegistryPerson } from '../values.js';

/** One enterprise as the registry directory reads it, with the stream version it reflects. */
export interface RegistryEnterpriseDocument {
  readonly record: EnterpriseRecord;
  readonly principal: RegistryPerson;
  readonly safetyOfficers: readonly RegistryPerson[];
  readonly status: EnterpriseStatus;
  /** Version of `ent-{id}` folded into this document; G-9 compares it with the stream's. */
  readonly streamVersion: number;
}

/** A person the registry has named, and the enterprises that named them (roles come from those). */
export interface RegistryPersonDocument {
  readonly personId: string;
  readonly name: string;
  readonly enterpriseIds: readonly string[];
}

/**
 * Enterprises by id (`registry-enterprises`): the directory record (area, sector, specialties,
 * supervising regulator), principal and safety officers. Every enterprise event updates it, so
 * its `streamVersion` equals the stream's version once it has caught up.
 */
export const registryEnterpriseProjection = defineProjection<
  RegistryEnterpriseDocument | null,
  EnterpriseEvent
>({
  name: 'registry-enterprises',
  version: 1,
  handles: [
    'EnterpriseRegistered',
    'EnterpriseProfileUpdated',
    'PrincipalChanged',
    'SafetyOfficerAppointed',
    'RiskReportFiled',
    'StandardizationGradeAwarded',
    'StandardizationGradeRevoked',
    'EmergencyTeamEstablished',
    'HazardStatisticsSubmitted',
    'EnterpriseClosed',
  ],
  documentId: (event) => event.data.enterpriseId,
  init: () => null,
  apply: (document, event: StoredEvent<EnterpriseEvent>) => {
    const data = event.data;
    if (event.type === 'EnterpriseRegistered') {
      return {
        record: recordOf(event.data.enterpriseId, event.data),
        principal: event.data.principal,
        safetyOfficers: [],
        status: 'active',
        streamVersion: event.version,
      };
    }
    if (document === null) return null;
    document.streamVersion = event.version;
    switch (event.type) {
      case 'EnterpriseProfileUpdated':
        document.record = recordOf(data.enterpriseId, event.data);
        break;
      case 'PrincipalChanged':
        document.principal = event.data.principal;
        break;
      case 'SafetyOfficerAppointed':
        document.safetyOfficers = [
          ...document.safetyOfficers.filter((o) => o.personId !== event.data.officer.personId),
          event.data.officer,
        ];
        break;
      case 'EnterpriseClosed':
        document.status = 'closed';
        break;
      default:
        break;
    }
    return undefined;
  },
});

function recordOf(
  id: string,
  profile: {
    name: string;
    areaId: string;
    sectorCode: string;
    specialties: readonly string[];
    industryRegulatorOrgId: string;
  },
): EnterpriseRecord {
  return {
    id,
    name: profile.name,
    areaId: profile.areaId,
    sectorCode: profile.sectorCode,
    specialties: [...profile.specialties],
    supervisingOrgId: profile.industryRegulatorOrgId,
  };
}

/** The person named by an event, if any. */
function namedPerson(event: EnterpriseEvent): RegistryPerson | undefined {
  switch (event.type) {
    case 'EnterpriseRegistered':
    case 'PrincipalChanged':
      return event.data.principal;
    case 'SafetyOfficerAppointed':
      return event.data.officer;
    default:
      return undefined;
  }
}

/**
 * Persons by id (`registry-people`): who the registry named as principal or safety officer, and
 * where. A person's current roles are read from those enterprises' documents, so a principal
 * replaced elsewhere loses the role without this document changing.
 */
export const registryPeopleProjection = defineProjection<
  RegistryPersonDocument | null,
  EnterpriseEvent
>({
  name: 'registry-people',
  version: 1,
  handles: ['EnterpriseRegistered', 'PrincipalChanged', 'SafetyOfficerAppointed'],
  documentId: (event) => namedPerson(event)?.personId ?? null,
  init: () => null,
  apply: (document, event: StoredEvent<EnterpriseEvent>) => {
    const person = namedPerson(event)!;
    const known = document?.enterpriseIds ?? [];
    return {
      personId: person.personId,
      name: person.name,
      enterpriseIds: known.includes(event.data.enterpriseId)
        ? [...known]
        : [...known, event.data.enterpriseId],
    };
  },
});

/** Both projections the registry directory reads; run them with a projection runner. */
export const registryProjections = [
  registryEnterpriseProjection,
  registryPeopleProjection,
] as const;
