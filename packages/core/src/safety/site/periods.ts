import { compareLocalDates, type LocalDate } from '../calendar/local-date.js';
import type { SiteTenancy } from './state.js';

/** A tenancy's period in local days, both ends included; `end` null means open-ended. */
export interface TenancyPeriod {
  readonly start: LocalDate;
  readonly end: LocalDate | null;
}

/** True when two periods share at least one local day (MT-1). */
export function periodsOverlap(a: TenancyPeriod, b: TenancyPeriod): boolean {
  const aEndsBeforeB = a.end !== null && compareLocalDates(a.end, b.start) < 0;
  const bEndsBeforeA = b.end !== null && compareLocalDates(b.end, a.start) < 0;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** The other tenancy of the same tenant whose period overlaps `period`, if any (MT-1). */
export function overlappingTenancy(
  tenancies: readonly SiteTenancy[],
  tenantEnterpriseId: string,
  period: TenancyPeriod,
  exceptTenancyId?: string,
): SiteTenancy | undefined {
  return tenancies.find(
    (other) =>
      other.tenancyId !== exceptTenancyId &&
      other.tenantEnterpriseId === tenantEnterpriseId &&
      periodsOverlap({ start: other.startDate, end: other.endDate }, period),
  );
}
