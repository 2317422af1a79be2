import {
  createHandoverFigures,
  createHandoverLedgerProjection,
  createProjectionRunner,
  createSupervisionPolicy,
  type EventStore,
  HANDOVER_LEDGER,
  type HandoverDimension,
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
  type Raw,
} from '../read-model-fixtures.js';

const group = 'handover read models';

// The oracle below recomputes P-14 from the raw events the test wrote, following domain spec §5
// (P-14) and rules SI-7 (overdue past the end of the deadline, G-7) and H-23 (voided hazards
// count nowhere) literally, in China Standard Time (UTC+8, no daylight saving).

const START = Date.parse('2024-01-01T00:00:00+08:00');
const UNITS = ['E0', 'E1', 'E2', 'E3'];
const ISSUERS = {
  I1: { name: 'I1', kind: 'supervision_team', level: 'provincial' },
  I2: { name: 'I2', kind: 'special_rectification_office', level: 'municipal' },
} as const;

/** One item's plausible life, and the lives of its hazards on their own streams. */
const itemHistory = (id: string) =>
  fc
    .record({
      receiveDay: fc.integer({ min: 0, max: 300 }),
      receiveMinute: fc.integer({ min: 0, max: 1439 }),
      batch: fc.constantFrom('B1', 'B2', 'B3'),
      issuer: fc.constantFrom('I1', 'I2') as fc.Arbitrary<keyof typeof ISSUERS>,
      kind: fc.constantFrom('petition', 'hazard_list', 'feedback_issue'),
      deadlineAfter: fc.integer({ min: 0, max: 90 }),
      units: fc.subarray(UNITS),
      // Investigation hazards (`{itemId}.{key}`) and linked hazards, each with its own fate.
      investigated: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
      links: fc.integer({ min: 0, max: 3 }),
      hazardFates: fc.array(
        fc.record({
          fate: fc.constantFrom('closed', 'closed', 'voided', 'open'),
          // Relative to the item's receipt: a hazard may close before it is linked.
          day: fc.integer({ min: -20, max: 120 }),
        }),
        { minLength: 5, maxLength: 5 },
      ),
      measures: fc.array(fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }), {
        maxLength: 3,
      }),
      closeAfter: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
    })
    .map((c) => {
      const received = START + c.receiveDay * DAY + c.receiveMinute * 60_000;
      let t = received;
      const later = (days: number) => {
        t += days * DAY + 3_600_000;
      };
      const issuer = ISSUERS[c.issuer];
      const snapshot = { batchId: c.batch, kind: c.kind, issuer };
      const base = (type: string, extra: Record<string, unknown>): Raw => ({
        type,
        data: { itemId: id, occurredAt: iso(t), ...extra },
      });
      const events: Raw[] = [
        base('HandoverReceived', {
          ...snapshot,
          batchTitle: `Batch ${c.batch}`,
          deadline: cst(received + c.deadlineAfter * DAY),
          subjectEnterpriseIds: c.units,
          expectedHazardCount: null,
          description: 'd',
          petitioner: null,
          closureAuthority: 'issuer',
        }),
      ];
      const hazardIds: string[] = [];
      if (c.investigated !== undefined) {
        later(1);
        const keys = Array.from({ length: c.investigated }, (_, i) => `k${i}`);
        hazardIds.push(...keys.map((k) => `${id}.${k}`));
        events.push(
          base('ItemInvestigated', {
            ...snapshot,
            finding: 'substantiated',
            reportRef: 'r',
            leadOrgId: 'o1',
            hazards: keys.map((hazardKey) => ({ hazardKey })),
          }),
        );
      }
      for (let i = 0; i < c.links; i++) {
        later(2);
        const hazardId = `h-${id}-${i}`;
        hazardIds.push(hazardId);
        events.push(base('ItemHazardLinked', { ...snapshot, hazardId }));
      }
      c.measures.forEach((_doneAfter, i) => {
        later(1);
        events.push(base('MeasureAdded', { ...snapshot, measureId: `m${i}`, text: 'x' }));
      });
      c.measures.forEach((doneAfter, i) => {
        if (doneAfter === undefined) return;
        later(doneAfter);
        events.push(base('MeasureCompleted', { ...snapshot, measureId: `m${i}` }));
      });
      if (c.closeAfter !== undefined) {
        later(c.closeAfter);
        events.push(base('ItemClosed', snapshot));
      }
      const hazards = hazardIds.flatMap((hazardId, i) => {
        const { fate, day } = c.hazardFates[i]!;
        if (fate === 'open') return [];
        const at = iso(received + day * DAY + 7 * 60_000);
        return [
          {
            hazardId,
            events: [
              fate === 'closed'
                ? {
                    type: 'HazardClosed',
                    data: { hazardId, occurredAt: at, basisVerificationVersion: 1 },
                  }
                : { type: 'HazardVoided', data: { hazardId, occurredAt: at, reason: 'error' } },
            ] as Raw[],
          },
        ];
      });
      return { events, hazards };
    });

type History = { events: Raw[]; hazards: Array<{ hazardId: string; events: Raw[] }> };

