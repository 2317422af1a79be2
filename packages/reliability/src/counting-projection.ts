import { defineProjection } from '@safeledger/core';
import { COUNTING_PROJECTION } from './crash-protocol.js';

/** Per stream: events seen and the last version, which a rebuild must reproduce exactly. */
export interface StreamCount {
  readonly events: number;
  readonly lastVersion: number;
}

/** A projection whose documents expose a lost, doubled or reordered event at once. */
export const countingProjection = defineProjection<StreamCount>({
  name: COUNTING_PROJECTION,
  version: 1,
  handles: ['Appended'],
  documentId: (event) => event.streamId,
  init: () => ({ events: 0, lastVersion: 0 }),
  apply: (document, event) => {
    document.events += 1;
    document.lastVersion = event.version;
  },
});
