import {
  createCommandHandler,
  createEventRegistry,
  createHazardDecider,
  createItemReadinessNotifier,
  createProcessManagerRunner,
  createSupervisionItemDecider,
  hazardClosureReevaluatesItems,
  hazardClosureReevaluatesItemsName,
  hazardEvents,
  hazardStreamId,
  type ItemHazardsPort,
  type ItemReadiness,
  investigationHazardId,
  itemReadinessTarget,
  type LinkedHazardStatus,
  type SupervisionItemCommand,
  supervisionItemEvents,
  supervisionItemPolicies,
  supervisionItemStreamId,
  toArray,
} from '@safeledger/core';
import { expect } from 'vitest';
import type { ConformanceCase } from '../harness.js';
import {
  fresh,
  safetyNow as now,
  openInstances,
  parkDistrict,
  uniqueTag,
} from '../safety-fixtures.js';

const group = 'safety';

// The park district with a committee office that records handovers and assigns them; the
// bureau's officer investigates.
const directory = parkDistrict({
  organizations: [
    {
      id: 'committee',
      name: 'Committee office',
      kind: 'committee_office',
      level: 'district',
      areaIds: ['park'],
    },
  ],
  persons: [
    { id: 'cmo', name: 'Office clerk', roles: ['SafetyCommitteeOffice'], orgId: 'committee' },
  ],
});
const office = { personId: 'cmo', role: 'SafetyCommitteeOffice', orgId: 'committee' } as const;
const officer = { personId: 'o1', role: 'EnforcementOfficer', orgId: 'bureau' } as const;
const registry = createEventRegistry({ events: [...supervisionItemEvents, ...hazardEvents] });

/** A hazard-status port backed by a map the test flips (the statuses a read model would know). */
function statusPort(statuses: Record<string, LinkedHazardStatus>): ItemHazardsPort {
  return {
    name: 'hazard-statuses',
    async hazardStatus(hazardId) {
      return fresh(statuses[hazardId] ?? 'unknown');
    },
  };
}

/** Receives and assigns a petition (`kind`) or hazard list, then runs `more` on it. */
async function itemWith(
  handle: (streamId: string, command: SupervisionItemCommand) => Promise<unknown>,
  itemId: string,
  kind: 'petition' | 'hazard_list',
  more: SupervisionItemCommand[],
) {
  const stream = supervisionItemStreamId(itemId);
  const commands: SupervisionItemCommand[] = [
    {
      type: 'ReceiveHandover',
      actor: office,
      itemId,
      batchId: 'B1',
      batchTitle: 'Batch 1',
      issuer: { name: 'Provincial team', kind: 'supervision_team', level: 'province' },
      kind,
      deadline: '2024-04-30',
      subjectEnterpriseIds: ['works'],
      description: 'Handed over',
      ...(kind === 'petition' ? { petitioner: { anonymous: true } } : {}),
    },
    { type: 'AssignItem', actor: office, leadOrgId: 'bureau', internalDeadline: '2024-04-20' },
    ...more,
  ];
  for (const command of commands) await handle(stream, command);
}

