import {
  createHazardLedgerProjection,
  createProjectionRunner,
  createSupervisionPolicy,
  createVenueFigures,
  createVenueRegisterProjection,
  type EventStore,
  type NewEvent,
  VENUE_REGISTER,
} from '@safeledger/core';
import fc from 'fast-check';
import { expect } from 'vitest';
import { visibleLog } from '../fixtures.js';
import type { ConformanceCase } from '../harness.js';

const group = 'venue read models';
const DAY = 86_400_000;

// The oracle below recomputes every figure from the raw events the test wrote, following the
// formulas of domain spec §5 (P-10…P-13) and rules V-6 and V-7 literally, in China Standard Time
// (UTC+8, no daylight saving): it replays each venue's events up to T one at a time.

interface Raw {
  readonly stream: string;
  readonly type: string;
  readonly data: Record<string, any>;
}

const iso = (ms: number) => new Date(ms).toISOString();
const cstMonth = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 7);
const cstDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
/** A period's figures need T on its last local day or later. */
const before = (T: number, end: number) => cstDate(T) < cstDate(end);
const START = Date.parse('2024-01-01T00:00:00+08:00');
const CATEGORIES = ['small_shop', 'small_hotel'] as const;
const day = fc.integer({ min: 0, max: 300 });

/** One venue's life: each role is marked at most once (a replacement keeps it marked), V-6 by one category change. */
const venueHistory = (id: string): fc.Arbitrary<Raw[]> =>
  fc
    .record({
      regDay: fc.integer({ min: 0, max: 400 }),
      regMinute: fc.integer({ min: 0, max: 1439 }),
      area: fc.constantFrom('A1', 'A2'),
      category: fc.constantFrom(...CATEGORIES),
      territorial: fc.option(
        fc.record({
          at: day,
          replace: fc.option(day, { nil: undefined }),
          end: fc.option(day, { nil: undefined }),
        }),
        { nil: undefined },
      ),
      industry: fc.option(fc.record({ at: day, end: fc.option(day, { nil: undefined }) }), {
        nil: undefined,
      }),
      categoryChange: fc.option(day, { nil: undefined }),
      special: fc.option(
        fc.record({
          at: day,
          second: fc.option(day, { nil: undefined }),
          end: fc.option(day, { nil: undefined }),
        }),
        { nil: undefined },
      ),
      fireAdvisor: fc.option(fc.record({ at: day, replace: fc.option(day, { nil: undefined }) }), {
        nil: undefined,
      }),
      patrols: fc.array(
        fc.record({
          at: day,
          kind: fc.constantFrom('routine', 'spot_check'),
          as: fc.constantFrom('patrol', 'patrol', 'inspection'),
        }),
        { maxLength: 4 },
      ),
      selfChecks: fc.array(day, { maxLength: 4 }),
      deregister: fc.option(day, { nil: undefined }),
    })
    .map((v) => {
      const reg = START + v.regDay * DAY + v.regMinute * 60_000;
      const stream = `venue-${id}`;
      // Each planned event: its day offset after registration, an order within the day, and how to build it.
      const planned: Array<{ at: number; make: (category: string) => Raw[] }> = [];
      const plan = (
        offset: number,
        order: number,
        make: (t: number, category: string) => Raw[],
      ) => {
        const t = reg + offset * DAY + (order + 1) * 60_000;
        planned.push({ at: t, make: (category) => make(t, category) });
      };
      const ev = (type: string, t: number, extra: Record<string, unknown>): Raw => ({
        stream,
        type,
        data: { venueId: id, occurredAt: iso(t), ...extra },
      });
      const mark = (t: number, role: string, party: string, category: string) =>
        ev('VenueResponsiblePartyMarked', t, {
          role,
          orgId: role === 'fire_advisor' ? null : party,
          personId: role === 'fire_advisor' ? party : null,
          areaId: v.area,
          category,
        });
      const unmark = (t: number, role: string, party: string) =>
        ev('VenueResponsiblePartyUnmarked', t, {
          role,
          orgId: role === 'fire_advisor' ? null : party,
          personId: role === 'fire_advisor' ? party : null,
          reason: 'r',
        });
      const single = (
        role: string,
        spec: { at: number; replace?: number | undefined; end?: number | undefined } | undefined,
        order: number,
      ) => {
        if (spec === undefined) return;
        const first = `${role}-1`;
        let holder = first;
        plan(spec.at, order, (t, c) => [mark(t, role, first, c)]);
        let last = spec.at;
        if (spec.replace !== undefined) {
          last += spec.replace;
          const old = holder;
          holder = `${role}-2`;
          const now = holder;
          plan(last, order, (t, c) => [unmark(t, role, old), mark(t, role, now, c)]);
        }
        if (spec.end !== undefined) {
          const gone = holder;
          plan(last + spec.end, order, (t) => [unmark(t, role, gone)]);
        }
      };
      single('territorial', v.territorial, 1);
      single('industry', v.industry, 2);
      single('fire_advisor', v.fireAdvisor, 3);
      if (v.special !== undefined) {
        const s = v.special;
        plan(s.at, 4, (t, c) => [mark(t, 'special', 'sp-1', c)]);
        const holders = ['sp-1'];
        if (s.second !== undefined) {
          holders.push('sp-2');
          plan(s.at + s.second, 4, (t, c) => [mark(t, 'special', 'sp-2', c)]);
        }
        if (s.end !== undefined) {
          plan(s.at + (s.second ?? 0) + s.end, 4, (t) =>
            holders.map((h) => unmark(t, 'special', h)),
          );
        }
      }
      if (v.categoryChange !== undefined) {
        const to = CATEGORIES.find((c) => c !== v.category)!;
        plan(v.categoryChange, 0, (t) => [ev('VenueProfileUpdated', t, { category: to })]);
      }
      v.patrols.forEach((p, i) => {
        plan(p.at, 5, (t) => [
          p.as === 'patrol'
            ? ev('VenuePatrolled', t, {
                mode: 'onsite',
                kind: p.kind,
                result: 'ok',
                hazardsFound: 0,
                areaId: v.area,
              })
            : {
                stream: `insp-${id}-${i}`,
                type: 'InspectionCompleted',
                data: {
                  inspectionId: `${id}-${i}`,
                  occurredAt: iso(t),
                  kind: p.kind === 'spot_check' ? 'spot_check' : 'routine_supervision',
                  subject: { kind: 'venue', id },
                  orgId: 'org-1',
                  areaId: v.area,
                  campaignIds: [],
                  findingCount: 0,
                  majorCount: 0,
                  recordRef: 'r',
                },
              },
        ]);
      });
      for (const at of v.selfChecks) {
        plan(at, 6, (t) => [ev('VenueSelfCheckCompleted', t, { checklist: 'c', issuesFound: 0 })]);
      }
      planned.sort((a, b) => a.at - b.at);
      const events: Raw[] = [
        ev('VenueRegistered', reg, {
          name: `Venue ${id}`,
          address: 'a',
          category: v.category,
          areaId: v.area,
          operator: { name: 'o' },
          uscc: null,
          riskColor: 'blue',
        }),
      ];
      let category: string = v.category;
      for (const p of planned) {
        for (const raw of p.make(category)) {
          if (raw.type === 'VenueProfileUpdated') category = raw.data.category;
          events.push(raw);
        }
      }
      if (v.deregister !== undefined) {
        const last = Math.max(reg, ...planned.map((p) => p.at));
        events.push(ev('VenueDeregistered', last + v.deregister * DAY + 60_000, { reason: 'r' }));
      }
      return events;
    });

