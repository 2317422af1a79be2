import {
  createHazardFigures,
  type EventStore,
  type HazardLedgerRow,
  type hazardLedgerFields,
  type Locale,
  localDateOf,
  type SupervisionPolicy,
  vocabularyLabels,
  type Where,
} from '@safeledger/core';
import { yearFilter } from '../report/hazard-queries.js';
import type { Scenario } from '../scenario/schema.js';
import type { LedgerRows } from './ledger-workbook.js';

/** Page size of the ledger queries: the largest page the query side serves. */
const PAGE = 1000;

/** The three ledgers' rows, and the read-model counts they must add up to. */
export interface LedgerExport {
  readonly rows: Required<LedgerRows>;
  /** As of which instant the ledgers were read. */
  readonly asOf: string;
}

/**
 * Reads the hazard ledger (P-1), the overdue ledger (P-5) and the major-hazard ledger (P-6) of
 * the scenario's year from the hazard read models, page by page (keyset paging in the store),
 * as of `asOf` (the scenario's instant by default). Each row is one ledger document shaped
 * for a sheet: dates as dates, codes as labels of the chosen language. Nothing is computed
 * from the scenario file.
 */
export async function readLedgers(options: {
  readonly scenario: Scenario;
  readonly store: EventStore;
  readonly policy: SupervisionPolicy;
  readonly locale: Locale;
  readonly asOf?: string;
}): Promise<LedgerExport> {
  const { scenario, policy, locale } = options;
  const figures = createHazardFigures({ store: options.store, policy });
  const year = { ...yearFilter(scenario), ...(options.asOf ? { asOf: options.asOf } : {}) };
  const T = new Date(year.asOf).toISOString();
  const period = year.period as { from: string; to: string };
  const inYear = {
    registeredAt: {
      gte: new Date(period.from).toISOString(),
      lt: new Date(period.to).toISOString(),
      lte: T,
    },
  };
  const tz = policy.timezone;
  const term = (group: string, code: string | null) =>
    code === null ? null : (vocabularyLabels(group, code, locale) ?? code);
  const day = (instant: string | null) =>
    instant === null ? null : asDate(localDateOf(instant, tz));

  // P-5 first: the hazard ledger's "overdue" column is membership in it, so the two agree.
  const overdue: Record<string, unknown>[] = [];
  const overdueIds = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await figures.overdueLedger({
      ...year,
      limit: PAGE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const { row, daysOverdue } of page.rows) {
      overdueIds.add(row.hazardId);
      overdue.push({
        hazardId: row.hazardId,
        subject: row.subjectId,
        area: row.areaId,
        grade: term('hazardGrade', row.grade),
        deadline: asDate(row.deadline),
        daysOverdue,
        supervisingOrg: row.supervisingOrgId,
      });
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);

  const hazards: Record<string, unknown>[] = [];
  const majors: Record<string, unknown>[] = [];
  for await (const row of pages(figures.ledger, inYear)) {
    hazards.push({
      hazardId: row.hazardId,
      subject: row.subjectId,
      area: row.areaId,
      sector: row.sectorCode,
      nature: term('hazardNature', row.nature),
      grade: term('hazardGrade', row.grade),
      source: term('hazardSource', row.source),
      campaigns: row.campaignIds.join(', '),
      registeredOn: day(row.registeredAt),
      deadline: asDate(row.deadline),
      status: term('hazardState', row.status),
      completedOn: day(row.completedAt),
      closedOn: day(row.closedAt),
      overdue: overdueIds.has(row.hazardId),
    });
  }
  for await (const row of pages(figures.ledger, { ...inYear, grade: 'major' })) {
    majors.push({
      hazardId: row.hazardId,
      subject: row.subjectId,
      area: row.areaId,
      basis:
        row.majorBasis === null ? null : `${row.majorBasis.standardId} ${row.majorBasis.clause}`,
      registeredOn: day(row.registeredAt),
      reportedOn: day(row.reportedToRegulatorAt),
      listing:
        row.listings
          .filter((l) => l.delistedAt === null)
          .map((l) => term('organizationLevel', l.level))
          .join(', ') || null,
      fundingCny: row.plan?.fundingCny ?? null,
      deadline: asDate(row.deadline),
      status: term('hazardState', row.status),
      closedOn: day(row.closedAt),
    });
  }
  return { rows: { hazards, overdue, majors }, asOf: year.asOf };
}

type Ledger = ReturnType<typeof createHazardFigures>['ledger'];

/** Every ledger document matching `where`, by registration time, one store page at a time. */
async function* pages(
  ledger: Ledger,
  where: Where<typeof hazardLedgerFields>,
): AsyncGenerator<HazardLedgerRow> {
  let cursor: string | undefined;
  do {
    const page = await ledger.find({
      where,
      orderBy: [{ field: 'registeredAt', direction: 'asc' }],
      limit: PAGE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const { document } of page.items) yield document;
    cursor = page.nextCursor;
  } while (cursor !== undefined);
}

/** A local date as a spreadsheet date (midnight UTC: spreadsheet dates have no time zone). */
function asDate(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}
