import {
  createHazardLedgerProjection,
  createInspectionFigures,
  createInspectionLedgerProjection,
  createProjectionRunner,
  createSupervisionPolicy,
  type EventStore,
  INSPECTION_LEDGER,
  type InspectionFigureFilter,
} from '@safeledger/core';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { ConformanceCase } from '../harness.js';
import {
  DAY,
  expectRebuildEqualsIncremental,
  historyWriter,
  iso,
  type Raw,
} from '../read-model-fixtures.js';

const group = 'inspection read models';

// The oracle recomputes every figure from the raw events the test wrote, following domain spec
// §5 (P-8, P-9) and I-6 literally: a visit is an `InspectionCompleted` in P by T, a unit a
// distinct subject (kind and id) of those visits, a team a distinct composition.

const START = Date.parse('2024-01-01T00:00:00+08:00');
const KINDS = ['enforcement', 'service_guidance', 'special_campaign'] as const;
const ORGS = ['O1', 'O2', 'O3'] as const;
const CAMPAIGNS = ['ROOT', 'MTS', 'SERVICE'] as const;
const SOURCES = ['self_inspection', 'regulator_inspection', 'enforcement_inspection'] as const;

/** One inspection's plausible life: scheduled, then completed, cancelled or left open. */
const inspectionHistory = (id: string): fc.Arbitrary<Raw[]> =>
  fc
    .record({
      day: fc.integer({ min: 0, max: 400 }),
      kind: fc.constantFrom(...KINDS),
      // Few subjects, and the same id as an enterprise and a venue, so units repeat and differ.
      subject: fc.record({
        kind: fc.constantFrom('enterprise', 'enterprise', 'venue'),
        id: fc.constantFrom('u1', 'u2', 'u3', 'u4'),
      }),
      org: fc.constantFrom(...ORGS),
      area: fc.constantFrom('A', 'B'),
      campaigns: fc.subarray([...CAMPAIGNS]),
      inspectors: fc.subarray(['p1', 'p2', 'p3'], { minLength: 1 }),
      experts: fc.subarray(['x1', 'x2']),
      end: fc.constantFrom('complete', 'complete', 'complete', 'cancel', 'none'),
      after: fc.integer({ min: 0, max: 40 }),
      findings: fc.integer({ min: 0, max: 4 }),
      majors: fc.integer({ min: 0, max: 1 }),
    })
    .map((c) => {
      const t = START + c.day * DAY + 9 * 3_600_000;
      const snapshot = {
        kind: c.kind,
        subject: c.subject,
        orgId: c.org,
        areaId: c.area,
        campaignIds: c.campaigns,
      };
      const events: Raw[] = [
        {
          type: 'InspectionScheduled',
          data: {
            inspectionId: id,
            occurredAt: iso(t),
            ...snapshot,
            inspectorIds: c.inspectors,
            expertIds: c.experts,
            mode: 'onsite',
            unannounced: false,
            plannedDate: null,
          },
        },
      ];
      const endAt = iso(t + c.after * DAY + 3_600_000);
      if (c.end === 'complete') {
        events.push({
          type: 'InspectionCompleted',
          data: {
            inspectionId: id,
            occurredAt: endAt,
            ...snapshot,
            findingCount: c.findings,
            majorCount: Math.min(c.majors, c.findings),
            recordRef: `rec-${id}`,
          },
        });
      } else if (c.end === 'cancel') {
        events.push({
          type: 'InspectionCancelled',
          data: { inspectionId: id, occurredAt: endAt, reason: 'r' },
        });
      }
      return events;
    });

/** One hazard, found in one of the round's inspections or otherwise, maybe voided later. */
const hazardHistory = (id: string, inspectionIds: readonly string[]): fc.Arbitrary<Raw[]> =>
  fc
    .record({
      day: fc.integer({ min: 0, max: 400 }),
      inspection: fc.option(fc.constantFrom(...inspectionIds), { nil: null }),
      org: fc.constantFrom(...ORGS),
      source: fc.constantFrom(...SOURCES),
      grade: fc.constantFrom('general', 'general', 'major'),
      voidAfter: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    })
    .map((h) => {
      const t = START + h.day * DAY + 10 * 3_600_000;
      const events: Raw[] = [
        {
          type: 'HazardRegistered',
          data: {
            hazardId: id,
            occurredAt: iso(t),
            subject: { kind: 'enterprise', id: 'u1' },
            areaId: 'A',
            sectorCode: null,
            nature: 'unsafe_condition',
            grade: h.grade,
            majorBasis: h.grade === 'major' ? { standardId: 'X', clause: '1' } : null,
            source: h.source,
            campaignIds: [],
            supervisingOrgId: h.org,
            inspectionId: h.inspection,
            findingId: h.inspection === null ? null : `f-${id}`,
            deadline: '2025-12-31',
          },
        },
      ];
      if (h.voidAfter !== undefined) {
        events.push({
          type: 'HazardVoided',
          data: { hazardId: id, occurredAt: iso(t + h.voidAfter * DAY + 60_000), reason: 'dup' },
        });
      }
      return events;
    });