/** A venue's facts at T, replayed from its raw events with business time ≤ T. */
function venueAt(events: readonly Raw[], T: number) {
  let registered = false;
  let deregistered = false;
  let area = '';
  let category = '';
  let territorial: string | null = null;
  let industry: { org: string; category: string } | null = null;
  const special = new Set<string>();
  let fireAdvisor: string | null = null;
  for (const e of events) {
    if (Date.parse(e.data.occurredAt) > T) continue;
    const d = e.data;
    switch (e.type) {
      case 'VenueRegistered':
        registered = true;
        area = d.areaId;
        category = d.category;
        break;
      case 'VenueProfileUpdated':
        category = d.category ?? category;
        break;
      case 'VenueResponsiblePartyMarked':
        if (d.role === 'territorial') territorial = d.orgId;
        if (d.role === 'industry') industry = { org: d.orgId, category: d.category };
        if (d.role === 'special') special.add(d.orgId);
        if (d.role === 'fire_advisor') fireAdvisor = d.personId;
        break;
      case 'VenueResponsiblePartyUnmarked':
        if (d.role === 'territorial' && territorial === d.orgId) territorial = null;
        if (d.role === 'industry' && industry?.org === d.orgId) industry = null;
        if (d.role === 'special') special.delete(d.orgId);
        if (d.role === 'fire_advisor' && fireAdvisor === d.personId) fireAdvisor = null;
        break;
      case 'VenueDeregistered':
        deregistered = true;
        break;
    }
  }
  const marks = {
    territorial: territorial !== null,
    // V-6: a marking made for another category than the venue's current one does not count.
    industry: industry !== null && industry.category === category,
    special: special.size > 0,
    fireAdvisor: fireAdvisor !== null,
  };
  const invalidIndustry = industry !== null && industry.category !== category;
  return {
    registered,
    active: registered && !deregistered,
    area,
    category,
    marks,
    invalidIndustry,
  };
}

