import { DELETE_DOCUMENT, defineProjection, type HazardEvent } from '@safeledger/core';

export const openHazards = defineProjection<{ hazardId: string; grade: string }, HazardEvent>({
  name: 'open-hazards', // documents and checkpoint are stored under this name
  version: 1, // bump to rebuild with new code
  handles: ['HazardRegistered', 'HazardRegraded', 'HazardClosed', 'HazardVoided'],
  documentId: (event) => event.streamId, // default: one document for everything
  init: (id) => ({ hazardId: id, grade: 'general' }),
  apply: (draft, event) => {
    switch (event.type) {
      case 'HazardRegistered':
        draft.grade = event.data.grade;
        return;
      case 'HazardRegraded':
        draft.grade = event.data.to;
        return;
      default:
        return DELETE_DOCUMENT; // closed or voided: no longer open
    }
  },
});