/** PO-4 and PO-5 (§4.10) on a real store: replays, restarts and racing runners act once. */
export const supervisionItemPolicyCases: ConformanceCase[] = [
  {
    group,
    name: 'safety: SI-8 PO-4 runners on several instances, a restart and a replay register each investigation hazard once',
    async run(context) {
      const stores = await openInstances(context, { registry });
      const itemId = `it${uniqueTag()}`;
      const item = createCommandHandler({
        store: stores[0]!,
        clock: () => now,
        decider: createSupervisionItemDecider({ directory, hazards: statusPort({}) }),
      });
      const hazard = (hazardKey: string) => ({
        hazardKey,
        subject: { kind: 'enterprise' as const, id: 'works' },
        description: 'Blocked exit',
        location: 'Warehouse',
        nature: 'unsafe_condition' as const,
        grade: 'general' as const,
        deadline: '2024-03-31',
      });
      await itemWith(item, itemId, 'petition', [
        {
          type: 'RecordInvestigation',
          actor: officer,
          finding: 'substantiated',
          reportRef: 'R-1',
          hazards: [hazard('k1'), hazard('k2')],
        },
      ]);
      const runnerOn = (index: number) =>
        createProcessManagerRunner({
          store: stores[index]!,
          managers: supervisionItemPolicies(),
          handlers: {
            hazard: createCommandHandler({
              store: stores[index]!,
              clock: () => now,
              decider: createHazardDecider({ directory }),
            }),
          },
          pollIntervalMs: 5,
        });
      const racing = stores.map((_, index) => runnerOn(index));
      await Promise.all(racing.map((runner) => runner.catchUp()));
      await Promise.all(racing.map((runner) => runner.stop()));
      // A restart resumes after the checkpoint; nothing is left to do.
      const restarted = runnerOn(0);
      await restarted.catchUp();
      expect(await restarted.rejections('po-4.investigation-registers-hazards')).toEqual([]);
      await restarted.stop();
      // A replay: the policy reacts to the same event again and its commands run again with
      // their deterministic ids; the handler answers them as duplicates and appends nothing.
      const [investigated] = (
        await toArray(stores[0]!.readStream(supervisionItemStreamId(itemId)))
      ).filter((event) => event.type === 'ItemInvestigated');
      const hazardHandler = createCommandHandler({
        store: stores[0]!,
        clock: () => now,
        decider: createHazardDecider({ directory }),
      });
      const [po4] = supervisionItemPolicies();
      const replayed = await po4!.react(investigated as never, { now });
      expect(replayed).toHaveLength(2);
      for (const reaction of replayed) {
        const result = await hazardHandler(reaction.streamId, reaction.command as never, {
          commandId: reaction.commandId,
        });
        expect(result.duplicate).toBe(true);
      }
      for (const key of ['k1', 'k2']) {
        const events = await toArray(
          stores[0]!.readStream(hazardStreamId(investigationHazardId(itemId, key))),
        );
        expect(events.map((event) => event.type)).toEqual(['HazardRegistered']);
        expect((events[0]!.data as { supervisionItemId: string }).supervisionItemId).toBe(itemId);
      }
    },
  },
  {
    group,
    name: 'safety: PO-5 a hazard closure notifies its item once across racing runners, a restart and a replay, and writes no item event',
    async run(context) {
      const stores = await openInstances(context, { registry });
      const tag = uniqueTag();
      const itemId = `it${tag}`;
      const [h1, h2] = [`h1-${tag}`, `h2-${tag}`];
      const statuses: Record<string, LinkedHazardStatus> = { [h1]: 'open', [h2]: 'open' };
      const hazards = statusPort(statuses);
      const item = createCommandHandler({
        store: stores[0]!,
        clock: () => now,
        decider: createSupervisionItemDecider({ directory, hazards }),
      });
      await itemWith(item, itemId, 'hazard_list', [
        { type: 'LinkHazard', actor: officer, hazardId: h1 },
        { type: 'LinkHazard', actor: officer, hazardId: h2 },
      ]);
      const itemEvents = async () =>
        (await toArray(stores[0]!.readStream(supervisionItemStreamId(itemId)))).length;
      const before = await itemEvents();
      // The hazard closes on its own stream (its loop is the hazard aggregate's business).
      statuses[h1] = 'closed';
      await stores[0]!.appendToStream(hazardStreamId(h1), [
        {
          type: 'HazardClosed',
          data: {
            hazardId: h1,
            occurredAt: now.toISOString(),
            actor: { personId: 'system', role: 'System' },
            basisVerificationVersion: 1,
          },
        },
      ]);
      const notices: ItemReadiness[] = [];
      const runnerOn = (index: number) =>
        createProcessManagerRunner({
          store: stores[index]!,
          managers: [hazardClosureReevaluatesItems({ store: stores[index]!, hazards })],
          handlers: {
            [itemReadinessTarget]: createItemReadinessNotifier(stores[index]!, (_id, readiness) => {
              if (readiness.itemId === itemId) notices.push(readiness);
            }),
          },
          pollIntervalMs: 5,
        });
      const racing = stores.map((_, index) => runnerOn(index));
      await Promise.all(racing.map((runner) => runner.catchUp()));
      await Promise.all(racing.map((runner) => runner.stop()));
      const restarted = runnerOn(0);
      await restarted.catchUp();
      expect(await restarted.rejections(hazardClosureReevaluatesItemsName)).toEqual([]);
      await restarted.stop();
      // A replay of the closure: the same notice id is claimed already, so nothing is sent.
      const [closed] = await toArray(stores[0]!.readStream(hazardStreamId(h1)));
      const replayed = await hazardClosureReevaluatesItems({ store: stores[0]!, hazards }).react(
        closed as never,
        { now },
      );
      const notifier = createItemReadinessNotifier(stores[0]!, (_id, readiness) => {
        notices.push(readiness);
      });
      const ours = replayed.filter(
        (r) => (r.command as { notice: ItemReadiness }).notice.itemId === itemId,
      );
      expect(ours).toHaveLength(1);
      for (const reaction of ours) {
        const result = await notifier(reaction.streamId, reaction.command as never, {
          commandId: reaction.commandId,
        });
        expect(result.duplicate).toBe(true);
      }
      expect(notices).toEqual([
        {
          itemId,
          hazardId: h1,
          cause: 'HazardClosed',
          itemStatus: 'in_progress',
          unclosedHazardIds: [h2],
          feedbackBlockedBy: { rule: 'SI-2', violation: 'HazardsNotClosed' },
          closureBlockedBy: { rule: 'SI-2', violation: 'HazardsNotClosed' },
        },
      ]);
      expect(await itemEvents()).toBe(before);
    },
  },
];