/** The local months in which the venue had an event counting as `what`. */
function monthsOf(events: readonly Raw[], what: 'patrol' | 'spot' | 'self'): Set<string> {
  const months = new Set<string>();
  for (const e of events) {
    const ms = Date.parse(e.data.occurredAt);
    const counts =
      what === 'self'
        ? e.type === 'VenueSelfCheckCompleted'
        : what === 'patrol'
          ? e.type === 'VenuePatrolled' || e.type === 'InspectionCompleted'
          : (e.type === 'VenuePatrolled' && e.data.kind === 'spot_check') ||
            (e.type === 'InspectionCompleted' && e.data.kind === 'spot_check');
    if (counts) months.add(cstMonth(ms));
  }
  return months;
}

const rate = (numerator: number, denominator: number) => ({ numerator, denominator });

export const venueReadModelCases: readonly ConformanceCase[] = [
  {
    group,
    name: 'P-10 to P-13 every venue figure equals a naive recomputation from random venue histories, for random asOf, periods and filters; rebuild equals incremental (property)',
    async run(context) {
      const store: EventStore = await context.open({});
      const policy = createSupervisionPolicy({});
      const register = createVenueRegisterProjection(policy);
      const hazardLedger = createHazardLedgerProjection(policy);
      const figures = createVenueFigures({ store, policy });
      const log: Raw[][] = [];
      const hazards: Array<{ registered: number; closed: number | undefined; area: string }> = [];
      let appended = 0;
      let round = 0;
      await fc.assert(
        fc.asyncProperty(
          fc
            .integer({ min: 1, max: 4 })
            .chain((n) =>
              fc.tuple(...Array.from({ length: n }, (_, i) => venueHistory(`v${round}-${i}`))),
            ),
          fc.array(
            fc.record({
              day: fc.integer({ min: 0, max: 500 }),
              closeAfter: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
            }),
            { maxLength: 3 },
          ),
          fc.integer({ min: 0, max: 800 }).map((d) => START + d * DAY + 12 * 3_600_000),
          fc.record({
            year: fc.constantFrom(2024, 2025),
            quarter: fc.integer({ min: 1, max: 4 }),
            month: fc.integer({ min: 1, max: 12 }),
          }),
          fc.oneof(
            fc.constant({}),
            fc.record({ areaId: fc.constantFrom('A1', 'A2') }),
            fc.record({ category: fc.constantFrom(...CATEGORIES) }),
          ) as fc.Arbitrary<{ areaId?: string; category?: string }>,
          async (histories, venueHazards, T, period, filter) => {
            round += 1;
            const runner = createProjectionRunner({
              store,
              projections: [register, hazardLedger],
              pollIntervalMs: 5,
              batchSize: 25,
            });
            for (const events of histories) {
              // The venue's own stream in one append, each inspection in its stream.
              const own = events.filter((e) => e.stream.startsWith('venue-'));
              await store.appendToStream(
                own[0]!.stream,
                own.map(({ type, data }) => ({ type, data })) as NewEvent[],
              );
              for (const e of events.filter((x) => !x.stream.startsWith('venue-'))) {
                await store.appendToStream(e.stream, [
                  { type: e.type, data: e.data },
                ] as NewEvent[]);
              }
              appended += events.length;
              log.push(events);
              if (events.length % 2 === 0) {
                await visibleLog(store, appended);
                await runner.catchUp();
              }
            }
            // Venue hazards (and one enterprise hazard the venue figures must not count).
            for (const [i, h] of venueHazards.entries()) {
              const id = `hz-${round}-${i}`;
              const area = i % 2 === 0 ? 'A1' : 'A2';
              const registered = START + h.day * DAY + 3_600_000;
              const hazardEvents: NewEvent[] = [
                {
                  type: 'HazardRegistered',
                  data: {
                    hazardId: id,
                    occurredAt: iso(registered),
                    subject: { kind: 'venue', id: `v-${id}` },
                    areaId: area,
                    sectorCode: null,
                    nature: 'unsafe_condition',
                    grade: 'general',
                    majorBasis: null,
                    source: 'patrol',
                    campaignIds: [],
                    supervisingOrgId: 'org-1',
                    deadline: '2026-12-31',
                  },
                } as NewEvent,
              ];
              const closed =
                h.closeAfter === undefined ? undefined : registered + h.closeAfter * DAY + 60_000;
              if (closed !== undefined) {
                hazardEvents.push({
                  type: 'HazardClosed',
                  data: { hazardId: id, occurredAt: iso(closed), basisVerificationEventId: 'x' },
                } as NewEvent);
              }
              await store.appendToStream(`hazard-${id}`, hazardEvents);
              appended += hazardEvents.length;
              hazards.push({ registered, closed, area });
            }
            await store.appendToStream(`hazard-ent-${round}`, [
              {
                type: 'HazardRegistered',
                data: {
                  hazardId: `ent-${round}`,
                  occurredAt: iso(START + 3_600_000),
                  subject: { kind: 'enterprise', id: 'e-1' },
                  areaId: 'A1',
                  sectorCode: null,
                  nature: 'unsafe_condition',
                  grade: 'general',
                  majorBasis: null,
                  source: 'self_inspection',
                  campaignIds: [],
                  supervisingOrgId: 'org-1',
                  deadline: '2026-12-31',
                },
              } as NewEvent,
            ]);
            appended += 1;
            await visibleLog(store, appended);
            await runner.catchUp();

            const asOf = new Date(T).toISOString().replace('Z', '+00:00');
            const f = { asOf, ...filter };
            const venues = log.filter((events) => {
              const first = events[0]!.data;
              return (
                (filter.areaId === undefined || first.areaId === filter.areaId) &&
                // The category filter is the venue's current category.
                (filter.category === undefined ||
                  venueAt(events, Number.POSITIVE_INFINITY).category === filter.category)
              );
            });

            // P-10 at T and at earlier instants, so marking spans are judged from inside too.
            let marking: Awaited<ReturnType<typeof figures.markingRates>> | undefined;
            for (const back of [0, 60, 180]) {
              const at = T - back * DAY;
              const at_ = { ...f, asOf: iso(at) };
              const atT = venues.map((events) => venueAt(events, at)).filter((v) => v.active);
              const count = (pick: (m: (typeof atT)[number]['marks']) => boolean) =>
                rate(atT.filter((v) => pick(v.marks)).length, atT.length);
              const rates = await figures.markingRates(at_);
              expect(rates).toEqual({
                active: atT.length,
                industry: count((m) => m.industry),
                special: count((m) => m.special),
                territorial: count((m) => m.territorial),
                fireAdvisor: count((m) => m.fireAdvisor),
                fullyMarked: count(
                  (m) => m.industry && m.special && m.territorial && m.fireAdvisor,
                ),
                // The V-6 flag is the register's current one, over the venues active at T.
                invalidIndustryMarkings: venues.filter(
                  (events) =>
                    venueAt(events, at).active &&
                    venueAt(events, Number.POSITIVE_INFINITY).invalidIndustry,
                ).length,
              });
              marking ??= rates;
            }

            // P-11 for a quarter, P-12 for a month, P-13 for a year: the spec's formulas over the
            // whole period, asked on its last day or later.
            const q = { year: period.year, quarter: period.quarter };
            const qFirst = (period.quarter - 1) * 3 + 1;
            const qMonths = [0, 1, 2].map(
              (i) => `${period.year}-${String(qFirst + i).padStart(2, '0')}`,
            );
            const qEnd =
              Date.parse(
                qFirst + 3 > 12
                  ? `${period.year + 1}-01-01T00:00:00+08:00`
                  : `${period.year}-${String(qFirst + 3).padStart(2, '0')}-01T00:00:00+08:00`,
              ) - 1;
            if (before(T, qEnd)) {
              await expect(figures.patrolRate({ ...f, ...q })).rejects.toThrow(RangeError);
            } else {
              const denom = venues.filter((events) => venueAt(events, qEnd).active);
              const covered = denom.filter((events) => {
                const months = monthsOf(events, 'patrol');
                return qMonths.some((m) => months.has(m));
              });
              expect(await figures.patrolRate({ ...f, ...q })).toEqual({
                active: denom.length,
                covered: covered.length,
                rate: rate(covered.length, denom.length),
              });
            }
            const mm = `${period.year}-${String(period.month).padStart(2, '0')}`;
            const mEnd =
              Date.parse(
                period.month === 12
                  ? `${period.year + 1}-01-01T00:00:00+08:00`
                  : `${period.year}-${String(period.month + 1).padStart(2, '0')}-01T00:00:00+08:00`,
              ) - 1;
            const m = { year: period.year, month: period.month };
            if (before(T, mEnd)) {
              await expect(figures.selfCheckRate({ ...f, ...m })).rejects.toThrow(RangeError);
            } else {
              const denom = venues.filter((events) => venueAt(events, mEnd).active);
              const covered = denom.filter((events) => monthsOf(events, 'self').has(mm));
              expect(await figures.selfCheckRate({ ...f, ...m })).toEqual({
                active: denom.length,
                covered: covered.length,
                rate: rate(covered.length, denom.length),
              });
            }
            const yEnd = Date.parse(`${period.year + 1}-01-01T00:00:00+08:00`) - 1;
            const yStart = Date.parse(`${period.year}-01-01T00:00:00+08:00`);
            const year = { period: { year: period.year } };
            if (before(T, yEnd)) {
              await expect(figures.statistics({ ...f, ...year })).rejects.toThrow(RangeError);
            } else {
              const known = venues.filter((events) => venueAt(events, T).registered);
              const spot = venues.filter((events) =>
                [...monthsOf(events, 'spot')].some((month) => month.startsWith(`${period.year}-`)),
              );
              const cohort = hazards.filter(
                (h) =>
                  h.registered >= yStart &&
                  h.registered <= yEnd &&
                  (filter.areaId === undefined || h.area === filter.areaId),
              );
              const rectified = cohort.filter((h) => h.closed !== undefined && h.closed <= T);
              expect(await figures.statistics({ ...f, ...year })).toEqual({
                registered: known.length,
                active: known.filter((events) => venueAt(events, T).active).length,
                spotChecked: spot.length,
                hazards: {
                  found: cohort.length,
                  rectified: rectified.length,
                  rate: rate(rectified.length, cohort.length),
                },
              });
            }

            // S5: a rebuild from scratch equals the incrementally built register.
            const incremental = await store.projections.listDocuments(VENUE_REGISTER);
            await runner.rebuild(VENUE_REGISTER);
            await runner.catchUp();
            expect(await store.projections.listDocuments(VENUE_REGISTER)).toEqual(incremental);
            expect(await figures.markingRates(f)).toEqual(marking);
            await runner.stop();
          },
        ),
        { numRuns: Math.max(10, Math.floor(context.scale.modelRuns / 2)) },
      );
    },
  },
];
