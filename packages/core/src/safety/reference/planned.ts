/**
 * An aggregate of the domain spec. The status table shows it as implemented when
 * `aggregateCatalogs` registers an aggregate of that name and as planned otherwise, so shipping
 * an aggregate needs no edit here.
 */
export interface PlannedAggregate {
  readonly name: string;
  readonly stream: string;
  readonly specSection: string;
  /** Rule-id prefix of the spec (`EC` for EC-1…). */
  readonly rulePrefix: string;
}

/** A read model (projection) of domain spec §5, or a process manager of §4.10. */
export interface PlannedReadModel {
  readonly id: string;
  readonly name: string;
}

/** Aggregates of domain spec §4, in its order. */
export const specAggregates: readonly PlannedAggregate[] = [
  { name: 'Hazard', stream: 'hazard-{id}', specSection: '4.1', rulePrefix: 'H' },
  { name: 'EnforcementCase', stream: 'case-{id}', specSection: '4.2', rulePrefix: 'EC' },
  { name: 'ResponsibilityAssignment', stream: 'resp-{id}', specSection: '4.3', rulePrefix: 'RA' },
  { name: 'Inspection', stream: 'insp-{id}', specSection: '4.4', rulePrefix: 'I' },
  { name: 'SupervisionItem', stream: 'item-{id}', specSection: '4.5', rulePrefix: 'SI' },
  { name: 'Venue', stream: 'venue-{id}', specSection: '4.6', rulePrefix: 'V' },
  { name: 'MultiTenantSite', stream: 'site-{id}', specSection: '4.7', rulePrefix: 'MT' },
  { name: 'Enterprise', stream: 'ent-{id}', specSection: '4.8', rulePrefix: 'E' },
  { name: 'Activity', stream: 'act-{id}', specSection: '4.9', rulePrefix: 'A' },
  { name: 'EmergencyPlan', stream: 'plan-{id}', specSection: '4.9', rulePrefix: 'EP' },
  { name: 'DutyRoster', stream: 'duty-{yyyy-mm}', specSection: '4.9', rulePrefix: 'DR' },
];

/** Read models of domain spec §5 and process managers of §4.10, none implemented yet. */
export const plannedReadModels: readonly PlannedReadModel[] = [
  { id: 'P-1', name: 'Hazard ledger' },
  { id: 'P-2', name: 'Rectification rate' },
  { id: 'P-2b', name: 'Closures flow' },
  { id: 'P-3', name: 'Major-hazard rate' },
  { id: 'P-4', name: 'On-time rectification rate' },
  { id: 'P-5', name: 'Overdue ledger' },
  { id: 'P-6', name: 'Major-hazard / listed-supervision ledger' },
  { id: 'P-7', name: 'Verification backlog' },
  { id: 'P-8', name: 'Source mix and detection density' },
  { id: 'P-9', name: 'Inspection coverage' },
  { id: 'P-10', name: 'Venue marking rates' },
  { id: 'P-11', name: 'Quarterly venue patrol rate' },
  { id: 'P-12', name: 'Monthly venue self-check completion rate' },
  { id: 'P-13', name: 'Venue stats' },
  { id: 'P-14', name: 'Handover status' },
  { id: 'P-15', name: 'Case statistics' },
  { id: 'P-16', name: 'Closure watchlist (Art. 113)' },
  { id: 'P-17', name: 'Responsibility coverage' },
  { id: 'P-18', name: 'Multi-tenant site compliance' },
  { id: 'P-19', name: 'Enterprise compliance' },
  { id: 'P-20', name: 'Activity totals' },
  { id: 'P-21', name: 'Duty coverage' },
  { id: 'PO-1…PO-7', name: 'Process managers (§4.10): findings → hazards, orders → deadlines, …' },
];
