import type { EventStore } from '../../eventsourcing/event-store.js';
import { createProjectionQuery, type Where } from '../../eventsourcing/projection-query.js';
import type { SubjectKind } from '../directory/subject.js';
import type { InspectionKind } from '../inspection/values.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import { type Rate, rateOf } from '../rates/rate.js';
import { createHazardFigures, type HazardFigureFilter } from './hazard-figures.js';
import {
  createInspectionLedgerProjection,
  type inspectionLedgerFields,
} from './inspection-ledger.js';

type Fields = typeof inspectionLedgerFields;
type Condition = Where<Fields>;

/** The filter `F` of P-9; every figure takes an explicit `asOf` (T). */
export interface InspectionFigureFilter {
  /** As-of instant T (ISO-8601 with offset). */
  readonly asOf: string;
  /** Period P as instants `[from, to)`: the inspections completed in it are its visits. */
  readonly period?: { readonly from: string; readonly to: string };
  readonly kind?: InspectionKind;
  readonly campaignId?: string;
  /** The inspecting organisations (org-set O); all when absent. */
  readonly orgIds?: readonly string[];
  readonly subjectKind?: SubjectKind;
  readonly areaId?: string;
}

/** P-9 inspection coverage of the inspections completed in P, by T (I-6). */
export interface InspectionCoverageFigures {
  /** `visits(F, P)`: completed inspections, one visit (家次) each. */
  readonly visits: number;
  /** `unitsInspected(F, P)`: distinct subjects of those visits (家). */
  readonly unitsInspected: number;
  /** Visits after each unit's first one: `visits − unitsInspected`. */
  readonly repeatVisits: number;
  /** Distinct teams (by composition: the aggregate records no team id) that made the visits. */
  readonly teams: number;
  /** Findings and major findings recorded in those visits (`InspectionCompleted` counts). */
  readonly findings: number;
  readonly majorFindings: number;
}

/** Dimensions the coverage can be broken down by. */
export type InspectionDimension = 'kind' | 'orgId' | 'subjectKind' | 'areaId';

/** P-8 source mix: the share of hazards found by the enterprises themselves (企业自查隐患占比). */
export interface SelfFoundShare {
  /** Hazards of the cohort with `source = self_inspection`. */
  readonly selfFound: number;
  /** `Found(F, P, T)` of P-2. */
  readonly found: number;
  readonly rate: Rate;
}

/** P-8 detection density: hazards found in inspections per 1,000 inspections. */
export interface DetectionDensity {
  /** Hazards registered in P from a finding of an inspection (I-5), not voided by T. */
  readonly hazards: number;
  /** Inspections completed in P by T (`visits`). */
  readonly visits: number;
  /** `1000 × hazards / visits`, exact; "—" when there was no visit. */
  readonly per1000Inspections: Rate;
}

/**
 * The inspection figures P-9 (coverage) and P-8 (source mix and detection density), counted in
 * the store at query time: visits are counts of the inspection ledger, units are distinct
 * counts of its subject keys, hazards are counts of the hazard ledger (P-1).
 *
 * Known limits: the hazard side of P-8 filters the organisation set by the hazard's supervising
 * organisation, which PO-1 makes the inspecting organisation of the finding; a hazard registered
 * directly with an `inspectionId` and another supervising organisation counts under that one.
 */
