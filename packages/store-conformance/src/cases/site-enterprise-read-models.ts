import {
  createEnterpriseComplianceProjection,
  createEnterpriseFigures,
  createEnterpriseFilingsProjection,
  createProjectionRunner,
  createSiteFigures,
  createSiteLedgerProjection,
  createSupervisionPolicy,
  ENTERPRISE_COMPLIANCE,
  ENTERPRISE_FILINGS,
  type EventStore,
  SITE_LEDGER,
} from '@safeledger/core';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { ConformanceCase } from '../harness.js';
import {
  cst,
  DAY,
  endOf,
  expectRebuildEqualsIncremental,
  historyWriter,
  iso,
  plusDays,
  type Raw,
} from '../read-model-fixtures.js';

const group = 'site and enterprise read models';
const INTERVAL = 30;

// The oracles below recompute P-18 and P-19 from the raw events the test wrote, by their own
// folds (not the aggregates' `evolve`), following domain spec §5, MT-5, E-3 and E-5 literally,
// in China Standard Time (UTC+8, no daylight saving).

const START = Date.parse('2024-01-01T09:00:00+08:00');
const LANDLORDS = ['L0', 'L1'];
const TENANTS = ['T0', 'T1', 'T2', 'T3'];
const actor = { personId: 'p', role: 'TerritorialOfficer', orgId: 'o' };

/** One site's plausible life: registration, then tenancies, checks and devices in time order. */
const siteHistory = (siteId: string): fc.Arbitrary<Raw[]> =>
  fc
    .record({
      day: fc.integer({ min: 0, max: 200 }),
      landlord: fc.constantFrom(...LANDLORDS),
      tenancies: fc.array(
        fc.record({
          tenant: fc.constantFrom(...TENANTS),
          productive: fc.constantFrom(true, true, false),
          after: fc.integer({ min: 0, max: 100 }),
          // The lease may start before it is recorded (a back-dated entry) or later.
          startShift: fc.integer({ min: -20, max: 40 }),
          plannedDays: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
          agreementAfter: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
          checks: fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 4 }),
          endAfter: fc.option(fc.integer({ min: 0, max: 250 }), { nil: undefined }),
        }),
        { maxLength: 4 },
      ),
      devices: fc.array(
        fc.record({
          after: fc.integer({ min: 0, max: 300 }),
          kind: fc.constantFrom('one_key_alarm_broadcaster', 'smoke_detector'),
          count: fc.integer({ min: 1, max: 30 }),
        }),
        { maxLength: 3 },
      ),
    })
    .map((s) => {
      const t0 = START + s.day * DAY;
      const timed: Array<{ t: number; seq: number; raw: Raw }> = [];
      let seq = 0;
      const at = (t: number, type: string, extra: Record<string, unknown>) =>
        timed.push({
          t,
          seq: seq++,
          raw: { type, data: { siteId, occurredAt: iso(t), actor, ...extra } },
        });
      at(t0, 'SiteRegistered', {
        landlordEnterpriseId: s.landlord,
        name: siteId,
        address: 'A',
        areaId: 'a',
      });
      s.tenancies.forEach((c, i) => {
        const tenancyId = `t${i}`;
        const tReg = t0 + c.after * DAY + 60_000 * (i + 1);
        const startDate = plusDays(cst(tReg), c.startShift);
        at(tReg, 'TenancyRegistered', {
          tenancyId,
          tenantEnterpriseId: c.tenant,
          productive: c.productive,
          premisesPart: 'P',
          startDate,
          endDate: c.plannedDays === undefined ? null : plusDays(startDate, c.plannedDays),
          qualificationChecked: true,
        });
        if (c.agreementAfter !== undefined) {
          at(tReg + c.agreementAfter * DAY + 1, 'SafetyAgreementSigned', {
            tenancyId,
            landlordSignatoryId: 'a',
            tenantSignatoryId: 'b',
            form: 'standalone',
            covers: ['hazard_management'],
          });
        }
        for (const [k, d] of c.checks.entries()) {
          // Checks land at all hours, so some fall on the local day before or after the UTC one.
          at(tReg + d * DAY + (k + 1) * 5 * 3_600_000, 'LandlordCheckRecorded', {
            tenancyId,
            findingsCount: 0,
            hazardIds: [],
          });
        }
        if (c.endAfter !== undefined) {
          at(tReg + c.endAfter * DAY + 2, 'TenancyEnded', {
            tenancyId,
            endDate: plusDays(startDate, c.endAfter),
          });
        }
      });
      for (const d of s.devices) {
        at(t0 + d.after * DAY + 3, 'SafetyDevicesInstalled', { kind: d.kind, count: d.count });
      }
      return timed.sort((a, b) => a.t - b.t || a.seq - b.seq).map((e) => e.raw);
    });

