import {
  describeViolation,
  formatCny,
  formatLocalDate,
  type HazardGrade,
  type HazardStatus,
  isRuleViolation,
  type Locale,
  label,
  type SupervisionPolicy,
} from '@safeledger/core';

// A ledger row in the user's language: codes become labels, dates the locale's own writing.
export function ledgerRow(
  hazard: { status: HazardStatus; grade: HazardGrade; deadline: string; fundingCny: number },
  locale: Locale,
): string[] {
  return [
    label('hazardState', hazard.status, locale), // 整改中
    label('hazardGrade', hazard.grade, locale), // 重大事故隐患
    formatLocalDate(hazard.deadline, locale), // 2024年3月31日
    formatCny(hazard.fundingCny, locale), // ¥50,000.00
  ];
}

// A rejected command, told to the user; instants show in the policy's time zone.
export function rejection(error: unknown, locale: Locale, policy: SupervisionPolicy): string {
  if (!isRuleViolation(error)) throw error;
  return `${error.rule} ${describeViolation(error, locale, { timeZone: policy.timezone })}`;
}