export function createInspectionFigures(options: {
  readonly store: EventStore;
  readonly policy: SupervisionPolicy;
}) {
  const { store, policy } = options;
  const ledger = createProjectionQuery(store, createInspectionLedgerProjection());
  const hazards = createHazardFigures({ store, policy });
  const at = (instant: string) => {
    const ms = Date.parse(instant);
    if (Number.isNaN(ms)) throw new TypeError(`"${instant}" is not a valid instant`);
    return new Date(ms).toISOString();
  };
  /** The visits: completed in P and by T, matching the filter. */
  const visited = (f: InspectionFigureFilter): Condition => {
    const T = at(f.asOf);
    const parts: Condition[] = [
      {
        completedAt:
          f.period === undefined
            ? { lte: T }
            : { lte: T, gte: at(f.period.from), lt: at(f.period.to) },
      },
    ];
    if (f.kind !== undefined) parts.push({ kind: f.kind });
    if (f.campaignId !== undefined) parts.push({ campaignIds: { contains: f.campaignId } });
    if (f.orgIds !== undefined) parts.push({ orgId: { in: f.orgIds } });
    if (f.subjectKind !== undefined) parts.push({ subjectKind: f.subjectKind });
    if (f.areaId !== undefined) parts.push({ areaId: f.areaId });
    return { and: parts };
  };
  const measures = (where?: Condition) =>
    ({
      visits: { count: true, ...(where === undefined ? {} : { where }) },
      unitsInspected: { countDistinct: 'subjectKey', ...(where === undefined ? {} : { where }) },
      teams: { countDistinct: 'teamKey', ...(where === undefined ? {} : { where }) },
      findings: { sum: 'findingCount', ...(where === undefined ? {} : { where }) },
      majorFindings: { sum: 'majorCount', ...(where === undefined ? {} : { where }) },
    }) as const;
  const coverageOf = (m: Record<string, number> | undefined): InspectionCoverageFigures => {
    const v = (name: string) => m?.[name] ?? 0;
    return {
      visits: v('visits'),
      unitsInspected: v('unitsInspected'),
      repeatVisits: v('visits') - v('unitsInspected'),
      teams: v('teams'),
      findings: v('findings'),
      majorFindings: v('majorFindings'),
    };
  };

  return {
    /** The ledger query itself: filter, sort and page the inspection rows directly. */
    ledger,
    /** P-9 coverage of the inspections completed in P, as of T. */
    async coverage(f: InspectionFigureFilter): Promise<InspectionCoverageFigures> {
      const [group] = await ledger.group({ where: visited(f), measures: measures() });
      return coverageOf(group?.measures);
    },
    /** P-9 broken down by kind, organisation, subject kind or area (ordered by key, nulls first). */
    async coverageBy(
      dimension: InspectionDimension,
      f: InspectionFigureFilter,
    ): Promise<Array<{ key: string | null } & InspectionCoverageFigures>> {
      const groups = await ledger.group({
        by: [dimension],
        where: visited(f),
        measures: measures(),
      });
      return groups.map(({ key, measures: m }) => ({
        key: (key[dimension] as string | null) ?? null,
        ...coverageOf(m),
      }));
    },
    /**
     * P-9 per campaign, in one query: an inspection carries several campaigns, so each campaign
     * is a conditional measure rather than a group (a unit counts once per campaign).
     */
    async coverageByCampaign(
      campaignIds: readonly string[],
      f: InspectionFigureFilter,
    ): Promise<Record<string, InspectionCoverageFigures>> {
      const unique = [...new Set(campaignIds)];
      const named = Object.fromEntries(
        unique.flatMap((campaignId, i) =>
          Object.entries(measures({ campaignIds: { contains: campaignId } })).map(
            ([name, measure]) => [`c${i}_${name}`, measure],
          ),
        ),
      ) as Record<string, ReturnType<typeof measures>[keyof ReturnType<typeof measures>]>;
      const [group] =
        unique.length === 0 ? [] : await ledger.group({ where: visited(f), measures: named });
      return Object.fromEntries(
        unique.map((campaignId, i) => {
          const prefix = `c${i}_`;
          const m = Object.fromEntries(
            Object.entries(group?.measures ?? {})
              .filter(([name]) => name.startsWith(prefix))
              .map(([name, value]) => [name.slice(prefix.length), value]),
          );
          return [campaignId, coverageOf(m)];
        }),
      );
    },
    /** P-8 `selfFoundShare = #{source = self_inspection} / Found(F, P, T)`. */
    async selfFoundShare(f: HazardFigureFilter): Promise<SelfFoundShare> {
      const bySource = await hazards.rectificationRateBy('source', f);
      const found = bySource.reduce((sum, group) => sum + group.found, 0);
      const selfFound = bySource.find((group) => group.key === 'self_inspection')?.found ?? 0;
      return { selfFound, found, rate: rateOf(selfFound, found) };
    },
    /**
     * P-8 `per1000Inspections = 1000 × #{hazards with inspectionId of O, reg ∈ P} /
     * #{InspectionCompleted by O in P}`; `majorsOnly` restricts the hazards to majors as of T.
     */
    async detectionDensity(f: {
      readonly asOf: string;
      readonly period?: { readonly from: string; readonly to: string };
      readonly orgIds?: readonly string[];
      readonly majorsOnly?: boolean;
    }): Promise<DetectionDensity> {
      const hazardFilter: HazardFigureFilter = {
        asOf: f.asOf,
        fromInspection: true,
        ...(f.period === undefined ? {} : { period: f.period }),
        ...(f.majorsOnly === true ? { grade: 'major' as const } : {}),
      };
      const byOrg = await hazards.rectificationRateBy('supervisingOrgId', hazardFilter);
      const found = byOrg
        .filter((group) => f.orgIds === undefined || f.orgIds.includes(group.key ?? ''))
        .reduce((sum, group) => sum + group.found, 0);
      const [group] = await ledger.group({
        where: visited({
          asOf: f.asOf,
          ...(f.period === undefined ? {} : { period: f.period }),
          ...(f.orgIds === undefined ? {} : { orgIds: f.orgIds }),
        }),
        measures: { visits: { count: true } },
      });
      const visits = group?.measures.visits ?? 0;
      return { hazards: found, visits, per1000Inspections: rateOf(1000 * found, visits) };
    },
  };
}
