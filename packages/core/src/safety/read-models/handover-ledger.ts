import type { StoredEvent } from '../../eventsourcing/envelope.js';
import { defineProjection } from '../../eventsourcing/projection.js';
import { indexed } from '../../eventsourcing/projection-fields.js';
import type { HazardEvent } from '../hazard/events.js';
import type { SupervisionItemEvent } from '../supervision-item/events.js';
import { investigationHazardId } from '../supervision-item/item-stream.js';
import type { Issuer, IssuerKind, ItemKind } from '../supervision-item/values.js';

/** The dimensions P-14 breaks the handover status down by (batch, issuer, kind), or none. */
export type HandoverDimension = 'batchId' | 'issuerName' | 'kind';

/** One handed-over item (交办事项): the ledger row shown to users, one per item. */
export interface HandoverItemRow {
  row: 'item';
  itemId: string;
  batchId: string;
  batchTitle: string;
  issuerName: string;
  issuerKind: IssuerKind;
  kind: ItemKind;
  /** The issuer's report-back date (calendar date in the policy's time zone, G-7). */
  deadline: string;
  receivedAt: string;
  closedAt: string | null;
  subjectEnterpriseIds: string[];
  /** Linked hazards: `LinkHazard`s and the investigation's hazards (SI-8), each once. */
  hazardIds: string[];
  measures: Array<{ measureId: string; text: string; doneAt: string | null }>;
  measuresTotal: number;
  measuresDone: number;
}

/**
 * A subject unit as one group of P-14 first saw it: one row per (dimension, group key, unit), so
 * `distinctUnits` is a plain count in the store. `dimension` `all` is the whole ledger.
 */
export interface HandoverUnitRow {
  row: 'unit';
  dimension: HandoverDimension | 'all';
  groupKey: string;
  unitId: string;
  /** The earliest receipt of an item of the group naming the unit. */
  receivedAt: string;
}

/** A measure of an item, with the item's group keys (so `measuresDone` counts as of T). */
export interface HandoverMeasureRow {
  row: 'measure';
  itemId: string;
  measureId: string;
  batchId: string;
  issuerName: string | null;
  kind: ItemKind;
  addedAt: string;
  doneAt: string | null;
}

/**
 * A hazard linked to handed-over items. The hazard's own `HazardClosed`/`HazardVoided` name only
 * the hazard, so this row is keyed by the hazard and collects both sides: the links (with the
 * items' group keys, from the item events) and the closure (from the hazard events), in
 * whichever order they arrive. A hazard closed but never linked keeps a row with no links,
 * which no group counts, in case an item links it later (SI allows linking a closed hazard).
 */
export interface HandoverHazardRow {
  row: 'hazard';
  hazardId: string;
  links: Array<{
    itemId: string;
    batchId: string;
    issuerName: string | null;
    kind: ItemKind;
    at: string;
  }>;
  /** The earliest link. */
  linkedAt: string | null;
  closedAt: string | null;
  voidedAt: string | null;
}

/** Any document of the handover ledger, told apart by `row`. */
export type HandoverLedgerRow =
  | HandoverItemRow
  | HandoverUnitRow
  | HandoverMeasureRow
  | HandoverHazardRow;

/** The supervision-item and hazard events the handover ledger reads. */
export const handoverLedgerEventTypes = [
  'HandoverReceived',
  'ItemInvestigated',
  'ItemHazardLinked',
  'MeasureAdded',
  'MeasureCompleted',
  'ItemClosed',
  'HazardClosed',
  'HazardVoided',
] as const satisfies readonly (SupervisionItemEvent['type'] | HazardEvent['type'])[];

/** The events the handover ledger folds: the items' own and their hazards' closures. */
export type HandoverLedgerEvent = SupervisionItemEvent | HazardEvent;
type LedgerEvent = HandoverLedgerEvent;
type Row<K extends HandoverLedgerRow['row']> = Extract<HandoverLedgerRow, { row: K }>;

const pick =
  <K extends HandoverLedgerRow['row'], V>(kind: K, value: (row: Row<K>) => V) =>
  (row: HandoverLedgerRow): V | null =>
    row.row === kind ? value(row as Row<K>) : null;

