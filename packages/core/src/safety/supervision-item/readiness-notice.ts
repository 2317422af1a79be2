import type { CommandHandler, HandleResult } from '../../eventsourcing/command-handler.js';
import { isRuleViolation } from '../../eventsourcing/errors.js';
import type { EventStore } from '../../eventsourcing/event-store.js';
import {
  defineProcessManager,
  type ProcessManager,
  reactionCommandId,
} from '../../eventsourcing/process-manager.js';
import type { HazardEvent } from '../hazard/events.js';
import type { SupervisionItemEvent } from './events.js';
import { investigationHazardId, supervisionItemStreamId } from './item-stream.js';
import type { ItemHazardsPort, LinkedHazardStatus } from './ports.js';
import { assertReadyForClosure, assertReadyForFeedback, unclosedHazards } from './readiness.js';
import {
  evolveSupervisionItem,
  type ItemStatus,
  initialSupervisionItemState,
  isReceivedItem,
  type ReceivedItem,
  type SupervisionItemState,
} from './state.js';

/** The process manager's name; its checkpoint and its notice ledger are stored under it. */
export const hazardClosureReevaluatesItemsName = 'po-5.hazard-closure-reevaluates-items';
/** Target name under which `createItemReadinessNotifier` must be registered with the runner. */
export const itemReadinessTarget = 'item-readiness';

/** The first rule that still blocks a step, or null when the step may be taken. */
export interface ReadinessBlock {
  readonly rule: string;
  readonly violation: string;
}

/** PO-5's notification: an item's readiness after one of its hazards closed or was voided. */
export interface ItemReadiness {
  readonly itemId: string;
  /** The hazard whose closure (or voiding) caused this re-evaluation. */
  readonly hazardId: string;
  /** `HazardClosed` or `HazardVoided`. */
  readonly cause: string;
  readonly itemStatus: ItemStatus;
  /** Linked hazards neither closed nor voided (SI-2). */
  readonly unclosedHazardIds: readonly string[];
  /** Null when `SubmitFeedback` would pass its readiness rules, else the first failing rule. */
  readonly feedbackBlockedBy: ReadinessBlock | null;
  /** Null when `CloseItem` would pass its readiness rules (SI-6), else the first failing rule. */
  readonly closureBlockedBy: ReadinessBlock | null;
}

/** Which items link a hazard (SI-1 links and PO-4's hazards), for PO-5. */
export interface ItemLinksPort {
  /** The ids of the items that link `hazardId`, without repeats; empty when none does. */
  itemsLinkedTo(hazardId: string): Promise<readonly string[]>;
}

/**
 * An `ItemLinksPort` that scans the log's `ItemHazardLinked` and `ItemInvestigated` events on
 * each lookup: always current, at the price of one filtered log read per closed hazard. Back the
 * port with a projection where that read is too dear.
 */
export function createItemLinksFromStore(store: Pick<EventStore, 'readAllPage'>): ItemLinksPort {
  return {
    async itemsLinkedTo(hazardId) {
      const items = new Set<string>();
      let after: string | undefined;
      for (;;) {
        const page = await store.readAllPage({
          after,
          maxCount: 1_000,
          types: ['ItemHazardLinked', 'ItemInvestigated'],
        });
        for (const event of page.events as readonly { type: string; data: unknown }[]) {
          const e = event as SupervisionItemEvent;
          if (e.type === 'ItemHazardLinked' && e.data.hazardId === hazardId)
            items.add(e.data.itemId);
          if (
            e.type === 'ItemInvestigated' &&
            e.data.hazards.some(
              (h) => investigationHazardId(e.data.itemId, h.hazardKey) === hazardId,
            )
          ) {
            items.add(e.data.itemId);
          }
        }
        after = page.checkpoint ?? after;
        if (page.caughtUp || page.events.length === 0) break;
      }
      return [...items].sort();
    },
  };
}

/** What PO-5 reads: the items a hazard is linked to, the item streams, the hazards' statuses. */
export interface HazardClosureReevaluatesItemsOptions {
  readonly store: Pick<EventStore, 'readStream' | 'readAllPage'>;
  readonly hazards: ItemHazardsPort;
  /** Default: `createItemLinksFromStore(store)`. */
  readonly links?: ItemLinksPort;
}

/**
 * PO-5: a `HazardClosed` (or `HazardVoided`, which SI-2 counts alike) re-evaluates the readiness
 * of every supervision item linking the hazard and issues one notice per item to the target
 * `item-readiness` (see `createItemReadinessNotifier`). Notification only (spec §4.10): it never
 * issues an item command, so no item event is written. Closed items are skipped; there is
 * nothing left to be ready for. The notice's command id derives from the event and the item, so
 * the notifier can tell a replay from a new closure.
 */
