import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSiteFigures, createSupervisionPolicy, type NewEvent } from '@safeledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentVerification, mintDevelopmentToken } from './dev-keys.js';
import { type RunningService, startService } from './service.js';

// The read endpoints of P-14 and P-17…P-21 over real HTTP on SQLite. The example has no command
// routes for these aggregates, so the test writes a small 2024 history straight to the store,
// as another service sharing the database would, and holds every figure to what it wrote.
const cst = (local: string) => new Date(`${local}+08:00`).toISOString();
const officer = { personId: 'he', role: 'TerritorialOfficer', orgId: 'street-office' };
const T = '2024-06-01T00:00:00+08:00';

type Raw = { type: string; data: Record<string, unknown> };

const issuer = { name: 'Provincial group', kind: 'supervision_team', level: 'province' };
const handover = (itemId: string, batchId: string, kind: string) => {
  const snapshot = { itemId, actor: officer, batchId, kind, issuer };
  return (type: string, at: string, extra: Record<string, unknown> = {}): Raw => ({
    type,
    data: { ...snapshot, occurredAt: cst(at), ...extra },
  });
};
const received = (deadline: string, units: string[]) => ({
  batchTitle: 'Batch',
  deadline,
  subjectEnterpriseIds: units,
  expectedHazardCount: null,
  description: 'd',
  petitioner: null,
  closureAuthority: 'issuer',
});

const item1 = handover('item-1', 'B1', 'petition');
const item2 = handover('item-2', 'B2', 'hazard_list');
const site = (type: string, at: string, extra: Record<string, unknown>): Raw => ({
  type,
  data: { siteId: 's-1', occurredAt: cst(at), actor: officer, ...extra },
});
const tenancy = (tenancyId: string, tenant: string) => ({
  tenancyId,
  tenantEnterpriseId: tenant,
  productive: true,
  premisesPart: 'Hall',
  startDate: '2024-02-01',
  endDate: null,
  qualificationChecked: true,
});
const enterprise = (enterpriseId: string, type: string, at: string, extra: object): Raw => ({
  type,
  data: { enterpriseId, occurredAt: cst(at), actor: officer, ...extra },
});
const riskReport = (year: number) => ({
  year,
  reportType: 'periodic',
  risks: [{ level: 'general', description: 'd' }],
  projectAcceptedOn: null,
  riskChangedOn: null,
});
const activity = (
  activityId: string,
  organizerOrgId: string,
  facts: { kind: string; date: string; participantCount: number; enterpriseIds: string[] },
): Raw => ({
  type: 'ActivityRecorded',
  data: {
    activityId,
    occurredAt: cst(`${facts.date}T18:00:00`),
    actor: officer,
    organizerOrgId,
    organizerEnterpriseId: null,
    topic: 'steward',
    sectorCode: null,
    materials: { manuals: 5, posters: 2 },
    planId: null,
    planKind: null,
    approximate: false,
    ...facts,
  },
});
/** May 2024 for the district bureau: a whole-day shift each day but the 10th, and two on the 5th. */
const mayRoster: Raw[] = Array.from({ length: 31 }, (_, i) => i + 1)
  .filter((day) => day !== 10)
  .flatMap((day) => (day === 5 ? [day, day] : [day]))
  .map((day, i) => {
    const date = `2024-05-${String(day).padStart(2, '0')}`;
    const next = new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000).toISOString();
    return {
      type: 'ShiftScheduled',
      data: {
        month: '2024-05',
        occurredAt: cst('2024-04-28T09:00:00'),
        actor: officer,
        orgId: 'bureau',
        shiftId: `s-${i}`,
        start: cst(`${date}T00:00:00`),
        end: next,
        dutyOfficerId: 'chen',
        leaderOnCallId: 'sun',
        reinforced: false,
      },
    };
  });