/** Indexed fields of the handover ledger: every figure of P-14 is a count in the store over them. */
export const handoverLedgerFields = {
  row: indexed.text((row: HandoverLedgerRow) => row.row),
  batchId: indexed.text(
    (row: HandoverLedgerRow) =>
      pick('item', (r) => r.batchId)(row) ?? pick('measure', (r) => r.batchId)(row),
  ),
  issuerName: indexed.text(
    (row: HandoverLedgerRow) =>
      pick('item', (r) => r.issuerName)(row) ?? pick('measure', (r) => r.issuerName)(row),
  ),
  issuerKind: indexed.text(pick('item', (r) => r.issuerKind)),
  kind: indexed.text(
    (row: HandoverLedgerRow) =>
      pick('item', (r) => r.kind)(row) ?? pick('measure', (r) => r.kind)(row),
  ),
  deadline: indexed.date(pick('item', (r) => r.deadline)),
  receivedAt: indexed.instant(
    (row: HandoverLedgerRow) =>
      pick('item', (r) => r.receivedAt)(row) ?? pick('unit', (r) => r.receivedAt)(row),
  ),
  closedAt: indexed.instant(
    (row: HandoverLedgerRow) =>
      pick('item', (r) => r.closedAt)(row) ?? pick('hazard', (r) => r.closedAt)(row),
  ),
  subjectEnterpriseIds: indexed.textArray(
    (row: HandoverLedgerRow) => pick('item', (r) => r.subjectEnterpriseIds)(row) ?? [],
  ),
  dimension: indexed.text(pick('unit', (r) => r.dimension)),
  groupKey: indexed.text(pick('unit', (r) => r.groupKey)),
  addedAt: indexed.instant(pick('measure', (r) => r.addedAt)),
  doneAt: indexed.instant(pick('measure', (r) => r.doneAt)),
  linkedAt: indexed.instant(pick('hazard', (r) => r.linkedAt)),
  voidedAt: indexed.instant(pick('hazard', (r) => r.voidedAt)),
  linkBatchIds: indexed.textArray(
    (row: HandoverLedgerRow) =>
      pick('hazard', (r) => uniq(r.links.map((l) => l.batchId)))(row) ?? [],
  ),
  linkIssuerNames: indexed.textArray(
    (row: HandoverLedgerRow) =>
      pick('hazard', (r) =>
        uniq(r.links.flatMap((l) => (l.issuerName === null ? [] : [l.issuerName]))),
      )(row) ?? [],
  ),
  linkKinds: indexed.textArray(
    (row: HandoverLedgerRow) => pick('hazard', (r) => uniq(r.links.map((l) => l.kind)))(row) ?? [],
  ),
};

