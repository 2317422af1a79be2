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
  /**
   * The public exports of `@safeledger/core` that implement it, when it is implemented; a test
   * checks that each is exported, so the status table cannot name what does not exist.
   */
  readonly implementedBy?: readonly string[];
  /** What the implementation leaves out, shown next to its status. */
  readonly limits?: string;
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

/** Read models of domain spec §5 and process managers of §4.10, with what implements each. */
export const plannedReadModels: readonly PlannedReadModel[] = [
  {
    id: 'P-1',
    name: 'Hazard ledger',
    implementedBy: ['createHazardLedgerProjection', 'createHazardFigures'],
  },
  {
    id: 'P-2',
    name: 'Rectification rate',
    implementedBy: ['createHazardLedgerProjection', 'createHazardFigures'],
  },
  {
    id: 'P-2b',
    name: 'Closures flow',
    implementedBy: ['createHazardLedgerProjection', 'createHazardFigures'],
  },
  {
    id: 'P-3',
    name: 'Major-hazard rate',
    implementedBy: ['createHazardLedgerProjection', 'createHazardFigures'],
  },
  {
    id: 'P-4',
    name: 'On-time rectification rate',
    implementedBy: ['createHazardLedgerProjection', 'createHazardFigures'],
  },
  {
    id: 'P-5',
    name: 'Overdue ledger',
    implementedBy: ['createHazardLedgerProjection', 'createHazardFigures'],
  },
  {
    id: 'P-6',
    name: 'Major-hazard / listed-supervision ledger',
    implementedBy: ['createHazardLedgerProjection', 'createHazardFigures'],
  },
  {
    id: 'P-7',
    name: 'Verification backlog',
    implementedBy: ['createHazardLedgerProjection', 'createHazardFigures'],
    limits:
      'the SLA runs from the pending (latest) request; earlier requests of a hazard are not kept',
  },
  {
    id: 'P-8',
    name: 'Source mix and detection density',
    implementedBy: [
      'createHazardLedgerProjection',
      'createInspectionLedgerProjection',
      'createInspectionFigures',
    ],
    limits: 'the organisation set filters hazards by their supervising organisation',
  },
  {
    id: 'P-9',
    name: 'Inspection coverage',
    implementedBy: ['createInspectionLedgerProjection', 'createInspectionFigures'],
    limits: 'without venue patrols; teams told apart by composition',
  },
  {
    id: 'P-10',
    name: 'Venue marking rates',
    implementedBy: ['createVenueRegisterProjection', 'createVenueFigures'],
    limits: 'the latest span of each marking role; V-6 judged on category changes',
  },
  {
    id: 'P-11',
    name: 'Quarterly venue patrol rate',
    implementedBy: ['createVenueRegisterProjection', 'createVenueFigures'],
    limits: 'for a quarter ended by the as-of instant',
  },
  {
    id: 'P-12',
    name: 'Monthly venue self-check completion rate',
    implementedBy: ['createVenueRegisterProjection', 'createVenueFigures'],
    limits: 'for a month ended by the as-of instant',
  },
  {
    id: 'P-13',
    name: 'Venue stats',
    implementedBy: ['createVenueRegisterProjection', 'createVenueFigures', 'createHazardFigures'],
    limits: 'spot checks per calendar month, year or quarter ended by the as-of instant',
  },
  {
    id: 'P-14',
    name: 'Handover status',
    implementedBy: ['createHandoverLedgerProjection', 'createHandoverFigures'],
    limits: 'shared hazards count per group',
  },
  {
    id: 'P-15',
    name: 'Case statistics',
    implementedBy: ['createCaseLedgerProjection', 'createCaseFigures'],
  },
  {
    id: 'P-16',
    name: 'Closure watchlist (Art. 113)',
    implementedBy: ['createCaseLedgerProjection', 'createCaseFigures'],
  },
  {
    id: 'P-17',
    name: 'Responsibility coverage',
    implementedBy: ['createResponsibilityLedgerProjection', 'createResponsibilityFigures'],
  },
  {
    id: 'P-18',
    name: 'Multi-tenant site compliance',
    implementedBy: ['createSiteLedgerProjection', 'createSiteFigures'],
  },
  {
    id: 'P-19',
    name: 'Enterprise compliance',
    implementedBy: ['createEnterpriseFilingsProjection', 'createEnterpriseFigures'],
  },
  {
    id: 'P-20',
    name: 'Activity totals',
    implementedBy: [
      'createActivityLedgerProjection',
      'createPlanLedgerProjection',
      'createActivityFigures',
    ],
  },
  {
    id: 'P-21',
    name: 'Duty coverage',
    implementedBy: ['createDutyCoverageProjection', 'createDutyFigures'],
  },
  { id: 'PO-1', name: 'A finding registers one hazard', implementedBy: ['findingRegistersHazard'] },
  {
    id: 'PO-2',
    name: "A rectification order sets the findings' hazard deadlines",
    implementedBy: ['orderSetsHazardDeadlines'],
  },
  {
    id: 'PO-3',
    name: "An on-site suspension suspends the findings' hazards",
    implementedBy: ['measureSuspendsHazards'],
  },
  {
    id: 'PO-4',
    name: 'A substantiated petition registers its hazards',
    implementedBy: ['investigationRegistersHazards'],
  },
  {
    id: 'PO-5',
    name: 'A closed hazard re-evaluates its handover item (notification)',
    implementedBy: ['hazardClosureReevaluatesItems', 'createItemReadinessNotifier'],
  },
  {
    id: 'PO-6',
    name: 'A suspension decision suspends the linked open hazards',
    implementedBy: ['createSuspensionOnDecisionPolicy'],
  },
  {
    id: 'PO-7',
    name: 'A lapsed landlord check registers a coordination hazard',
    implementedBy: ['runCoordinationHazardPolicy'],
  },
];