/** What the oracle knows of one item, straight from its events and its hazards' events. */
function facts(history: History) {
  const { events } = history;
  const ms = (e: Raw) => Date.parse(e.data.occurredAt);
  const received = events[0]!;
  const hazardEnd = new Map(
    history.hazards.map((h) => [h.hazardId, { type: h.events[0]!.type, at: ms(h.events[0]!) }]),
  );
  const links = events.flatMap((e) =>
    e.type === 'ItemHazardLinked'
      ? [{ hazardId: e.data.hazardId as string, at: ms(e) }]
      : e.type === 'ItemInvestigated'
        ? e.data.hazards.map((h: { hazardKey: string }) => ({
            hazardId: `${e.data.itemId}.${h.hazardKey}`,
            at: ms(e),
          }))
        : [],
  );
  const closed = events.find((e) => e.type === 'ItemClosed');
  return {
    receivedAt: ms(received),
    batchId: received.data.batchId as string,
    issuerName: received.data.issuer.name as string,
    kind: received.data.kind as string,
    deadline: received.data.deadline as string,
    units: received.data.subjectEnterpriseIds as string[],
    closedAt: closed === undefined ? undefined : ms(closed),
    hazards: links.map((l) => {
      const end = hazardEnd.get(l.hazardId);
      return {
        linkedAt: l.at,
        closedAt: end?.type === 'HazardClosed' ? end.at : undefined,
        voidedAt: end?.type === 'HazardVoided' ? end.at : undefined,
      };
    }),
    measures: events
      .filter((e) => e.type === 'MeasureAdded')
      .map((added) => {
        const done = events.find(
          (e) => e.type === 'MeasureCompleted' && e.data.measureId === added.data.measureId,
        );
        return { addedAt: ms(added), doneAt: done === undefined ? undefined : ms(done) };
      }),
  };
}

type Facts = ReturnType<typeof facts>;
const le = (x: number | undefined, T: number) => x !== undefined && x <= T;

/** P-14 for the items of one group received by T, counted one item at a time. */
function statusOf(cohort: readonly Facts[], T: number) {
  const closed = cohort.filter((i) => le(i.closedAt, T)).length;
  const hazards = cohort.flatMap((i) =>
    i.hazards.filter((h) => h.linkedAt <= T && !le(h.voidedAt, T)),
  );
  const measures = cohort.flatMap((i) => i.measures.filter((m) => m.addedAt <= T));
  return {
    received: cohort.length,
    closed,
    open: cohort.length - closed,
    overdue: cohort.filter((i) => !le(i.closedAt, T) && T > endOf(i.deadline)).length,
    closureRate: { numerator: closed, denominator: cohort.length },
    distinctUnits: new Set(cohort.flatMap((i) => i.units)).size,
    linkedHazards: hazards.length,
    linkedHazardsClosed: hazards.filter((h) => le(h.closedAt, T)).length,
    measures: measures.length,
    measuresDone: measures.filter((m) => le(m.doneAt, T)).length,
  };
}

export const handoverReadModelCases: readonly ConformanceCase[] = [
  {
    group,
    name: 'P-14 every handover figure equals a naive recomputation from the raw item and hazard events, for random histories and asOf, overall and per batch, issuer and kind; rebuild equals incremental (property)',
    async run(context) {
      // One store for every run: each run adds items to the same database, and the oracle
      // recomputes over everything written so far.
      const store: EventStore = await context.open({});
      const policy = createSupervisionPolicy({});
      const projection = createHandoverLedgerProjection();
      const figures = createHandoverFigures({ store, policy });
      const writer = historyWriter(store);
      const log: History[] = [];
      let round = 0;
      await fc.assert(
        fc.asyncProperty(
          fc
            .integer({ min: 1, max: 6 })
            .chain((n) =>
              fc.tuple(...Array.from({ length: n }, (_, i) => itemHistory(`it${round}-${i}`))),
            ),
          fc.integer({ min: 0, max: 500 }).map((d) => START + d * DAY + 12 * 3_600_000 - 1),
          async (histories, T) => {
            round += 1;
            const runner = createProjectionRunner({
              store,
              projections: [projection],
              pollIntervalMs: 5,
              batchSize: 7,
            });
            for (const history of histories) {
              // Hazard closures are appended first half of the time: the ledger must meet the
              // link and the closure in either order.
              const hazardsFirst = history.events.length % 2 === 0;
              const appendHazards = async () => {
                for (const h of history.hazards)
                  await writer.append(`hazard-${h.hazardId}`, h.events);
              };
              if (hazardsFirst) await appendHazards();
              await writer.append(`item-${history.events[0]!.data.itemId}`, history.events);
              if (!hazardsFirst) await appendHazards();
              log.push(history);
              // One catch-up partway through, so the ledger is also built incrementally.
              if (history === histories[0]) await writer.catchUp(runner);
            }
            await writer.catchUp(runner);

            const asOf = new Date(T).toISOString().replace('Z', '+00:00');
            const cohort = log.map(facts).filter((i) => i.receivedAt <= T);

            const overall = await figures.handoverStatus({ asOf });
            expect(overall).toEqual(statusOf(cohort, T));
            expect(overall.linkedHazardsClosed).toBeLessThanOrEqual(overall.linkedHazards);
            for (const dimension of ['batchId', 'issuerName', 'kind'] as HandoverDimension[]) {
              const keys = [...new Set(cohort.map((i) => i[dimension]))].sort();
              expect(await figures.handoverStatusBy(dimension, { asOf })).toEqual(
                keys.map((key) => ({
                  key,
                  ...statusOf(
                    cohort.filter((i) => i[dimension] === key),
                    T,
                  ),
                })),
              );
            }

            // S5: a rebuild from scratch equals the incrementally built ledger (every third
            // run: a rebuild re-reads the whole log, which grows with each run).
            if (round % 3 !== 1) {
              await runner.stop();
              return;
            }
            await expectRebuildEqualsIncremental(store, runner, HANDOVER_LEDGER);
            expect(await figures.handoverStatus({ asOf })).toEqual(overall);
            await runner.stop();
          },
        ),
        { numRuns: Math.max(8, Math.floor(context.scale.modelRuns / 4)) },
      );
    },
  },
];