/** What the oracle needs of one inspection. */
function inspectionFacts(events: readonly Raw[]) {
  const scheduled = events[0]!.data;
  const completed = events.find((e) => e.type === 'InspectionCompleted')?.data;
  return {
    kind: scheduled.kind as string,
    subjectKey: `${scheduled.subject.kind}:${scheduled.subject.id}`,
    subjectKind: scheduled.subject.kind as string,
    org: scheduled.orgId as string,
    area: scheduled.areaId as string,
    campaigns: scheduled.campaignIds as string[],
    team: JSON.stringify([
      [...new Set<string>(scheduled.inspectorIds)].sort(),
      [...new Set<string>(scheduled.expertIds)].sort(),
    ]),
    completedAt: completed === undefined ? undefined : Date.parse(completed.occurredAt),
    findings: (completed?.findingCount as number | undefined) ?? 0,
    majors: (completed?.majorCount as number | undefined) ?? 0,
  };
}
type InspectionFacts = ReturnType<typeof inspectionFacts>;

function hazardFacts(events: readonly Raw[]) {
  const d = events[0]!.data;
  const voided = events.find((e) => e.type === 'HazardVoided')?.data;
  return {
    registeredAt: Date.parse(d.occurredAt),
    voidedAt: voided === undefined ? undefined : Date.parse(voided.occurredAt),
    fromInspection: d.inspectionId !== null,
    org: d.supervisingOrgId as string,
    source: d.source as string,
    grade: d.grade as string,
  };
}

function coverageOf(visits: readonly InspectionFacts[]) {
  const units = new Set(visits.map((v) => v.subjectKey)).size;
  return {
    visits: visits.length,
    unitsInspected: units,
    repeatVisits: visits.length - units,
    teams: new Set(visits.map((v) => v.team)).size,
    findings: visits.reduce((sum, v) => sum + v.findings, 0),
    majorFindings: visits.reduce((sum, v) => sum + v.majors, 0),
  };
}

