import {
  createProjectionQuery,
  defineProjection,
  type EventStore,
  type HazardEvent,
  indexed,
} from '@safeledger/core';

interface Row {
  hazardId: string;
  areaId: string;
  grade: string;
  deadline: string;
  registeredAt: string;
  closedAt: string | null;
  campaignIds: string[];
}

// Kept as real columns next to the document, written in the same transaction.
const rowFields = {
  areaId: indexed.text((row: Row) => row.areaId),
  grade: indexed.text((row: Row) => row.grade),
  deadline: indexed.date((row: Row) => row.deadline || null),
  registeredAt: indexed.instant((row: Row) => row.registeredAt || null),
  closedAt: indexed.instant((row: Row) => row.closedAt),
  campaignIds: indexed.textArray((row: Row) => row.campaignIds),
};

export const hazardRows = defineProjection<Row, HazardEvent, typeof rowFields>({
  name: 'hazard-rows',
  version: 1, // changing `fields` or `indexes` needs a new version: the store rebuilds
  handles: ['HazardRegistered', 'HazardRegraded', 'HazardClosed'],
  documentId: (event) => event.streamId,
  init: (id) => ({
    hazardId: id,
    areaId: '',
    grade: 'general',
    deadline: '',
    registeredAt: '',
    closedAt: null,
    campaignIds: [],
  }),
  apply: (draft, event) => {
    if (event.type === 'HazardRegistered') {
      const { areaId, grade, deadline, occurredAt, campaignIds } = event.data;
      Object.assign(draft, { areaId, grade, deadline, registeredAt: occurredAt, campaignIds });
    } else if (event.type === 'HazardRegraded') draft.grade = event.data.to;
    else if (event.type === 'HazardClosed') draft.closedAt = event.data.occurredAt;
  },
  fields: rowFields,
  indexes: [['areaId', 'deadline']],
});

export async function overdueInArea(store: EventStore, areaId: string, today: string) {
  const rows = createProjectionQuery(store, hazardRows);
  // Open hazards of one area past their deadline, oldest deadline first, 50 per page.
  const page = await rows.find({
    where: { areaId, closedAt: { isNull: true }, deadline: { lt: today } },
    orderBy: [{ field: 'deadline', direction: 'asc' }],
    limit: 50,
  });
  const next =
    page.nextCursor === undefined
      ? undefined
      : await rows.find({
          where: { areaId, closedAt: { isNull: true }, deadline: { lt: today } },
          orderBy: [{ field: 'deadline', direction: 'asc' }],
          cursor: page.nextCursor,
        });
  // Found in 2024 per area, and how many of them were closed by the end of the year.
  const byArea = await rows.group({
    by: ['areaId'],
    where: { registeredAt: { gte: '2024-01-01T00:00:00+08:00', lt: '2025-01-01T00:00:00+08:00' } },
    measures: {
      found: { count: true },
      closed: { count: true, where: { closedAt: { lte: '2024-12-31T23:59:59.999+08:00' } } },
    },
  });
  return { page, next, byArea };
}