/** P-18 recomputed at T from every site's raw events. */
function siteOracle(histories: readonly Raw[][], T: number) {
  const today = cst(T);
  const sites = new Set<string>();
  const landlords = new Set<string>();
  const tenants = new Set<string>();
  let productive = 0;
  let signed = 0;
  let lapses = 0;
  const devices = { one_key_alarm_broadcaster: 0, smoke_detector: 0 } as Record<string, number>;
  for (const events of histories) {
    if (Date.parse(events[0]!.data.occurredAt) <= T) {
      landlords.add(events[0]!.data.landlordEnterpriseId as string);
    }
    for (const e of events) {
      if (e.type === 'SafetyDevicesInstalled' && Date.parse(e.data.occurredAt) <= T) {
        devices[e.data.kind] = (devices[e.data.kind] ?? 0) + e.data.count;
      }
      if (e.type !== 'TenancyRegistered' || Date.parse(e.data.occurredAt) > T) continue;
      const mine = events.filter((o) => o.data.tenancyId === e.data.tenancyId);
      // A recorded end is known whenever it was recorded (as `siteLapses` reads the state).
      const ended = mine.find((o) => o.type === 'TenancyEnded');
      const end = ended === undefined ? e.data.endDate : ended.data.endDate;
      const active = e.data.startDate <= today && (end === null || end >= today);
      if (!active) continue;
      sites.add(events[0]!.data.siteId);
      if (!e.data.productive) continue;
      productive += 1;
      tenants.add(e.data.tenantEnterpriseId);
      const by = (o: Raw) => Date.parse(o.data.occurredAt) <= T;
      if (mine.some((o) => o.type === 'SafetyAgreementSigned' && by(o))) signed += 1;
      const checkDates = mine
        .filter((o) => o.type === 'LandlordCheckRecorded' && by(o))
        .map((o) => cst(Date.parse(o.data.occurredAt)));
      const last = checkDates.sort().at(-1);
      const base = last === undefined || last < e.data.startDate ? e.data.startDate : last;
      if (T > endOf(plusDays(base, INTERVAL))) lapses += 1;
    }
  }
  return {
    sites: sites.size,
    landlords: landlords.size,
    productiveTenants: tenants.size,
    productiveTenancies: productive,
    agreementCoverage: { numerator: signed, denominator: productive },
    checkLapses: lapses,
    devices: {
      oneKeyAlarmBroadcasters: devices.one_key_alarm_broadcaster,
      smokeDetectors: devices.smoke_detector,
    },
  };
}

/**
 * One enterprise's plausible life. At most one award each: the compliance ledger keeps the
 * latest award only (its documented limit), which this history stays within.
 */