/** An assignment of a 2024 duty list, issued, perhaps acknowledged by its assignee. */
const assignment = (
  assignmentId: string,
  listId: string,
  issuerOrgId: string,
  acknowledged: boolean,
): Raw[] => {
  const base = { assignmentId, listId, actor: officer };
  return [
    {
      type: 'AssignmentDrafted',
      data: {
        ...base,
        occurredAt: cst('2024-01-05T09:00:00'),
        listTitle: 'Duty list',
        listKind: 'duty_task_list',
        issuerOrgId,
        period: { year: 2024 },
        assignee: { kind: 'department', id: `dept-${assignmentId}`, isPrimaryLeader: false },
        portfolio: [],
        duties: [
          {
            dutyId: 'd0',
            code: 'T1',
            text: 'Inspect the park',
            kind: 'statutory_duty',
            domainCodes: [],
            sectorCodes: [],
            venueCategories: [],
            role: 'lead',
          },
        ],
      },
    },
    {
      type: 'AssignmentIssued',
      data: { ...base, occurredAt: cst('2024-01-06T09:00:00'), approvedBy: 'zhou', version: 1 },
    },
    ...(acknowledged
      ? [
          {
            type: 'AssignmentAcknowledged',
            data: { ...base, occurredAt: cst('2024-01-08T09:00:00'), version: 1 },
          },
        ]
      : []),
  ];
};

const history: Array<[string, Raw[]]> = [
  ['assignment-a1', assignment('a1', 'L1', 'bureau', true)],
  ['assignment-a2', assignment('a2', 'L1', 'bureau', false)],
  ['assignment-a3', assignment('a3', 'L2', 'harbour-bureau', true)],
  [
    'item-1',
    [
      item1('HandoverReceived', '2024-03-01T10:00:00', received('2024-03-31', ['works'])),
      item1('MeasureAdded', '2024-03-02T10:00:00', { measureId: 'm0', text: 'Fix' }),
      item1('MeasureCompleted', '2024-03-10T10:00:00', { measureId: 'm0' }),
      item1('ItemClosed', '2024-03-20T10:00:00'),
    ],
  ],
  ['item-2', [item2('HandoverReceived', '2024-03-05T10:00:00', received('2024-04-10', ['docks']))]],
  [
    'site-s-1',
    [
      site('SiteRegistered', '2024-02-01T09:00:00', {
        landlordEnterpriseId: 'works',
        name: 'Works yard',
        address: '1 Park Road',
        areaId: 'park',
      }),
      site('TenancyRegistered', '2024-02-01T10:00:00', tenancy('t0', 'docks')),
      site('TenancyRegistered', '2024-02-01T11:00:00', tenancy('t1', 'tenant-9')),
      site('SafetyAgreementSigned', '2024-02-02T10:00:00', {
        tenancyId: 't0',
        landlordSignatoryId: 'zhao',
        tenantSignatoryId: 'ma',
        form: 'standalone',
        covers: ['hazard_management'],
      }),
      site('SafetyDevicesInstalled', '2024-02-03T10:00:00', {
        kind: 'smoke_detector',
        count: 10,
      }),
    ],
  ],
  [
    'ent-works',
    [
      enterprise('works', 'RiskReportFiled', '2024-03-01T10:00:00', riskReport(2024)),
      enterprise('works', 'StandardizationGradeAwarded', '2024-04-02T10:00:00', {
        grade: 2,
        authorityOrgId: 'bureau',
        awardedOn: '2024-04-01',
        validUntil: '2025-03-31',
        publicNoticeRef: 'n',
      }),
      enterprise('works', 'EmergencyTeamEstablished', '2024-04-03T10:00:00', { memberCount: 5 }),
      enterprise('works', 'HazardStatisticsSubmitted', '2024-04-05T10:00:00', {
        period: 'Q1-2024',
        counts: { found: 1, rectified: 1, major: 0, majorRectified: 0 },
        signedBy: 'zhao',
      }),
    ],
  ],
  ['ent-docks', [enterprise('docks', 'RiskReportFiled', '2024-01-20T10:00:00', riskReport(2023))]],
  [
    'act-1',
    [
      activity('act-1', 'bureau', {
        kind: 'training',
        date: '2024-05-10',
        participantCount: 30,
        enterpriseIds: ['works', 'docks'],
      }),
    ],
  ],
  [
    'act-2',
    [
      activity('act-2', 'bureau', {
        kind: 'drill',
        date: '2024-04-02',
        participantCount: 10,
        enterpriseIds: ['works'],
      }),
    ],
  ],
  [
    'act-3',
    [
      activity('act-3', 'harbour-bureau', {
        kind: 'training',
        date: '2024-05-11',
        participantCount: 7,
        enterpriseIds: ['docks'],
      }),
    ],
  ],
  ['duty-2024-05', mayRoster],
];