function uniq(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

/** The projection name of the handover ledger. */
export const HANDOVER_LEDGER = 'handover-ledger';

/** Document ids: a family prefix, then the parts of the key as JSON (no separator clashes). */
const key = (...parts: string[]) => `${parts[0]}:${JSON.stringify(parts.slice(1))}`;
/** The id of an item's ledger row. */
export const handoverItemRowId = (itemId: string) => key('item', itemId);
const unitRowId = (dimension: string, groupKey: string, unitId: string) =>
  key('unit', dimension, groupKey, unitId);
const measureRowId = (itemId: string, measureId: string) => key('measure', itemId, measureId);
const hazardRowId = (hazardId: string) => key('hazard', hazardId);

function documentIds(event: StoredEvent<LedgerEvent>): string[] {
  const e = event as unknown as LedgerEvent;
  switch (e.type) {
    case 'HandoverReceived': {
      const d = e.data;
      // One event fans out to the item row and one unit row per unit and dimension.
      const groups: Array<[string, string]> = [
        ['all', ''],
        ['batchId', d.batchId],
        ['issuerName', d.issuer.name],
        ['kind', d.kind],
      ];
      return [
        handoverItemRowId(d.itemId),
        ...d.subjectEnterpriseIds.flatMap((unit) =>
          groups.map(([dimension, groupKey]) => unitRowId(dimension, groupKey, unit)),
        ),
      ];
    }
    case 'ItemInvestigated':
      return [
        handoverItemRowId(e.data.itemId),
        ...e.data.hazards.map((h) =>
          hazardRowId(investigationHazardId(e.data.itemId, h.hazardKey)),
        ),
      ];
    case 'ItemHazardLinked':
      return [handoverItemRowId(e.data.itemId), hazardRowId(e.data.hazardId)];
    case 'MeasureAdded':
    case 'MeasureCompleted':
      return [handoverItemRowId(e.data.itemId), measureRowId(e.data.itemId, e.data.measureId)];
    case 'ItemClosed':
      return [handoverItemRowId(e.data.itemId)];
    case 'HazardClosed':
    case 'HazardVoided':
      return [hazardRowId(e.data.hazardId)];
    default:
      return [];
  }
}

function init(id: string, event: StoredEvent<LedgerEvent>): HandoverLedgerRow {
  const family = id.slice(0, id.indexOf(':'));
  const parts = JSON.parse(id.slice(id.indexOf(':') + 1)) as string[];
  const at = (event.data as { occurredAt: string }).occurredAt;
  switch (family) {
    case 'unit':
      return {
        row: 'unit',
        dimension: parts[0] as HandoverUnitRow['dimension'],
        groupKey: parts[1]!,
        unitId: parts[2]!,
        receivedAt: at,
      };
    case 'measure':
      return {
        row: 'measure',
        itemId: parts[0]!,
        measureId: parts[1]!,
        batchId: '',
        issuerName: null,
        kind: 'feedback_issue',
        addedAt: at,
        doneAt: null,
      };
    case 'hazard':
      return {
        row: 'hazard',
        hazardId: parts[0]!,
        links: [],
        linkedAt: null,
        closedAt: null,
        voidedAt: null,
      };
    default:
      return {
        row: 'item',
        itemId: parts[0]!,
        batchId: '',
        batchTitle: '',
        issuerName: '',
        issuerKind: 'supervision_team',
        kind: 'petition',
        deadline: '',
        receivedAt: at,
        closedAt: null,
        subjectEnterpriseIds: [],
        hazardIds: [],
        measures: [],
        measuresTotal: 0,
        measuresDone: 0,
      };
  }
}

const addHazard = (row: HandoverItemRow, hazardId: string) => {
  if (!row.hazardIds.includes(hazardId)) row.hazardIds.push(hazardId);
};

const addLink = (
  row: HandoverHazardRow,
  link: {
    itemId: string;
    batchId: string;
    issuer?: Issuer | undefined;
    kind: ItemKind;
    at: string;
  },
) => {
  if (row.links.some((l) => l.itemId === link.itemId)) return;
  row.links.push({
    itemId: link.itemId,
    batchId: link.batchId,
    issuerName: link.issuer?.name ?? null,
    kind: link.kind,
    at: link.at,
  });
  if (row.linkedAt === null || Date.parse(link.at) < Date.parse(row.linkedAt))
    row.linkedAt = link.at;
};

function apply(row: HandoverLedgerRow, event: StoredEvent<LedgerEvent>): void {
  const e = event as unknown as LedgerEvent;
  const at = e.data.occurredAt;
  switch (row.row) {
    case 'item':
      applyToItem(row, e);
      return;
    case 'unit':
      // Fan-out rows of a later item of the same group keep the earliest receipt.
      if (Date.parse(at) < Date.parse(row.receivedAt)) row.receivedAt = at;
      return;
    case 'measure':
      if (e.type === 'MeasureAdded') {
        Object.assign(row, {
          batchId: e.data.batchId,
          issuerName: e.data.issuer?.name ?? null,
          kind: e.data.kind,
          addedAt: at,
        });
      }
      if (e.type === 'MeasureCompleted') row.doneAt = at;
      return;
    case 'hazard':
      if (e.type === 'ItemHazardLinked') addLink(row, { ...e.data, at });
      if (e.type === 'ItemInvestigated') addLink(row, { ...e.data, at });
      if (e.type === 'HazardClosed') row.closedAt = at;
      if (e.type === 'HazardVoided') row.voidedAt = at;
      return;
  }
}

function applyToItem(row: HandoverItemRow, e: LedgerEvent): void {
  switch (e.type) {
    case 'HandoverReceived': {
      const d = e.data;
      Object.assign(row, {
        batchId: d.batchId,
        batchTitle: d.batchTitle,
        issuerName: d.issuer.name,
        issuerKind: d.issuer.kind,
        kind: d.kind,
        deadline: d.deadline,
        receivedAt: d.occurredAt,
        subjectEnterpriseIds: [...d.subjectEnterpriseIds],
      });
      return;
    }
    case 'ItemInvestigated':
      for (const h of e.data.hazards)
        addHazard(row, investigationHazardId(row.itemId, h.hazardKey));
      return;
    case 'ItemHazardLinked':
      addHazard(row, e.data.hazardId);
      return;
    case 'MeasureAdded':
      row.measures.push({ measureId: e.data.measureId, text: e.data.text, doneAt: null });
      row.measuresTotal = row.measures.length;
      return;
    case 'MeasureCompleted':
      for (const m of row.measures)
        if (m.measureId === e.data.measureId) m.doneAt = e.data.occurredAt;
      row.measuresDone = row.measures.filter((m) => m.doneAt !== null).length;
      return;
    case 'ItemClosed':
      row.closedAt = e.data.occurredAt;
      return;
  }
}

/**
 * The handover ledger behind P-14 (交办事项销号情况): one `item` row per handed-over item, plus
 * the rows its figures count in the store: `unit` rows (distinct subject units per group),
 * `measure` rows (measures done by T) and `hazard` rows (linked hazards closed by T).
 *
 * Why the ledger reads `HazardClosed` itself rather than joining the hazard ledger at query
 * time: the query API counts and sums over one projection's fields and has no join, and a
 * closure event names only its hazard. So the `hazard` row, keyed by the hazard, meets the links
 * (from the item events, which carry the item's batch, issuer and kind snapshots, G-8) and the
 * closure (from the hazard stream), whichever comes first.
 */
export function createHandoverLedgerProjection() {
  return defineProjection<HandoverLedgerRow, LedgerEvent, typeof handoverLedgerFields>({
    name: HANDOVER_LEDGER,
    version: 1,
    handles: handoverLedgerEventTypes,
    documentId: documentIds,
    init,
    apply: (row, event) => apply(row as HandoverLedgerRow, event),
    fields: handoverLedgerFields,
    indexes: [
      ['row', 'batchId'],
      ['row', 'dimension', 'groupKey'],
    ],
  });
}
