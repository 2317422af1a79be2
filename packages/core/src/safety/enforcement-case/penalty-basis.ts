import { z } from 'zod';
import { parseOrThrow } from '../general/bad-input.js';
import type { RespondentKind } from './values.js';

const text = z.string().min(1);

/** A fine range in CNY, both ends included. */
export const FineRangeSchema = z
  .object({
    kind: z.literal('range'),
    minCny: z.number().min(0),
    maxCny: z.number().positive(),
  })
  .strict()
  .refine((range) => range.minCny <= range.maxCny, {
    message: 'minCny must not exceed maxCny',
    path: ['minCny'],
  });

/**
 * A fine set as a share of the individual's prior-year income (WSL 2021 Art. 95): the table
 * cannot bound it in CNY, so a fine citing it is accepted at any amount and the shares are
 * kept for the record.
 */
export const IncomeShareFineSchema = z
  .object({
    kind: z.literal('income_share'),
    percents: z.array(z.number().positive().max(100)).min(1),
  })
  .strict();

/** How the statute bounds a fine for one kind of respondent; `null` means it sets no fine. */
export const FineBoundSchema = z.union([FineRangeSchema, IncomeShareFineSchema]).nullable();
/** A `FineBound`, as `FineBoundSchema` parses it. */
export type FineBound = z.infer<typeof FineBoundSchema>;

/** One provision of the statutory penalty table (EC-10). */
export const PenaltyBasisSchema = z
  .object({
    /** The code decisions cite in `basisProvision`, e.g. `WSL2021-102`. */
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9().-]*$/, 'letters, digits, ".", "-" or "()"'),
    /** The provision as a document cites it: `WSL 2021 Art. 102`. */
    citation: text,
    /** The conduct it penalises. */
    conduct: text,
    unit: FineBoundSchema,
    individual: FineBoundSchema,
  })
  .strict();
/** A `PenaltyBasis`, as `PenaltyBasisSchema` parses it. */
export type PenaltyBasis = z.infer<typeof PenaltyBasisSchema>;

/** The statutory penalty table: provisions with distinct ids. */
export const PenaltyBasisTableSchema = z
  .array(PenaltyBasisSchema)
  .min(1)
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    for (const [index, entry] of entries.entries()) {
      if (seen.has(entry.id)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `provision "${entry.id}" appears twice`,
        });
      }
      seen.add(entry.id);
    }
  });

/** A validated, frozen penalty table with lookup by provision id. */
export interface PenaltyBasisTable {
  readonly entries: readonly PenaltyBasis[];
  /** The provision with this id, if the table has it. */
  find(id: string): PenaltyBasis | undefined;
}

const range = (minCny: number, maxCny: number) => ({ kind: 'range' as const, minCny, maxCny });

/**
 * The statutory reference table of domain spec §4.2, with amounts in CNY; the "overdue" and
 * "refusal" variants of an article are separate provisions because their ranges differ. Verify
 * before production use and pass your own table to `createEnforcementCaseDecider` when it
 * differs (local discretion standards narrow these ranges).
 */
export const defaultPenaltyBasisEntries: readonly PenaltyBasis[] = [
  {
    id: 'WSL2021-94(1)',
    citation: 'WSL 2021 Art. 94(1)',
    conduct: 'The principal fails the statutory safety duties.',
    unit: null,
    individual: range(20_000, 50_000),
  },
  {
    id: 'WSL2021-94(1)-overdue',
    citation: 'WSL 2021 Art. 94(1)',
    conduct: 'The principal fails the statutory safety duties and does not correct them in time.',
    unit: null,
    individual: range(50_000, 100_000),
  },
  {
    id: 'WSL2021-95',
    citation: 'WSL 2021 Art. 95',
    conduct:
      "The principal's failure causes an accident (general / larger / major / extraordinary).",
    unit: null,
    individual: { kind: 'income_share', percents: [40, 60, 80, 100] },
  },
  {
    id: 'WSL2021-101',
    citation: 'WSL 2021 Art. 101',
    conduct: 'No hazard investigation system, or major hazards not reported.',
    unit: range(0, 100_000),
    individual: null,
  },
  {
    id: 'WSL2021-101-overdue',
    citation: 'WSL 2021 Art. 101',
    conduct: 'As Art. 101, not corrected in time.',
    unit: range(100_000, 200_000),
    individual: range(20_000, 50_000),
  },
  {
    id: 'WSL2021-102',
    citation: 'WSL 2021 Art. 102',
    conduct: 'Failure to eliminate a hazard.',
    unit: range(0, 50_000),
    individual: null,
  },
  {
    id: 'WSL2021-102-refusal',
    citation: 'WSL 2021 Art. 102',
    conduct: 'Refusal to eliminate a hazard when ordered.',
    unit: null,
    individual: range(50_000, 100_000),
  },
  {
    id: 'WSL2021-103(2)',
    citation: 'WSL 2021 Art. 103(2)',
    conduct: 'No safety agreement with a tenant or contractor, or no unified coordination.',
    unit: range(0, 50_000),
    individual: range(0, 10_000),
  },
  {
    id: 'Order16-2007-26',
    citation: 'SAWS Order 16 (2007) Art. 26',
    conduct:
      'No hazard system; statistics not reported; no plan; major hazard not or late reported; operating without rectification; unauthorised resumption.',
    unit: range(0, 30_000),
    individual: null,
  },
];

/**
 * Validates a penalty table (zod) and freezes it. Use it to replace the default with a local
 * discretion standard.
 *
 * @example
 * const table = definePenaltyBasisTable([{ id: 'JS-102', citation: '…', conduct: '…', unit: { kind: 'range', minCny: 10_000, maxCny: 30_000 }, individual: null }]);
 * @throws ValidationError (`VALIDATION_FAILED`) naming each bad entry, field and value.
 */
export function definePenaltyBasisTable(entries: readonly unknown[]): PenaltyBasisTable {
  const parsed = parseOrThrow(PenaltyBasisTableSchema, entries, 'PenaltyBasisTable');
  const frozen = Object.freeze(parsed.map((entry) => Object.freeze(entry)));
  const byId = new Map(frozen.map((entry) => [entry.id, entry]));
  return { entries: frozen, find: (id) => byId.get(id) };
}

/** The default table of the domain spec, validated. */
export const defaultPenaltyBasisTable: PenaltyBasisTable = definePenaltyBasisTable([
  ...defaultPenaltyBasisEntries,
]);

/** The fine bound a provision sets for a kind of respondent (`undefined`: no such provision). */
export function fineBoundFor(
  table: PenaltyBasisTable,
  provisionId: string,
  kind: RespondentKind,
): FineBound | undefined {
  const entry = table.find(provisionId);
  return entry === undefined ? undefined : entry[kind];
}
