import type { EventStore } from '../../eventsourcing/event-store.js';
import { createProjectionQuery, type Where } from '../../eventsourcing/projection-query.js';
import { localDateOf } from '../calendar/time-zone.js';
import type { Directory } from '../directory/directory.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import { type Rate, rateOf } from '../rates/rate.js';
import {
  type DivisionLeadCoverage,
  divisionLeadCoverage,
} from '../responsibility/division-coverage.js';
import { isStartedAssignment, type StartedAssignment } from '../responsibility/state.js';
import type { ListKind } from '../responsibility/values.js';
import {
  createResponsibilityLedgerProjection,
  type responsibilityLedgerFields,
} from './responsibility-ledger.js';

type Condition = Where<typeof responsibilityLedgerFields>;

/** The filter of P-17; `asOf` (T) decides which assignments are in force. */
export interface ResponsibilityFigureFilter {
  /** As-of instant T (ISO-8601 with offset). */
  readonly asOf: string;
  readonly listId?: string;
  readonly listKind?: ListKind;
  /** The lists' period year. */
  readonly year?: number;
  readonly issuerOrgId?: string;
}

/**
 * P-17 responsibility coverage of one list, over its assignments in force at T (issued by T, not
 * superseded by T). Duty contents, completions, acknowledgements and designations are those of
 * the latest version.
 */
export interface ResponsibilityCoverage {
  readonly listId: string;
  /** Assignments in force. */
  readonly issued: number;
  /** Of them, acknowledged in their current version. */
  readonly acknowledged: number;
  /** Of them, past their period's end at T (`expired`, derived). */
  readonly expired: number;
  /** RA-2: leaders whose portfolio is not fully covered by dual duties. */
  readonly dualDutyGaps: number;
  /** RA-3: primary leaders of a leadership list without `LEAD.OVERALL`. */
  readonly jointAccountabilityGaps: number;
  readonly duties: number;
  readonly dutiesCompleted: number;
  /** completed / issued duties. */
  readonly dutyCompletionRate: Rate;
  readonly staffingDuties: number;
  readonly staffingSatisfied: number;
  /** RA-8: satisfied staffing duties / staffing duties. */
  readonly staffingCompliance: Rate;
  readonly requiredHeadcount: number;
  readonly designatedHeadcount: number;
}

/**
 * The responsibility figures of P-17 over the responsibility ledger, counted and summed per list
 * in the store. RA-10 lead gaps need the directory (which organisations are industry bodies), so
 * `divisionLeadGaps` reads the rows of one list in force and judges them with
 * `divisionLeadCoverage`.
 */
export function createResponsibilityFigures(options: {
  readonly store: EventStore;
  readonly policy: Pick<SupervisionPolicy, 'timezone'>;
}) {
  const { store, policy } = options;
  const ledger = createProjectionQuery(store, createResponsibilityLedgerProjection());
  const at = (instant: string) => {
    const ms = Date.parse(instant);
    if (Number.isNaN(ms)) throw new TypeError(`"${instant}" is not a valid instant`);
    return new Date(ms).toISOString();
  };
  const inForce = (f: ResponsibilityFigureFilter): Condition => {
    const T = at(f.asOf);
    const parts: Condition[] = [
      { issuedAt: { lte: T } },
      { or: [{ supersededAt: { isNull: true } }, { supersededAt: { gt: T } }] },
    ];
    if (f.listId !== undefined) parts.push({ listId: f.listId });
    if (f.listKind !== undefined) parts.push({ listKind: f.listKind });
    if (f.year !== undefined) parts.push({ year: f.year });
    if (f.issuerOrgId !== undefined) parts.push({ issuerOrgId: f.issuerOrgId });
    return { and: parts };
  };

  return {
    /** The ledger query itself: filter, sort and page the assignment rows directly. */
    ledger,
    /** P-17 per list (ordered by list id), over the assignments in force at T. */
    async responsibilityCoverage(f: ResponsibilityFigureFilter): Promise<ResponsibilityCoverage[]> {
      // A period has ended at T when T's local year is after the period year.
      const currentYear = Number(localDateOf(at(f.asOf), policy.timezone).slice(0, 4));
      const groups = await ledger.group({
        by: ['listId'],
        where: inForce(f),
        measures: {
          issued: { count: true },
          acknowledged: { count: true, where: { acknowledged: true } },
          expired: { count: true, where: { year: { lt: currentYear } } },
          dualDutyGaps: { count: true, where: { dualDutyGap: true } },
          jointAccountabilityGaps: { count: true, where: { lacksOverallLead: true } },
          duties: { sum: 'duties' },
          dutiesCompleted: { sum: 'dutiesCompleted' },
          staffingDuties: { sum: 'staffingDuties' },
          staffingSatisfied: { sum: 'staffingSatisfied' },
          requiredHeadcount: { sum: 'requiredHeadcount' },
          designatedHeadcount: { sum: 'designatedHeadcount' },
        },
      });
      return groups.map(({ key, measures: m }) => ({
        listId: String(key.listId),
        ...m,
        dutyCompletionRate: rateOf(m.dutiesCompleted, m.duties),
        staffingCompliance: rateOf(m.staffingSatisfied, m.staffingDuties),
      }));
    },
    /** RA-10 of one division list at T: codes without a lead industry body, and with several. */
    async divisionLeadGaps(
      listId: string,
      asOf: string,
      directory: Directory,
    ): Promise<DivisionLeadCoverage> {
      const assignments: StartedAssignment[] = [];
      let cursor: string | undefined;
      do {
        const page = await ledger.find({
          where: inForce({ asOf, listId }),
          limit: 500,
          ...(cursor === undefined ? {} : { cursor }),
        });
        for (const { document } of page.items) {
          // In force at T, whatever happened to it later.
          if (isStartedAssignment(document.state)) {
            assignments.push({ ...document.state, status: 'issued' });
          }
        }
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      return divisionLeadCoverage(assignments, directory);
    },
  };
}
