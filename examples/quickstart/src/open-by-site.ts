import { defineProjection, SINGLE_DOCUMENT_ID } from '@safeledger/core';
import type { ObservationEvent } from './observation.js';

/** Open observations per site, in one document. */
export const openBySite = defineProjection<{ open: Record<string, string[]> }, ObservationEvent>({
  name: 'open-observations-by-site',
  version: 1,
  handles: ['ObservationRecorded', 'ObservationClosed'],
  documentId: () => SINGLE_DOCUMENT_ID,
  init: () => ({ open: {} }),
  apply(doc, event) {
    // Each observation lives in its own stream; the stream id identifies it here.
    if (event.type === 'ObservationRecorded') {
      doc.open[event.data.site] = [...(doc.open[event.data.site] ?? []), event.streamId];
      return;
    }
    for (const site of Object.keys(doc.open)) {
      doc.open[site] = doc.open[site]!.filter((id) => id !== event.streamId);
    }
  },
});