describe('handover, responsibility, site, enterprise, activity and duty read endpoints', () => {
  let service: RunningService;
  let folder: string;

  async function get(path: string, sub: string) {
    const response = await fetch(`${service.url}${path}`, {
      headers: { authorization: `Bearer ${await mintDevelopmentToken({ sub })}` },
    });
    return { status: response.status, body: (await response.json()) as any };
  }
  const at = encodeURIComponent(T);

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'safeledger-regional-reads-'));
    service = await startService({
      port: 0,
      sqlitePath: join(folder, 'regional-reads.db'),
      instance: 'regional-reads',
      verification: developmentVerification(),
      pollIntervalMs: 20,
    });
    for (const [streamId, events] of history) {
      await service.store.appendToStream(streamId, events as NewEvent[]);
    }
    await service.runner.catchUp();
  });

  afterAll(async () => {
    await service?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('P-14 handover status at T, whole and per batch', async () => {
    const now = await get(`/figures/handover-status?asOf=${at}&by=batchId`, 'chen');
    expect(now.status, JSON.stringify(now.body)).toBe(200);
    expect(now.body).toMatchObject({
      title: 'Handover status',
      received: 2,
      closed: 1,
      open: 1,
      overdue: 1,
      closureRate: { numerator: 1, denominator: 2 },
      distinctUnits: 2,
      measures: 1,
      measuresDone: 1,
    });
    expect(now.body.groups.map((g: any) => [g.key, g.received, g.closed, g.overdue])).toEqual([
      ['B1', 1, 1, 0],
      ['B2', 1, 0, 1],
    ]);
    const early = await get('/figures/handover-status?asOf=2024-03-10T00:00:00%2B08:00', 'qian');
    expect([early.body.received, early.body.closed, early.body.overdue]).toEqual([2, 0, 0]);
  });

  it('the handover ledger shows an enterprise the items that name it', async () => {
    const all = await get('/ledgers/handover-items?limit=1', 'chen');
    expect([all.body.total, all.body.items[0].itemId]).toEqual([2, 'item-1']);
    expect(all.body.items[0].labels.kind).toBeTypeOf('string');
    const works = await get('/ledgers/handover-items', 'li');
    expect(works.body.items.map((row: any) => row.itemId)).toEqual(['item-1']);
    const open = await get('/ledgers/handover-items?open=true', 'qian');
    expect(open.body.items.map((row: any) => row.itemId)).toEqual(['item-2']);
  });

  it('P-18 site compliance at T and the site ledger', async () => {
    const compliance = await get(`/figures/site-compliance?asOf=${at}`, 'chen');
    expect(compliance.status, JSON.stringify(compliance.body)).toBe(200);
    const own = await createSiteFigures({
      store: service.store,
      policy: createSupervisionPolicy(),
    }).siteCompliance({ asOf: T });
    expect(compliance.body).toMatchObject({
      sites: 1,
      landlords: 1,
      productiveTenants: 2,
      productiveTenancies: 2,
      agreementCoverage: { numerator: 1, denominator: 2 },
      checkLapses: own.checkLapses,
      devices: { oneKeyAlarmBroadcasters: 0, smokeDetectors: 10 },
    });
    const tenancies = await get('/ledgers/sites?kind=tenancy', 'qian');
    expect(tenancies.body.total).toBe(2);
    const docks = await get('/ledgers/sites?kind=tenancy', 'ma');
    expect(docks.body.items.map((row: any) => row.tenantEnterpriseId)).toEqual(['docks']);
    const landlord = await get('/ledgers/sites', 'li');
    expect(landlord.body.items.map((row: any) => row.siteId)).toEqual(['s-1']);
  });

  it('P-19 enterprise compliance for a year, and the filings of the enterprises a reader sees', async () => {
    const y2024 = await get(
      `/figures/enterprise-compliance?year=2024&asOf=${at}&statisticsPeriod=Q1-2024`,
      'chen',
    );
    expect(y2024.status, JSON.stringify(y2024.body)).toBe(200);
    expect(y2024.body).toMatchObject({
      riskReported: 1,
      standardizationAwarded: { '1': 0, '2': 1, '3': 0 },
      standardizationValid: { '1': 0, '2': 1, '3': 0 },
      emergencyTeams: 1,
    });
    const { onTime, late } = y2024.body.statisticsFilings;
    expect(onTime + late).toBe(1);
    const y2023 = await get(`/figures/enterprise-compliance?year=2023&asOf=${at}`, 'chen');
    expect([y2023.body.riskReported, y2023.body.standardizationAwarded['2']]).toEqual([1, 0]);
    const district = await get('/ledgers/enterprise-filings', 'chen');
    expect(district.body.total).toBe(3);
    expect(new Set(district.body.items.map((row: any) => row.enterpriseId))).toEqual(
      new Set(['works']),
    );
    const harbour = await get('/ledgers/enterprise-filings', 'gao');
    expect(harbour.body.items.map((row: any) => row.enterpriseId)).toEqual(['docks']);
    const city = await get('/ledgers/enterprise-filings?kind=risk_report', 'qian');
    expect(city.body.total).toBe(2);
    const own = await get('/ledgers/enterprise-filings', 'ma');
    expect(own.body.total).toBe(1);
  });

  it('P-20 activity totals of one organiser in P, and the activity ledger', async () => {
    const may = await get(`/figures/activity-totals?period=2024-05&asOf=${at}`, 'chen');
    expect(may.status, JSON.stringify(may.body)).toBe(200);
    expect(may.body).toMatchObject({
      filter: { organizerOrgId: 'bureau' },
      sessions: 1,
      personTimes: 30,
      drills: 0,
      manuals: 5,
      posters: 2,
      distinctEnterprisesTrained: { value: 2, approximate: false },
      plansRevisedAndPublished: 0,
    });
    const year = await get(`/figures/activity-totals?period=2024&asOf=${at}&by=kind`, 'chen');
    expect([year.body.sessions, year.body.personTimes, year.body.drills]).toEqual([2, 40, 1]);
    expect(year.body.groups.map((g: any) => [g.key, g.sessions])).toEqual([
      ['drill', 1],
      ['training', 1],
    ]);
    const harbour = await get(
      `/figures/activity-totals?organizerOrgId=harbour-bureau&asOf=${at}`,
      'qian',
    );
    expect([harbour.body.sessions, harbour.body.personTimes]).toEqual([1, 7]);
    const attended = await get('/ledgers/activities', 'ma');
    expect(attended.body.items.map((row: any) => row.activityId)).toEqual(['act-1', 'act-3']);
    const organised = await get('/ledgers/activities?order=desc', 'chen');
    expect(organised.body.items.map((row: any) => row.activityId)).toEqual(['act-1', 'act-2']);
    expect(organised.body.items[0].labels.kind).toBeTypeOf('string');
  });

  it('P-21 duty coverage: the missing day is a gap, the doubled day an overlap', async () => {
    const may = await get(`/figures/duty-coverage?period=2024-05&asOf=${at}&days=true`, 'chen');
    expect(may.status, JSON.stringify(may.body)).toBe(200);
    expect(may.body).toMatchObject({
      filter: { orgId: 'bureau' },
      days: expect.any(Array),
      unrosteredDays: 0,
      gapDays: 1,
      overlapDays: 1,
      daysWithoutLeader: 0,
    });
    expect(may.body.days.filter((d: any) => d.gap).map((d: any) => d.date)).toEqual(['2024-05-10']);
    const june = await get(`/figures/duty-coverage?period=2024-06&asOf=${at}`, 'chen');
    expect([june.body.days, june.body.unrosteredDays]).toEqual([30, 30]);
    const city = await get(`/figures/duty-coverage?period=2024-05-05&orgId=bureau`, 'qian');
    expect([city.body.days, city.body.overlapDays, city.body.gapDays]).toEqual([1, 1, 0]);
  });

  it('P-17 responsibility coverage of the lists one organisation issued', async () => {
    const district = await get(`/figures/responsibility-coverage?asOf=${at}`, 'chen');
    expect(district.status, JSON.stringify(district.body)).toBe(200);
    expect(district.body.filter).toEqual({ issuerOrgId: 'bureau' });
    expect(district.body.lists).toHaveLength(1);
    expect(district.body.lists[0]).toMatchObject({
      listId: 'L1',
      issued: 2,
      acknowledged: 1,
      expired: 0,
      duties: 2,
      dutiesCompleted: 0,
      dutyCompletionRate: { numerator: 0, denominator: 2 },
      staffingCompliance: { numerator: 0, denominator: 0, rate: '—' },
    });
    const harbour = await get(
      `/figures/responsibility-coverage?issuerOrgId=harbour-bureau&asOf=${at}`,
      'qian',
    );
    expect(harbour.body.lists.map((l: any) => [l.listId, l.issued])).toEqual([['L2', 1]]);
    // Before the lists were issued nothing is in force.
    const before = await get('/figures/responsibility-coverage?asOf=2024-01-01T00:00:00Z', 'chen');
    expect(before.body.lists).toEqual([]);
    const later = await get('/figures/responsibility-coverage?asOf=2025-02-01T00:00:00Z', 'chen');
    expect(later.body.lists[0].expired).toBe(2);
  });

  it('G-5: enterprise staff, another enterprise and a sibling organisation get 403', async () => {
    for (const [path, sub] of [
      ['/figures/handover-status', 'li'],
      ['/ledgers/handover-items?enterpriseId=docks', 'li'],
      ['/figures/site-compliance', 'ma'],
      ['/ledgers/sites?enterpriseId=works', 'ma'],
      ['/figures/enterprise-compliance?year=2024', 'zhao'],
      ['/ledgers/enterprise-filings?enterpriseId=docks', 'li'],
      ['/figures/activity-totals?organizerOrgId=bureau', 'gao'],
      ['/figures/activity-totals', 'li'],
      ['/ledgers/activities?enterpriseId=works', 'ma'],
      ['/figures/duty-coverage?period=2024-05&orgId=harbour-bureau', 'chen'],
      ['/figures/duty-coverage?period=2024-05', 'wu'],
      ['/figures/responsibility-coverage?issuerOrgId=bureau', 'gao'],
      ['/figures/responsibility-coverage', 'li'],
    ] as const) {
      const refused = await get(path, sub);
      expect([path, sub, refused.status, refused.body.ruleId]).toEqual([path, sub, 403, 'G-5']);
    }
  });

  it('a bad parameter is a 400 problem naming it', async () => {
    for (const [path, field] of [
      ['/figures/handover-status?by=colour', 'querystring.by'],
      ['/ledgers/handover-items?kind=gossip', 'querystring.kind'],
      ['/figures/site-compliance?asOf=2024-13-01', 'querystring.asOf'],
      ['/ledgers/sites?kind=garden', 'querystring.kind'],
      ['/figures/enterprise-compliance', 'querystring.year'],
      [
        '/figures/enterprise-compliance?year=2024&statisticsPeriod=Q5-2024',
        'querystring.statisticsPeriod',
      ],
      ['/ledgers/enterprise-filings?limit=500', 'querystring.limit'],
      ['/figures/activity-totals?period=2024-02-30', 'querystring.period'],
      ['/ledgers/activities?kind=party', 'querystring.kind'],
      ['/figures/duty-coverage', 'querystring.period'],
      ['/figures/responsibility-coverage?listKind=wish_list', 'querystring.listKind'],
    ] as const) {
      const bad = await get(path, 'qian');
      expect([path, bad.status]).toEqual([path, 400]);
      expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    }
  });
});
