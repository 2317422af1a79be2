import { z } from 'zod';
import { defineEvent, type EventOf } from '../../eventsourcing/event-definition.js';
import { LocalDateSchema } from '../calendar/local-date.js';
import { InstantSchema } from '../general/instant.js';
import { SafetyActorSchema } from '../roles/actor.js';
import { InvestigationHazardSchema } from './commands.js';
import {
  ClosureAuthoritySchema,
  InvestigationFindingSchema,
  IssuerSchema,
  ItemKindSchema,
} from './values.js';

// Business time and actor travel in the payload, as for hazards: PO-4 and the handover status
// read model (P-14) see who acted when without opening other streams.
const base = z.object({
  itemId: z.string().min(1),
  occurredAt: InstantSchema,
  actor: SafetyActorSchema,
});
const text = z.string().min(1);
const ids = z.array(text);
// Snapshots P-14 groups by (G-8), repeated where the read model needs them. The issuer is
// optional so events recorded before it was snapshotted still read; P-14 rows fed only by such
// events group under no issuer.
const batch = { batchId: text, kind: ItemKindSchema, issuer: IssuerSchema.optional() };

/** An item of a handover batch was received. */
export const HandoverReceived = defineEvent(
  'HandoverReceived',
  base.extend({
    ...batch,
    batchTitle: text,
    issuer: IssuerSchema,
    deadline: LocalDateSchema,
    subjectEnterpriseIds: ids,
    expectedHazardCount: z.number().int().min(1).nullable(),
    description: text,
    petitioner: z.object({ anonymous: z.boolean() }).strict().nullable(),
    closureAuthority: ClosureAuthoritySchema,
  }),
  { schemaVersion: 1 },
);

/** The item was assigned to one lead organisation (SI-1). */
export const ItemAssigned = defineEvent(
  'ItemAssigned',
  base.extend({ leadOrgId: text, supportOrgIds: ids, internalDeadline: LocalDateSchema }),
  { schemaVersion: 1 },
);

/**
 * The lead organisation's investigation concluded; `hazards` are registered by PO-4 as
 * `hazard-{itemId}.{hazardKey}` and count as linked to the item (SI-8).
 */
export const ItemInvestigated = defineEvent(
  'ItemInvestigated',
  base.extend({
    ...batch,
    finding: InvestigationFindingSchema,
    reportRef: text,
    leadOrgId: text,
    hazards: z.array(InvestigationHazardSchema),
  }),
  { schemaVersion: 1 },
);

/** A registered hazard was linked to the item. */
export const ItemHazardLinked = defineEvent(
  'ItemHazardLinked',
  base.extend({ ...batch, hazardId: text }),
  { schemaVersion: 1 },
);

/** An enforcement case was linked to the item. */
export const ItemCaseLinked = defineEvent('ItemCaseLinked', base.extend({ caseId: text }), {
  schemaVersion: 1,
});

/** A rectification measure was added. */
export const MeasureAdded = defineEvent(
  'MeasureAdded',
  base.extend({ ...batch, measureId: text, text }),
  { schemaVersion: 1 },
);

/** A measure was completed. */
export const MeasureCompleted = defineEvent(
  'MeasureCompleted',
  base.extend({ ...batch, measureId: text }),
  { schemaVersion: 1 },
);

/** The named petitioner was answered (SI-4). */
export const PetitionerReplied = defineEvent('PetitionerReplied', base.extend({ method: text }), {
  schemaVersion: 1,
});

/** The lead organisation reported the handling back. */
export const ItemFeedbackSubmitted = defineEvent(
  'ItemFeedbackSubmitted',
  base.extend({ summary: text, evidenceRefs: ids }),
  { schemaVersion: 1 },
);

/** The item was struck off (销号); terminal (SI-6). */
export const ItemClosed = defineEvent('ItemClosed', base.extend({ ...batch }), {
  schemaVersion: 1,
});

/** The issuer sent the feedback back; the item is in progress again. */
export const ItemReturned = defineEvent('ItemReturned', base.extend({ reason: text }), {
  schemaVersion: 1,
});

/** Every supervision-item event definition. */
export const supervisionItemEvents = [
  HandoverReceived,
  ItemAssigned,
  ItemInvestigated,
  ItemHazardLinked,
  ItemCaseLinked,
  MeasureAdded,
  MeasureCompleted,
  PetitionerReplied,
  ItemFeedbackSubmitted,
  ItemClosed,
  ItemReturned,
] as const;

/** Any supervision-item event. */
export type SupervisionItemEvent =
  | EventOf<typeof HandoverReceived>
  | EventOf<typeof ItemAssigned>
  | EventOf<typeof ItemInvestigated>
  | EventOf<typeof ItemHazardLinked>
  | EventOf<typeof ItemCaseLinked>
  | EventOf<typeof MeasureAdded>
  | EventOf<typeof MeasureCompleted>
  | EventOf<typeof PetitionerReplied>
  | EventOf<typeof ItemFeedbackSubmitted>
  | EventOf<typeof ItemClosed>
  | EventOf<typeof ItemReturned>;

/** The type name of any supervision-item event. */
export type SupervisionItemEventType = SupervisionItemEvent['type'];