const enterpriseHistory = (enterpriseId: string): fc.Arbitrary<Raw[]> =>
  fc
    .record({
      reports: fc.array(
        fc.record({ day: fc.integer({ min: 0, max: 500 }), year: fc.constantFrom(2024, 2025) }),
        { maxLength: 2 },
      ),
      award: fc.option(
        fc.record({
          day: fc.integer({ min: 0, max: 500 }),
          backDays: fc.integer({ min: 0, max: 20 }),
          grade: fc.constantFrom(1, 2, 3),
          revokeAfter: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
        }),
        { nil: undefined },
      ),
      team: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
      statistics: fc.array(
        fc.record({
          day: fc.integer({ min: 80, max: 500 }),
          period: fc.constantFrom('Q1-2024', 'Q2-2024', '2024'),
        }),
        { maxLength: 3 },
      ),
    })
    .map((h) => {
      const timed: Array<{ t: number; seq: number; raw: Raw }> = [];
      let seq = 0;
      const at = (t: number, type: string, extra: Record<string, unknown>) =>
        timed.push({
          t,
          seq: seq++,
          raw: { type, data: { enterpriseId, occurredAt: iso(t), actor, ...extra } },
        });
      for (const r of h.reports) {
        at(START + r.day * DAY, 'RiskReportFiled', {
          year: r.year,
          reportType: 'periodic',
          risks: [{ level: 'general', description: 'd' }],
          projectAcceptedOn: null,
          riskChangedOn: null,
        });
      }
      if (h.award !== undefined) {
        const t = START + h.award.day * DAY;
        const awardedOn = plusDays(cst(t), -h.award.backDays);
        at(t, 'StandardizationGradeAwarded', {
          grade: h.award.grade,
          authorityOrgId: 'o',
          awardedOn,
          validUntil: plusDays(awardedOn, 365),
          publicNoticeRef: 'n',
        });
        if (h.award.revokeAfter !== undefined) {
          at(t + h.award.revokeAfter * DAY + 1, 'StandardizationGradeRevoked', {
            grade: h.award.grade,
            authorityOrgId: 'o',
            reason: 'r',
          });
        }
      }
      if (h.team !== undefined)
        at(START + h.team * DAY, 'EmergencyTeamEstablished', { memberCount: 5 });
      for (const s of h.statistics) {
        at(START + s.day * DAY + 7 * 3_600_000, 'HazardStatisticsSubmitted', {
          period: s.period,
          counts: { found: 1, rectified: 1, major: 0, majorRectified: 0 },
          signedBy: 'p',
        });
      }
      return timed.sort((a, b) => a.t - b.t || a.seq - b.seq).map((e) => e.raw);
    });

const DUE: Record<string, string> = {
  'Q1-2024': '2024-04-15',
  'Q2-2024': '2024-07-15',
  '2024': '2025-01-31',
};

/** P-19 recomputed at T from every enterprise's raw events. */
function enterpriseOracle(histories: readonly Raw[][], T: number, year: number, period: string) {
  const today = cst(T);
  const by = (e: Raw) => Date.parse(e.data.occurredAt) <= T;
  let reported = 0;
  const awarded: Record<number, number> = { 1: 0, 2: 0, 3: 0 };
  const valid: Record<number, number> = { 1: 0, 2: 0, 3: 0 };
  let teams = 0;
  let onTime = 0;
  let late = 0;
  for (const events of histories) {
    const seen = events.filter(by);
    if (seen.some((e) => e.type === 'RiskReportFiled' && e.data.year === year)) reported += 1;
    const award = seen.find((e) => e.type === 'StandardizationGradeAwarded');
    if (award !== undefined) {
      const d = award.data;
      if (d.awardedOn >= `${year}-01-01` && d.awardedOn < `${year + 1}-01-01`)
        awarded[d.grade] = (awarded[d.grade] ?? 0) + 1;
      const revoked = seen.some((e) => e.type === 'StandardizationGradeRevoked');
      if (!revoked && d.awardedOn <= today && today <= d.validUntil)
        valid[d.grade] = (valid[d.grade] ?? 0) + 1;
    }
    if (seen.some((e) => e.type === 'EmergencyTeamEstablished')) teams += 1;
    const filing = seen.find(
      (e) => e.type === 'HazardStatisticsSubmitted' && e.data.period === period,
    );
    if (filing !== undefined) {
      if (Date.parse(filing.data.occurredAt) > endOf(DUE[period]!)) late += 1;
      else onTime += 1;
    }
  }
  return { reported, awarded, valid, teams, filings: { onTime, late } };
}

