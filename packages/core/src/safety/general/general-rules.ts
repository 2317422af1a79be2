import { defineRuleCatalog } from '../rules/rule-catalog.js';

/** The general rules G-1…G-9 of domain spec §3, as the library enforces them. */
export const generalRules = defineRuleCatalog([
  {
    id: 'G-1',
    scope: 'General',
    title: 'Append-only streams',
    statement:
      'Streams are append-only; a correction is a new event (`HazardDetailsCorrected`, `HazardVoided`), never an edit. Guaranteed by the event store port.',
    basis: 'D',
    enforcement: 'structural',
    policyKeys: [],
    violations: [],
  },
  {
    id: 'G-2',
    scope: 'General',
    title: 'Expected version',
    statement:
      'A command may carry `expectedVersion`; a mismatch is a `ConcurrencyError` (`CONCURRENCY_CONFLICT`), raised by the command handler before the decider runs.',
    basis: 'D',
    enforcement: 'structural',
    policyKeys: [],
    violations: ['ConcurrencyConflict'],
  },
  {
    id: 'G-3',
    scope: 'General',
    title: 'Idempotent commands',
    statement:
      'Commands are idempotent by `commandId`: handling the same id again appends nothing and returns the original events (command handler).',
    basis: 'D',
    enforcement: 'structural',
    policyKeys: [],
    violations: [],
  },
  {
    id: 'G-4',
    scope: 'General',
    title: 'Business time bounds',
    statement:
      "A command's `occurredAt` (default: the handler's clock) may be back-dated but must be at or after the stream's first `occurredAt` and at most 5 minutes after the recording time; otherwise `InvalidBusinessTime`. Domain events carry `occurredAt` and `actor` in their payload, because a decider returns payloads only and `evolve` must see them.",
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: ['InvalidBusinessTime'],
  },
  {
    id: 'G-5',
    scope: 'General',
    title: 'Role and scope',
    statement:
      "Every command is authorised by role and scope against the `Directory`: the person must exist, hold the role and belong to the stated organisation or enterprise; officers act only on subjects inside their organisation's areas, sectors or specialty, enterprise roles only on their own enterprise, site or venue. A rejection is `Forbidden`, cited under the rule that names who may act (`H-9`, `H-19`, `H-23`, …) or under G-5.",
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: ['Forbidden'],
  },
  {
    id: 'G-6',
    scope: 'General',
    title: 'No stored time-derived facts',
    statement:
      'Overdue, late report, lapsed check, expired grade and SLA breach are never stored as state or events; pure functions compute them from the state and an `asOf` instant (`isOverdue`, `daysOverdue`, `isMajorReportLate`, `isVerificationSlaBreached`).',
    basis: 'D',
    enforcement: 'derived',
    policyKeys: [],
    violations: [],
  },
  {
    id: 'G-7',
    scope: 'General',
    title: 'Local calendar dates',
    statement:
      'Deadlines and due dates are calendar dates (`YYYY-MM-DD`) in `timezone`; "by date D" means at or before D 23:59:59.999 local time (`endOfLocalDay`).',
    basis: 'D',
    enforcement: 'derived',
    policyKeys: ['timezone'],
    violations: [],
  },
  {
    id: 'G-8',
    scope: 'General',
    title: 'Classification snapshots',
    statement:
      "`HazardRegistered` copies the subject's area, sector, venue category and specialty tags from the directory, so later re-organisation does not rewrite history; scope checks on later commands read these snapshots.",
    basis: 'D',
    enforcement: 'structural',
    policyKeys: [],
    violations: [],
  },
  {
    id: 'G-9',
    scope: 'General',
    title: 'Cross-aggregate preconditions',
    statement:
      'Preconditions over other aggregates are checked against projections at command time and fail with `ProjectionLaggingError` when the projection is behind. No hazard rule needs one.',
    basis: 'D',
    enforcement: 'structural',
    policyKeys: [],
    violations: ['ProjectionLagging'],
  },
]);
