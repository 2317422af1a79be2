import { type HazardLedgerRow, type Locale, label, vocabularyLabels } from '@safeledger/core';

/** Drops the keys whose value is undefined, so optional filters stay absent rather than undefined. */
export function defined<T extends Record<string, unknown>>(
  value: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/** A ledger row as the service answers it: the stored row plus its codes' labels in one language. */
export function presentRow(row: HazardLedgerRow, locale: Locale) {
  return {
    ...row,
    labels: {
      status: label('hazardState', row.status, locale),
      grade: label('hazardGrade', row.grade, locale),
      // Unknown codes (a source added after this build) are shown as they are.
      source: vocabularyLabels('hazardSource', row.source, locale) ?? row.source,
      nature: vocabularyLabels('hazardNature', row.nature, locale) ?? row.nature,
    },
  };
}