export const siteEnterpriseReadModelCases: readonly ConformanceCase[] = [
  {
    group,
    name: 'P-18 and P-19 every site and enterprise figure equals a naive recomputation from the raw events, for random histories and asOf; rebuild equals incremental (property)',
    async run(context) {
      // One store for every run: each run adds sites and enterprises to the same database, and
      // the oracles recompute over everything written so far.
      const store: EventStore = await context.open({});
      const policy = createSupervisionPolicy({ landlordCheckIntervalDays: INTERVAL });
      const projections = [
        createSiteLedgerProjection(policy),
        createEnterpriseFilingsProjection(policy),
        createEnterpriseComplianceProjection(),
      ];
      const sites = createSiteFigures({ store, policy });
      const enterprises = createEnterpriseFigures({ store, policy });
      const siteLog: Raw[][] = [];
      const enterpriseLog: Raw[][] = [];
      const writer = historyWriter(store);
      let round = 0;
      await fc.assert(
        fc.asyncProperty(
          fc
            .integer({ min: 1, max: 5 })
            .chain((n) =>
              fc.tuple(...Array.from({ length: n }, (_, i) => siteHistory(`s${round}-${i}`))),
            ),
          fc
            .integer({ min: 1, max: 4 })
            .chain((n) =>
              fc.tuple(...Array.from({ length: n }, (_, i) => enterpriseHistory(`e${round}-${i}`))),
            ),
          // Some instants just before and after local midnight, where local and UTC dates differ.
          fc
            .tuple(fc.integer({ min: 0, max: 600 }), fc.constantFrom(-1, 0, 1, 12 * 3_600_000))
            .map(([d, ms]) => START - 9 * 3_600_000 + d * DAY + ms),
          fc.constantFrom(2024, 2025),
          fc.constantFrom('Q1-2024', 'Q2-2024', '2024'),
          async (siteHistories, enterpriseHistories, T, year, period) => {
            round += 1;
            const runner = createProjectionRunner({
              store,
              projections,
              pollIntervalMs: 5,
              batchSize: 7,
            });
            for (const events of siteHistories) {
              await writer.append(`site-${events[0]!.data.siteId}`, events);
              siteLog.push(events);
            }
            // Catching up between appends sometimes tests the incremental fold across batches.
            const enterprisesWritten = enterpriseHistories.filter((events) => events.length > 0);
            await writer.appendAll(
              runner,
              enterprisesWritten,
              (events) => `ent-${events[0]!.data.enterpriseId}`,
            );
            enterpriseLog.push(...enterprisesWritten);

            const asOf = iso(T).replace('Z', '+00:00');
            expect(await sites.siteCompliance({ asOf })).toEqual(siteOracle(siteLog, T));

            const expected = enterpriseOracle(enterpriseLog, T, year, period);
            const yearPeriod = { from: `${year}-01-01`, to: `${year + 1}-01-01` };
            const actual = {
              reported: await enterprises.riskReported({ year, asOf }),
              awarded: Object.fromEntries(
                await Promise.all(
                  [1, 2, 3].map(async (grade) => [
                    grade,
                    await enterprises.standardizationAwarded({ grade, period: yearPeriod, asOf }),
                  ]),
                ),
              ),
              valid: Object.fromEntries(
                await Promise.all(
                  [1, 2, 3].map(async (grade) => [
                    grade,
                    await enterprises.standardizationValid({ grade, asOf }),
                  ]),
                ),
              ),
              teams: await enterprises.emergencyTeams({ asOf }),
              filings: await enterprises.statisticsFilings({ period, asOf }),
            };
            expect(actual).toEqual(expected);

            // S5: a rebuild from scratch equals the incrementally built ledger (one ledger a
            // round, in turn, to keep the case within its time on a shared database server).
            const name = [SITE_LEDGER, ENTERPRISE_FILINGS, ENTERPRISE_COMPLIANCE][round % 3]!;
            await expectRebuildEqualsIncremental(store, runner, name, { limit: 100_000 });
            await runner.stop();
          },
        ),
        { numRuns: Math.max(10, Math.floor(context.scale.modelRuns / 2)) },
      );
    },
  },
];
