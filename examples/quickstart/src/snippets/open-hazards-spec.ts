import { createHazardDecider, type HazardEvent } from '@safeledger/core';
import { historyOf, projectionSpec, sampleHazardCommands, sampleNow } from '@safeledger/testing';
import { openHazards } from './open-hazards-projection.js';

const kit = sampleHazardCommands();
const decider = createHazardDecider({ directory: kit.directory });
// Real events, produced by the decider from sample commands, placed in their streams.
const history = (streamId: string, events: HazardEvent[]) =>
  events.map((event) => ({ ...event, streamId }));

export function specifyOpenHazards() {
  const general = historyOf(decider, [kit.registerGeneral()], {
    now: sampleNow,
    streamId: 'hazard-h-1',
  });
  const major = historyOf(decider, [kit.registerMajor({ hazardId: 'h-2' })], {
    now: sampleNow,
    streamId: 'hazard-h-2',
  });
  projectionSpec(openHazards)
    .given([...history('hazard-h-1', general), ...history('hazard-h-2', major)])
    .thenDocuments({
      'hazard-h-1': { hazardId: 'hazard-h-1', grade: 'general' },
      'hazard-h-2': { hazardId: 'hazard-h-2', grade: 'major' },
    });
}
