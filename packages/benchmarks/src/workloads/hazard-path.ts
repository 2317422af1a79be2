import {
  createCommandHandler,
  createHazardDecider,
  type EventStore,
  hazardStreamId,
} from '@safeledger/core';
import { sampleHazardCommands, sampleNow } from '@safeledger/testing';
import { measure, timed } from '../measure.js';
import type { Family } from '../targets/target.js';
import type { Result, Scale } from './workload.js';

/** A store the hazard command path runs on. */
export interface HazardPathSubject {
  readonly name: string;
  readonly family: Family;
  readonly settings: string;
  open(): Promise<{ store: EventStore; close(): Promise<void> }>;
}

/**
 * The hazard command path end to end: for each hazard, register it, extend its deadline,
 * complete the rectification and verify it (which closes it). Every command loads the stream,
 * decides with every rule of the domain, and appends with optimistic concurrency.
 */
export async function hazardCommandPath(subject: HazardPathSubject, scale: Scale): Promise<Result> {
  const kit = sampleHazardCommands();
  const decider = createHazardDecider({ directory: kit.directory });
  const m = await measure(async (rep, warm) => {
    const hazards = warm ? Math.max(10, Math.floor(scale.hazards / 10)) : scale.hazards;
    const { store, close } = await subject.open();
    try {
      // A fixed clock keeps the sample's dates (March 2024) inside the business-time rules.
      const handle = createCommandHandler({ store, decider, clock: () => sampleNow });
      return await timed(hazards * 4, async () => {
        for (let h = 0; h < hazards; h++) {
          const hazardId = `r${rep}h${h}`;
          const streamId = hazardStreamId(hazardId);
          await handle(streamId, kit.registerGeneral({ hazardId, deadline: '2024-03-10' }), {
            commandId: `${hazardId}-1`,
          });
          await handle(
            streamId,
            {
              type: 'ExtendRectificationDeadline',
              actor: kit.actors.principal,
              newDeadline: '2024-03-20',
              reason: 'parts on order',
            },
            { commandId: `${hazardId}-2` },
          );
          await handle(streamId, kit.complete(), { commandId: `${hazardId}-3` });
          const verified = await handle(
            streamId,
            {
              type: 'VerifyRectification',
              actor: kit.actors.safetyOfficer,
              outcome: 'passed',
              kind: 'acceptance',
              verifierIds: [kit.actors.safetyOfficer.personId],
            },
            { commandId: `${hazardId}-4` },
          );
          if (verified.state.status !== 'closed')
            throw new Error(`hazard ${hazardId} is ${verified.state.status}`);
        }
      });
    } finally {
      await close();
    }
  }, scale);
  return {
    workload: 'hazard command path (load, decide, append)',
    contender: subject.name,
    family: subject.family,
    kind: 'safeledger',
    settings: subject.settings,
    ...m,
    unit: 'commands/s',
  };
}
