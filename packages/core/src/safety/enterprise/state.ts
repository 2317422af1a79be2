import type { LocalDate } from '../calendar/local-date.js';
import type { EnterpriseEvent } from './events.js';
import type {
  HazardStatisticsCounts,
  RegistryPerson,
  RiskLevel,
  RiskReportType,
  StandardizationGrade,
} from './values.js';

/** The registry status of §4.8; time-derived facts (validity, lateness) are never state (G-6). */
export type EnterpriseStatus = 'active' | 'closed';

/** A standardization award; `revokedAt` once revoked (E-3). */
export interface StandardizationAward {
  readonly grade: StandardizationGrade;
  readonly authorityOrgId: string;
  readonly awardedOn: LocalDate;
  readonly validUntil: LocalDate;
  readonly publicNoticeRef: string;
  readonly revokedAt: string | null;
}

/** A filed risk report (E-4). */
export interface RiskReport {
  readonly year: number;
  readonly reportType: RiskReportType;
  readonly filedAt: string;
  readonly risks: readonly { readonly level: RiskLevel; readonly description: string }[];
  readonly projectAcceptedOn: LocalDate | null;
  readonly riskChangedOn: LocalDate | null;
}

/** A hazard statistics filing (E-5). */
export interface StatisticsFiling {
  readonly period: string;
  readonly submittedAt: string;
  readonly signedBy: string;
  readonly counts: HazardStatisticsCounts;
}

/** A registered enterprise. */
export interface RegisteredEnterprise {
  readonly registered: true;
  readonly enterpriseId: string;
  readonly uscc: string;
  readonly name: string;
  readonly areaId: string;
  readonly sectorCode: string;
  readonly industryRegulatorOrgId: string;
  readonly aboveDesignatedSize: boolean;
  readonly isKey: boolean;
  readonly specialties: readonly string[];
  readonly principal: RegistryPerson;
  readonly safetyOfficers: readonly RegistryPerson[];
  /** Every award, oldest first; the last one is the current grade (E-3). */
  readonly standardization: readonly StandardizationAward[];
  readonly riskReports: readonly RiskReport[];
  readonly emergencyTeam: { readonly memberCount: number; readonly establishedAt: string } | null;
  readonly statistics: readonly StatisticsFiling[];
  readonly status: EnterpriseStatus;
  readonly registeredAt: string;
  /** Stream version folded so far. */
  readonly version: number;
}

/** The state of an enterprise stream: nothing yet, or a registered enterprise. */
export type EnterpriseState =
  | { readonly registered: false; readonly version: number }
  | RegisteredEnterprise;

/** The state of a stream with no events. */
export function initialEnterpriseState(): EnterpriseState {
  return { registered: false, version: 0 };
}

/** True once `EnterpriseRegistered` has been folded. */
export function isRegisteredEnterprise(state: EnterpriseState): state is RegisteredEnterprise {
  return state.registered;
}

/** The award in force as last recorded (possibly revoked or expired: validity is derived). */
export function currentAward(state: RegisteredEnterprise): StandardizationAward | undefined {
  return state.standardization.at(-1);
}

/** Folds one enterprise event into the state. */
export function evolveEnterprise(state: EnterpriseState, event: EnterpriseEvent): EnterpriseState {
  const version = state.version + 1;
  if (event.type === 'EnterpriseRegistered') {
    const { enterpriseId, uscc, principal, occurredAt } = event.data;
    return {
      registered: true,
      enterpriseId,
      uscc,
      ...profileOf(event.data),
      principal,
      safetyOfficers: [],
      standardization: [],
      riskReports: [],
      emergencyTeam: null,
      statistics: [],
      status: 'active',
      registeredAt: occurredAt,
      version,
    };
  }
  if (!isRegisteredEnterprise(state)) return { ...state, version };
  switch (event.type) {
    case 'EnterpriseProfileUpdated':
      return { ...state, ...profileOf(event.data), version };
    case 'PrincipalChanged':
      return { ...state, principal: event.data.principal, version };
    case 'SafetyOfficerAppointed':
      return {
        ...state,
        safetyOfficers: [
          ...state.safetyOfficers.filter((o) => o.personId !== event.data.officer.personId),
          event.data.officer,
        ],
        version,
      };
    case 'RiskReportFiled': {
      const { year, reportType, risks, projectAcceptedOn, riskChangedOn, occurredAt } = event.data;
      return {
        ...state,
        riskReports: [
          ...state.riskReports,
          {
            year,
            reportType,
            filedAt: occurredAt,
            risks,
            projectAcceptedOn,
            riskChangedOn,
          },
        ],
        version,
      };
    }
    case 'StandardizationGradeAwarded': {
      const { grade, authorityOrgId, awardedOn, validUntil, publicNoticeRef } = event.data;
      return {
        ...state,
        standardization: [
          ...state.standardization,
          { grade, authorityOrgId, awardedOn, validUntil, publicNoticeRef, revokedAt: null },
        ],
        version,
      };
    }
    case 'StandardizationGradeRevoked':
      return {
        ...state,
        standardization: state.standardization.map((award, index, all) =>
          index === all.length - 1 ? { ...award, revokedAt: event.data.occurredAt } : award,
        ),
        version,
      };
    case 'EmergencyTeamEstablished':
      return {
        ...state,
        emergencyTeam: {
          memberCount: event.data.memberCount,
          establishedAt: event.data.occurredAt,
        },
        version,
      };
    case 'HazardStatisticsSubmitted': {
      const { period, counts, signedBy, occurredAt } = event.data;
      return {
        ...state,
        statistics: [...state.statistics, { period, counts, signedBy, submittedAt: occurredAt }],
        version,
      };
    }
    case 'EnterpriseClosed':
      return { ...state, status: 'closed', version };
  }
}

function profileOf(data: {
  name: string;
  areaId: string;
  sectorCode: string;
  industryRegulatorOrgId: string;
  aboveDesignatedSize: boolean;
  isKey: boolean;
  specialties: readonly string[];
}) {
  const { name, areaId, sectorCode, industryRegulatorOrgId, aboveDesignatedSize, isKey } = data;
  return {
    name,
    areaId,
    sectorCode,
    industryRegulatorOrgId,
    aboveDesignatedSize,
    isKey,
    specialties: [...data.specialties],
  };
}