export const inspectionReadModelCases: readonly ConformanceCase[] = [
  {
    group,
    name: 'P-8 and P-9 visits, units, teams, self-found share and detection density equal a naive recomputation from random inspection histories; rebuild equals incremental (property)',
    async run(context) {
      // One store for every run: each run adds inspections and hazards to the same database,
      // and the oracle recomputes over everything written so far.
      const store: EventStore = await context.open({});
      const policy = createSupervisionPolicy({});
      const ledger = createInspectionLedgerProjection();
      const hazardLedger = createHazardLedgerProjection({ timezone: policy.timezone });
      const figures = createInspectionFigures({ store, policy });
      const inspections: Raw[][] = [];
      const hazards: Raw[][] = [];
      const writer = historyWriter(store);
      let round = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 10 }).chain((n) => {
            const ids = Array.from({ length: n }, (_, i) => `i${round}-${i}`);
            return fc.tuple(
              fc.tuple(...ids.map((id) => inspectionHistory(id))),
              fc
                .array(fc.nat(), { maxLength: 8 })
                .chain((hs) =>
                  hs.length === 0
                    ? fc.constant([] as Raw[][])
                    : fc.tuple(...hs.map((_, j) => hazardHistory(`h${round}-${j}`, ids))),
                ),
            );
          }),
          fc.integer({ min: 0, max: 450 }).map((d) => START + d * DAY + 12 * 3_600_000),
          fc.oneof(
            fc.constant({}),
            fc.record({ kind: fc.constantFrom(...KINDS) }),
            fc.record({ campaignId: fc.constantFrom(...CAMPAIGNS) }),
            fc.record({ orgIds: fc.subarray([...ORGS], { minLength: 1 }) }),
            fc.record({ subjectKind: fc.constantFrom('enterprise' as const, 'venue' as const) }),
          ) as fc.Arbitrary<Omit<InspectionFigureFilter, 'asOf' | 'period'>>,
          fc.boolean(),
          async ([newInspections, newHazards], T, filter, withPeriod) => {
            round += 1;
            const runner = createProjectionRunner({
              store,
              projections: [ledger, hazardLedger],
              pollIntervalMs: 5,
              batchSize: 7,
            });
            await writer.appendAll(runner, [...newInspections, ...newHazards], (events) => {
              const id = events[0]!.data.inspectionId ?? events[0]!.data.hazardId;
              return events[0]!.type.startsWith('Inspection')
                ? `insp-${events[0]!.data.inspectionId}`
                : `hazard-${id}`;
            });
            inspections.push(...newInspections);
            hazards.push(...newHazards);

            const asOf = new Date(T).toISOString().replace('Z', '+00:00');
            const period = withPeriod
              ? { from: '2024-01-01T00:00:00+08:00', to: '2025-01-01T00:00:00+08:00' }
              : undefined;
            const inP = (ms: number) =>
              ms <= T &&
              (period === undefined ||
                (ms >= Date.parse(period.from) && ms < Date.parse(period.to)));
            const f: InspectionFigureFilter = {
              asOf,
              ...filter,
              ...(period === undefined ? {} : { period }),
            };
            const all = inspections.map(inspectionFacts);
            const visits = all.filter(
              (v) =>
                v.completedAt !== undefined &&
                inP(v.completedAt) &&
                (filter.kind === undefined || v.kind === filter.kind) &&
                (filter.campaignId === undefined || v.campaigns.includes(filter.campaignId)) &&
                (filter.orgIds === undefined || filter.orgIds.includes(v.org)) &&
                (filter.subjectKind === undefined || v.subjectKind === filter.subjectKind),
            );

            // P-9 overall, by dimension and by campaign
            const coverage = await figures.coverage(f);
            expect(coverage).toEqual(coverageOf(visits));
            for (const dimension of ['kind', 'orgId', 'subjectKind'] as const) {
              const keyOf = (v: InspectionFacts) =>
                dimension === 'kind' ? v.kind : dimension === 'orgId' ? v.org : v.subjectKind;
              const keys = [...new Set(visits.map(keyOf))].sort();
              expect(await figures.coverageBy(dimension, f)).toEqual(
                keys.map((key) => ({
                  key,
                  ...coverageOf(visits.filter((v) => keyOf(v) === key)),
                })),
              );
            }
            expect(await figures.coverageByCampaign([...CAMPAIGNS], f)).toEqual(
              Object.fromEntries(
                CAMPAIGNS.map((c) => [
                  c,
                  coverageOf(visits.filter((v) => v.campaigns.includes(c))),
                ]),
              ),
            );

            // P-8 over the hazards found in P and not voided by T
            const found = hazards
              .map(hazardFacts)
              .filter((h) => inP(h.registeredAt) && !(h.voidedAt !== undefined && h.voidedAt <= T));
            const self = found.filter((h) => h.source === 'self_inspection').length;
            expect(
              await figures.selfFoundShare({
                asOf,
                ...(period === undefined ? {} : { period }),
              }),
            ).toEqual({
              selfFound: self,
              found: found.length,
              rate: { numerator: self, denominator: found.length },
            });
            for (const majorsOnly of [false, true]) {
              const orgIds = filter.orgIds;
              const numerator = found.filter(
                (h) =>
                  h.fromInspection &&
                  (orgIds === undefined || orgIds.includes(h.org)) &&
                  (!majorsOnly || h.grade === 'major'),
              ).length;
              const denominator = all.filter(
                (v) =>
                  v.completedAt !== undefined &&
                  inP(v.completedAt) &&
                  (orgIds === undefined || orgIds.includes(v.org)),
              ).length;
              expect(
                await figures.detectionDensity({
                  asOf,
                  majorsOnly,
                  ...(period === undefined ? {} : { period }),
                  ...(orgIds === undefined ? {} : { orgIds }),
                }),
              ).toEqual({
                hazards: numerator,
                visits: denominator,
                per1000Inspections: { numerator: 1000 * numerator, denominator },
              });
            }

            // S5: a rebuild from scratch equals the incrementally built ledger.
            await expectRebuildEqualsIncremental(store, runner, INSPECTION_LEDGER);
            expect(await figures.coverage(f)).toEqual(coverage);
            await runner.stop();
          },
        ),
        { numRuns: Math.max(10, Math.floor(context.scale.modelRuns / 2)) },
      );
    },
  },
];
