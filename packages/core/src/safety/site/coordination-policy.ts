import type { CommandHandler } from '../../eventsourcing/command-handler.js';
import {
  isConcurrencyError,
  isRuleViolation,
  isSafeledgerError,
  isStoreFailure,
} from '../../eventsourcing/errors.js';
import type { EventStore } from '../../eventsourcing/event-store.js';
import { createProjectionQuery } from '../../eventsourcing/projection-query.js';
import { addDays } from '../calendar/local-date.js';
import { localDateOf } from '../calendar/time-zone.js';
import type { HazardCommand } from '../hazard/commands.js';
import type { HazardEvent } from '../hazard/events.js';
import { hazardStreamId } from '../hazard/hazard-stream.js';
import type { HazardState } from '../hazard/state.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import { createSiteLedgerProjection } from '../read-models/site-ledger.js';
import type { SafetyActor } from '../roles/actor.js';
import { siteStreamId } from './site-stream.js';
import { evolveSite, initialSiteState, isRegisteredSite, type SiteState } from './state.js';
import { type SiteLapse, siteLapses } from './time-facts.js';

/** The name PO-7 issues its commands under; their ids start with it. */
export const COORDINATION_POLICY = 'po-7.lapse-registers-coordination-hazard';

const system: SafetyActor = { personId: 'system', role: 'System' };

/** Options of `runCoordinationHazardPolicy`. */
export interface CoordinationHazardPolicyOptions {
  readonly store: EventStore;
  readonly policy: SupervisionPolicy;
  /** The handler of the hazard decider on the same store. */
  readonly hazard: CommandHandler<HazardState, HazardCommand, HazardEvent>;
  /** The check instant T: lapses are derived at T (G-6), and the hazards registered at T. */
  readonly asOf: string;
  /** The regulator officer the hazards are registered on behalf of (the hazard's discoverer). */
  readonly discoveredBy: SafetyActor;
  /** Days from T's local date to the rectification deadline of each hazard (H-4); default 30. */
  readonly rectificationDays?: number;
  /**
   * Whether a landlord is an industry-and-trade enterprise (MT-6 applies to those only); by
   * default every landlord is.
   */
  readonly isIndustryAndTrade?: (landlordEnterpriseId: string) => boolean;
}

/** A lapse the hazard decider refused to turn into a hazard: kept with its rule id, never dropped. */
export interface RejectedCoordinationHazard {
  readonly commandId: string;
  readonly hazardId: string;
  readonly siteId: string;
  readonly lapse: SiteLapse;
  /** Rule id and violation key, for a rule violation. */
  readonly rule: string | null;
  readonly violation: string | null;
  readonly code: string;
  readonly message: string;
}

/** What one run of PO-7 did. */
export interface CoordinationHazardRun {
  /** The hazard id of every lapse found at T, registered now or by an earlier run. */
  readonly hazardIds: readonly string[];
  /** How many of them this run appended (the rest were already registered). */
  readonly appended: number;
  readonly rejected: readonly RejectedCoordinationHazard[];
}

/**
 * The hazard id of one lapse: the site, the tenancy, the rule and the due date the lapse runs
 * from. A lapse keeps its due date until the next check or agreement ends it, so every run that
 * sees the same lapse names the same hazard, and a later lapse of the same tenancy a new one.
 */
export function coordinationHazardId(siteId: string, lapse: SiteLapse): string {
  return `coordination-${siteId}.${lapse.tenancyId}.${lapse.rule}.${lapse.dueDate}`;
}

/**
 * PO-7 (MT-6), the optional scheduled policy: when `autoRegisterCoordinationHazard` is on, every
 * MT-4 or MT-5 lapse at T on an industry-and-trade landlord registers one `management_deficiency`
 * hazard graded major on the site, the landlord responsible, with basis MEM Order 10 (2023)
 * Art. 3(1). The candidate sites (those with an active productive tenancy at T) come from the
 * site ledger; each candidate's lapses are `siteLapses` of its folded state.
 *
 * The command id of a lapse's hazard is deterministic, so running the policy again, on a
 * restart, or from two schedulers at once appends one hazard per lapse (G-3); a registration
 * the hazard decider refuses is returned with its rule id rather than thrown.
 *
 * @throws whatever the store throws; a concurrency conflict is retried once as the idempotent
 * replay of the winner's command.
 */
