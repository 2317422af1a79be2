import type { EventStore } from '../../eventsourcing/event-store.js';
import { createProjectionQuery, type Where } from '../../eventsourcing/projection-query.js';
import { localDateOf } from '../calendar/time-zone.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import { type Rate, rateOf } from '../rates/rate.js';
import {
  createHandoverLedgerProjection,
  type HandoverDimension,
  type handoverLedgerFields,
} from './handover-ledger.js';

type Fields = typeof handoverLedgerFields;
type Condition = Where<Fields>;

/** The filter of P-14: every figure takes an explicit `asOf` (T). */
export interface HandoverFigureFilter {
  /** As-of instant T (ISO-8601 with offset). */
  readonly asOf: string;
}

/**
 * P-14 handover status (交办事项销号情况) of the items received by T. Linked hazards count each
 * hazard once per group, from its first link by T, leaving out hazards voided by T (H-23).
 */
export interface HandoverStatus {
  readonly received: number;
  /** Closed (销号) by T. */
  readonly closed: number;
  /** Received by T and not closed by T. */
  readonly open: number;
  /** SI-7 at T: not closed by T and T past the end of the deadline (local date, G-7). */
  readonly overdue: number;
  /** `closed / received`, exact. */
  readonly closureRate: Rate;
  /** Distinct subject enterprises named by the items. */
  readonly distinctUnits: number;
  readonly linkedHazards: number;
  /** Linked hazards closed (销号) by T. */
  readonly linkedHazardsClosed: number;
  /** Measures added by T, and of them those completed by T (SI-5). */
  readonly measures: number;
  readonly measuresDone: number;
}

const linkArray = {
  batchId: 'linkBatchIds',
  issuerName: 'linkIssuerNames',
  kind: 'linkKinds',
} as const satisfies Record<HandoverDimension, keyof Fields>;

/**
 * The handover figures P-14 over the handover ledger, counted in the store at query time from
 * stored instants and dates (G-6): one grouped count over the item rows, one over the unit rows,
 * one over the measure rows, and one count per group over the hazard rows (a hazard's links are
 * a tag array, which the store filters on but does not group by).
 *
 * Known limit: a hazard linked to items of two groups counts in each from its earliest link.
 */
export function createHandoverFigures(options: {
  readonly store: EventStore;
  readonly policy: Pick<SupervisionPolicy, 'timezone'>;
}) {
  const { store, policy } = options;
  const ledger = createProjectionQuery(store, createHandoverLedgerProjection());
  const tz = policy.timezone;
  const at = (instant: string) => {
    const ms = Date.parse(instant);
    if (Number.isNaN(ms)) throw new TypeError(`"${instant}" is not a valid instant`);
    return new Date(ms).toISOString();
  };
  const by = (field: keyof Fields, T: string): Condition => ({ [field]: { lte: T } });
  const notBy = (field: keyof Fields, T: string): Condition => ({
    or: [{ [field]: { isNull: true } }, { [field]: { gt: T } }],
  });

  /** The figures per group key (`null` key: the whole ledger). */
  async function compute(
    dimension: HandoverDimension | undefined,
    f: HandoverFigureFilter,
  ): Promise<Array<{ key: string | null } & HandoverStatus>> {
    const T = at(f.asOf);
    const groupBy = dimension === undefined ? [] : [dimension];
    // The three grouped counts are independent: run them at once.
    const [items, units, measures] = await Promise.all([
      ledger.group({
        by: groupBy,
        where: { and: [{ row: 'item' }, by('receivedAt', T)] },
        measures: {
          received: { count: true },
          closed: { count: true, where: by('closedAt', T) },
          overdue: {
            count: true,
            where: {
              and: [
                notBy('closedAt', T),
                // T is past the end of the deadline D exactly when T's local date is after D.
                { deadline: { lt: localDateOf(T, tz) } },
              ],
            },
          },
        },
      }),
      ledger.group({
        by: ['groupKey'],
        where: { and: [{ row: 'unit' }, { dimension: dimension ?? 'all' }, by('receivedAt', T)] },
        measures: { units: { count: true } },
      }),
      ledger.group({
        by: groupBy,
        where: { and: [{ row: 'measure' }, by('addedAt', T)] },
        measures: { measures: { count: true }, done: { count: true, where: by('doneAt', T) } },
      }),
    ]);
    const keyOf = (group: { key: Record<string, unknown> }): string | null =>
      dimension === undefined ? null : ((group.key[dimension] as string | null) ?? null);
    const unitsOf = new Map(units.map((g) => [g.key.groupKey as string, g.measures.units]));
    const measuresOf = new Map(measures.map((g) => [keyOf(g), g.measures]));
    return Promise.all(
      items.map(async (group) => {
        const key = keyOf(group);
        const linked: Condition[] = [{ row: 'hazard' }, by('linkedAt', T), notBy('voidedAt', T)];
        if (dimension !== undefined && key !== null) {
          linked.push({ [linkArray[dimension]]: { contains: key } } as Condition);
        }
        const [hazards] = await ledger.group({
          where: { and: linked },
          measures: {
            linked: { count: true },
            closed: { count: true, where: by('closedAt', T) },
          },
        });
        const m = group.measures;
        const done = measuresOf.get(key);
        return {
          key,
          received: m.received,
          closed: m.closed,
          open: m.received - m.closed,
          overdue: m.overdue,
          closureRate: rateOf(m.closed, m.received),
          distinctUnits: unitsOf.get(dimension === undefined ? '' : (key ?? '')) ?? 0,
          linkedHazards: hazards?.measures.linked ?? 0,
          linkedHazardsClosed: hazards?.measures.closed ?? 0,
          measures: done?.measures ?? 0,
          measuresDone: done?.done ?? 0,
        };
      }),
    );
  }

  const none: HandoverStatus = {
    received: 0,
    closed: 0,
    open: 0,
    overdue: 0,
    closureRate: rateOf(0, 0),
    distinctUnits: 0,
    linkedHazards: 0,
    linkedHazardsClosed: 0,
    measures: 0,
    measuresDone: 0,
  };

  return {
    /** The ledger query itself: filter, sort and page the rows directly (`row: 'item'` for items). */
    ledger,
    /** P-14 over every item received by T. */
    async handoverStatus(f: HandoverFigureFilter): Promise<HandoverStatus> {
      const [whole] = await compute(undefined, f);
      if (whole === undefined) return none;
      const { key: _key, ...status } = whole;
      return status;
    },
    /** P-14 per batch, issuer (by name) or item kind, groups ordered by key. */
    async handoverStatusBy(
      dimension: HandoverDimension,
      f: HandoverFigureFilter,
    ): Promise<Array<{ key: string | null } & HandoverStatus>> {
      return compute(dimension, f);
    },
  };
}
