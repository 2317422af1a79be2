import type { EventStore } from '../../eventsourcing/event-store.js';
import { createProjectionQuery, type Where } from '../../eventsourcing/projection-query.js';
import { addDays } from '../calendar/local-date.js';
import { localDateOf } from '../calendar/time-zone.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import { type Rate, rateOf } from '../rates/rate.js';
import { createSiteLedgerProjection, type siteLedgerFields } from './site-ledger.js';

type Fields = typeof siteLedgerFields;
type Condition = Where<Fields>;

/** The filter of P-18: every figure takes an explicit `asOf` (T). */
export interface SiteFigureFilter {
  /** As-of instant T (ISO-8601 with offset). */
  readonly asOf: string;
}

/**
 * P-18 multi-tenant site compliance at T. Tenancies count when registered by T and active on
 * T's local date (started, not past their last day).
 *
 * `inspectionVisits` of the spec's P-18 (P-9 visits of the multi-tenant campaign) is not here:
 * it is an inspection-coverage figure and is read from the inspection read model.
 */
export interface SiteCompliance {
  /** Sites with at least one active tenancy. */
  readonly sites: number;
  /**
   * Distinct landlords (产权主体) of the sites registered by T, whether or not a tenancy is active
   * there at T: the registry of landlords the campaign supervises.
   */
  readonly landlords: number;
  /** Distinct tenants with an active productive tenancy. */
  readonly productiveTenants: number;
  /** Active productive tenancies. */
  readonly productiveTenancies: number;
  /** Active productive tenancies with an agreement signed by T, over active productive tenancies (MT-4). */
  readonly agreementCoverage: Rate;
  /** Active productive tenancies whose landlord check has lapsed at T (MT-5). */
  readonly checkLapses: number;
  /** Devices installed by T, cumulative (MT-7). */
  readonly devices: {
    readonly oneKeyAlarmBroadcasters: number;
    readonly smokeDetectors: number;
  };
}

/**
 * The multi-tenant site figures (P-18) over the site ledger, counted and summed in the store at
 * query time from stored instants and local dates (G-6).
 */
export function createSiteFigures(options: {
  readonly store: EventStore;
  readonly policy: SupervisionPolicy;
}) {
  const { store, policy } = options;
  const ledger = createProjectionQuery(store, createSiteLedgerProjection(policy));
  const tz = policy.timezone;
  const at = (instant: string) => {
    const ms = Date.parse(instant);
    if (Number.isNaN(ms)) throw new TypeError(`"${instant}" is not a valid instant`);
    return new Date(ms).toISOString();
  };
  /** Tenancies registered by T and active on T's local date. */
  const activeTenancies = (T: string): Condition => {
    const today = localDateOf(T, tz);
    return {
      and: [
        { kind: 'tenancy' },
        { registeredAt: { lte: T } },
        { startDate: { lte: today } },
        { or: [{ endDate: { isNull: true } }, { endDate: { gte: today } }] },
      ],
    };
  };
  /** How many distinct values `field` takes over the rows matching `where` (one group each). */
  const distinct = async (
    field: 'siteId' | 'landlordEnterpriseId' | 'tenantEnterpriseId',
    where: Condition,
  ) => (await ledger.group({ by: [field], where, measures: { n: { count: true } } })).length;

  return {
    /** The ledger query itself: filter, sort and page the site rows directly. */
    ledger,
    /** P-18 multi-tenant site compliance at T. */
    async siteCompliance(f: SiteFigureFilter): Promise<SiteCompliance> {
      const T = at(f.asOf);
      const today = localDateOf(T, tz);
      const active = activeTenancies(T);
      const productive: Condition = { and: [active, { productive: true }] };

      const landlords = await distinct('landlordEnterpriseId', {
        and: [{ kind: 'site' }, { registeredAt: { lte: T } }],
      });

      const [coverage] = await ledger.group({
        where: productive,
        measures: {
          tenancies: { count: true },
          signed: { count: true, where: { agreementSignedAt: { lte: T } } },
        },
      });

      // MT-5: a tenancy lapses when neither its start nor a check recorded by T falls within the
      // last `landlordCheckIntervalDays` local days. The recently checked tenancies are one
      // group each; the lapses are the active productive tenancies started earlier and not among them.
      const windowStart = addDays(today, -policy.landlordCheckIntervalDays);
      const checked = (
        await ledger.group({
          by: ['tenancyKey'],
          where: {
            and: [{ kind: 'check' }, { at: { lte: T } }, { localDate: { gte: windowStart } }],
          },
          measures: { n: { count: true } },
        })
      ).map((g) => g.key.tenancyKey as string);
      const checkLapses = await ledger.count({
        where: {
          and: [
            productive,
            { startDate: { lt: windowStart } },
            ...(checked.length === 0 ? [] : [{ not: { tenancyKey: { in: checked } } }]),
          ],
        },
      });

      const devices = await ledger.group({
        by: ['deviceKind'],
        where: { and: [{ kind: 'devices' }, { at: { lte: T } }] },
        measures: { total: { sum: 'deviceCount' } },
      });
      const total = (kind: string) =>
        devices.find((g) => g.key.deviceKind === kind)?.measures.total ?? 0;

      const tenancies = coverage?.measures.tenancies ?? 0;
      return {
        sites: await distinct('siteId', active),
        landlords,
        productiveTenants: await distinct('tenantEnterpriseId', productive),
        productiveTenancies: tenancies,
        agreementCoverage: rateOf(coverage?.measures.signed ?? 0, tenancies),
        checkLapses,
        devices: {
          oneKeyAlarmBroadcasters: total('one_key_alarm_broadcaster'),
          smokeDetectors: total('smoke_detector'),
        },
      };
    },
  };
}