export async function runCoordinationHazardPolicy(
  options: CoordinationHazardPolicyOptions,
): Promise<CoordinationHazardRun> {
  const { store, policy, asOf } = options;
  if (!policy.autoRegisterCoordinationHazard) return { hazardIds: [], appended: 0, rejected: [] };
  const T = new Date(Date.parse(asOf));
  if (Number.isNaN(T.getTime())) throw new TypeError(`"${asOf}" is not a valid instant`);
  const today = localDateOf(T, policy.timezone);
  const deadline = addDays(today, options.rectificationDays ?? 30);
  const ledger = createProjectionQuery(store, createSiteLedgerProjection(policy));
  const candidates = await ledger.group({
    by: ['siteId'],
    where: {
      and: [
        { kind: 'tenancy' },
        { productive: true },
        { registeredAt: { lte: T.toISOString() } },
        { startDate: { lte: today } },
        { or: [{ endDate: { isNull: true } }, { endDate: { gte: today } }] },
      ],
    },
    measures: { n: { count: true } },
  });

  const hazardIds: string[] = [];
  const rejected: RejectedCoordinationHazard[] = [];
  let appended = 0;
  for (const { key } of candidates) {
    const siteId = key.siteId as string;
    const state = await siteStateOf(store, siteId);
    if (!isRegisteredSite(state)) continue;
    if (!(options.isIndustryAndTrade?.(state.landlordEnterpriseId) ?? true)) continue;
    for (const lapse of siteLapses(state, T, policy)) {
      const hazardId = coordinationHazardId(siteId, lapse);
      const commandId = `${COORDINATION_POLICY}:${hazardId}`;
      hazardIds.push(hazardId);
      const command: HazardCommand = {
        type: 'RegisterHazard',
        actor: system,
        occurredAt: asOf,
        hazardId,
        subject: { kind: 'site', id: siteId },
        responsibleEnterpriseId: state.landlordEnterpriseId,
        description:
          lapse.rule === 'MT-4'
            ? `No safety management agreement with tenant ${lapse.tenantEnterpriseId} (tenancy ${lapse.tenancyId}) since ${lapse.since}`
            : `No landlord check of tenant ${lapse.tenantEnterpriseId} (tenancy ${lapse.tenancyId}) since ${lapse.since}`,
        location: state.address,
        nature: 'management_deficiency',
        grade: 'major',
        majorBasis: { standardId: 'MEM Order 10 (2023)', clause: 'Art. 3(1)' },
        source: 'other',
        discoveredBy: options.discoveredBy,
        deadline,
      };
      try {
        appended += await issue(options, hazardId, command, commandId);
      } catch (error) {
        if (!isSafeledgerError(error) || isStoreFailure(error)) throw error;
        rejected.push({
          commandId,
          hazardId,
          siteId,
          lapse,
          rule: isRuleViolation(error) ? error.rule : null,
          violation: isRuleViolation(error) ? error.violation : null,
          code: error.code,
          message: error.message,
        });
      }
    }
  }
  return { hazardIds, appended, rejected };
}

/** Runs one registration; 1 when it appended, 0 when an earlier run or a racing one had. */
async function issue(
  options: CoordinationHazardPolicyOptions,
  hazardId: string,
  command: HazardCommand,
  commandId: string,
): Promise<number> {
  const streamId = hazardStreamId(hazardId);
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await options.hazard(streamId, command, { commandId });
      return result.duplicate ? 0 : 1;
    } catch (error) {
      // A racing run appended the same command first: retried, it is that command's replay.
      if (attempt === 0 && isConcurrencyError(error)) continue;
      throw error;
    }
  }
}

async function siteStateOf(store: EventStore, siteId: string): Promise<SiteState> {
  let state: SiteState = initialSiteState();
  for await (const event of store.readStream(siteStreamId(siteId))) {
    state = evolveSite(state, event as never);
  }
  return state;
}