export function hazardClosureReevaluatesItems(
  options: HazardClosureReevaluatesItemsOptions,
): ProcessManager<HazardEvent> {
  const links = options.links ?? createItemLinksFromStore(options.store);
  return defineProcessManager<HazardEvent>({
    name: hazardClosureReevaluatesItemsName,
    handles: ['HazardClosed', 'HazardVoided'],
    async react(event) {
      if (event.type !== 'HazardClosed' && event.type !== 'HazardVoided') return [];
      const hazardId = event.data.hazardId;
      const issued = [];
      for (const itemId of await links.itemsLinkedTo(hazardId)) {
        const item = await loadItem(options.store, itemId);
        if (item === undefined || item.status === 'closed') continue;
        const statuses = await statusesOf(options.hazards, item);
        const notice: ItemReadiness = {
          itemId,
          hazardId,
          cause: event.type,
          itemStatus: item.status,
          unclosedHazardIds: unclosedHazards(item, statuses),
          feedbackBlockedBy: blockOf(() => assertReadyForFeedback(item, statuses)),
          closureBlockedBy: blockOf(() => assertReadyForClosure(item, statuses)),
        };
        issued.push({
          target: itemReadinessTarget,
          streamId: supervisionItemStreamId(itemId),
          command: { type: 'NotifyItemReadiness', notice },
          commandId: reactionCommandId(hazardClosureReevaluatesItemsName, event, itemId),
        });
      }
      return issued;
    },
  });
}

async function loadItem(
  store: Pick<EventStore, 'readStream'>,
  itemId: string,
): Promise<ReceivedItem | undefined> {
  let state: SupervisionItemState = initialSupervisionItemState();
  for await (const event of store.readStream<SupervisionItemEvent>(
    supervisionItemStreamId(itemId),
  )) {
    state = evolveSupervisionItem(state, event);
  }
  return isReceivedItem(state) ? state : undefined;
}

async function statusesOf(
  port: ItemHazardsPort,
  item: ReceivedItem,
): Promise<Record<string, LinkedHazardStatus>> {
  const statuses: Record<string, LinkedHazardStatus> = {};
  for (const id of item.hazardIds) statuses[id] = (await port.hazardStatus(id)).value;
  return statuses;
}

function blockOf(check: () => void): ReadinessBlock | null {
  try {
    check();
    return null;
  } catch (error) {
    if (isRuleViolation(error)) return { rule: error.rule, violation: error.violation };
    throw error;
  }
}

/** A notice PO-5 has sent, as its ledger keeps it. */
interface SentNotice {
  readonly commandId: string;
  readonly notice: ItemReadiness;
}

/**
 * The `item-readiness` target for the process manager runner: calls `onItemReady` once per
 * notice id. Before calling it claims the id in a ledger in the projection store, so a replay,
 * a restart or a later runner that issues the same notice finds the claim and stays silent.
 * Claims are not compare-and-set on their own (the ledger's position does not move); what keeps
 * two runners from claiming at once is the runner's lease on PO-5, under which only one of them
 * reacts at a time. The claim comes first: a crash between claim and callback loses that one
 * notice rather than sending it twice, and a callback that throws stops PO-5 at that event
 * (visible in its checkpoint) with the notice already claimed.
 */
export function createItemReadinessNotifier(
  store: Pick<EventStore, 'projections'>,
  onItemReady: (itemId: string, readiness: ItemReadiness) => void | Promise<void>,
  options: { ledger?: string; clock?: () => Date } = {},
): CommandHandler<undefined, { type: string; notice: ItemReadiness }, never> {
  const ledger = options.ledger ?? `${hazardClosureReevaluatesItemsName}.notices`;
  const clock = options.clock ?? (() => new Date());
  const result = (duplicate: boolean): HandleResult<undefined, never> => ({
    state: undefined,
    events: [],
    nextVersion: 0,
    position: undefined,
    duplicate,
  });
  return async (_streamId, command, handleOptions) => {
    const commandId = handleOptions?.commandId;
    if (commandId === undefined) {
      throw new TypeError('item-readiness notices need a command id, to be sent once');
    }
    if (!(await claim(store.projections, ledger, commandId, command.notice, clock))) {
      return result(true);
    }
    await onItemReady(command.notice.itemId, command.notice);
    return result(false);
  };
}

/** True when this call claimed `commandId`; false when it was claimed before. */
async function claim(
  projections: EventStore['projections'],
  ledger: string,
  commandId: string,
  notice: ItemReadiness,
  clock: () => Date,
): Promise<boolean> {
  for (;;) {
    if ((await projections.getDocument(ledger, commandId)) !== undefined) return false;
    let checkpoint = await projections.getCheckpoint(ledger);
    if (checkpoint === undefined) {
      await projections.reset(ledger, 1);
      checkpoint = await projections.getCheckpoint(ledger);
    }
    const sent: SentNotice = { commandId, notice };
    try {
      await projections.commit({
        name: ledger,
        version: 1,
        expectedPosition: checkpoint?.position,
        position: checkpoint?.position,
        documents: [{ id: commandId, document: sent }],
        committedAt: clock().toISOString(),
      });
      return true;
    } catch (error) {
      // The ledger moved meanwhile (it was reset by a first claim elsewhere): look again.
      if ((error as { code?: unknown }).code !== 'CHECKPOINT_CONFLICT') throw error;
    }
  }
}
