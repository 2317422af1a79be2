import { daysBetween, type LocalDate } from '../calendar/local-date.js';
import { localDateOf } from '../calendar/time-zone.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';

/** One decided major-hazard case of an enterprise: the input of the closure watch. */
export interface MajorHazardDecision {
  readonly enterpriseId: string;
  readonly caseId: string;
  /** `PenaltyDecisionIssued.occurredAt`. */
  readonly decidedAt: string;
}

/** An enterprise the closure watch flags, with the window that triggered it. */
export interface ClosureWatchEntry {
  readonly enterpriseId: string;
  /** The trigger met (`{count, days}` of `closureTrigger`). */
  readonly trigger: { readonly count: number; readonly days: number };
  /** The cases in the first window found, oldest first. */
  readonly caseIds: readonly string[];
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/**
 * EC-17 (WSL 2021 Art. 113(1)): the enterprises with at least `count` decided major-hazard cases
 * within any `days` consecutive local days, for some trigger of `closureTrigger`, counting only
 * decisions at or before `asOf`. "Within N days" means the first and last decision dates are
 * less than N days apart. Sorted by enterprise id.
 *
 * @throws TypeError when `asOf` or a `decidedAt` is not a valid instant.
 */
export function closureWatch(
  decisions: readonly MajorHazardDecision[],
  asOf: Date | string,
  policy: Pick<SupervisionPolicy, 'closureTrigger' | 'timezone'>,
): ClosureWatchEntry[] {
  const asOfMs = typeof asOf === 'string' ? Date.parse(asOf) : asOf.getTime();
  if (Number.isNaN(asOfMs)) throw new TypeError(`"${String(asOf)}" is not a valid instant`);
  const byEnterprise = new Map<string, { caseId: string; date: LocalDate; ms: number }[]>();
  for (const decision of decisions) {
    const ms = Date.parse(decision.decidedAt);
    if (Number.isNaN(ms)) throw new TypeError(`"${decision.decidedAt}" is not a valid instant`);
    if (ms > asOfMs) continue;
    const list = byEnterprise.get(decision.enterpriseId) ?? [];
    // One case counts once per enterprise, however many of its respondents belong to it.
    if (!list.some((entry) => entry.caseId === decision.caseId)) {
      list.push({
        caseId: decision.caseId,
        date: localDateOf(decision.decidedAt, policy.timezone),
        ms,
      });
    }
    byEnterprise.set(decision.enterpriseId, list);
  }
  const flagged: ClosureWatchEntry[] = [];
  for (const [enterpriseId, list] of [...byEnterprise].sort(([a], [b]) => (a < b ? -1 : 1))) {
    list.sort((a, b) => a.ms - b.ms || (a.caseId < b.caseId ? -1 : 1));
    const hit = firstWindow(list, policy.closureTrigger);
    if (hit !== undefined) flagged.push({ enterpriseId, ...hit });
  }
  return flagged;
}

function firstWindow(
  list: readonly { caseId: string; date: LocalDate }[],
  triggers: SupervisionPolicy['closureTrigger'],
) {
  for (const trigger of triggers) {
    for (let start = 0; start + trigger.count <= list.length; start++) {
      const end = start + trigger.count - 1;
      if (daysBetween(list[start]!.date, list[end]!.date) < trigger.days) {
        return {
          trigger: { count: trigger.count, days: trigger.days },
          caseIds: list.slice(start, end + 1).map((entry) => entry.caseId),
          from: list[start]!.date,
          to: list[end]!.date,
        };
      }
    }
  }
  return undefined;
}
