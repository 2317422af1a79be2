import {
  createHazardDecider,
  createInMemoryDirectory,
  createSupervisionPolicy,
  type HazardState,
  isOverdue,
} from '@safeledger/core';

const directory = createInMemoryDirectory({
  areas: [{ id: 'park', name: 'Chemical park', kind: 'park' }],
  organizations: [
    { id: 'bureau', name: 'Safety bureau', kind: 'safety', level: 'district', areaIds: ['park'] },
  ],
  enterprises: [
    { id: 'works', name: 'Works', areaId: 'park', sectorCode: 'C26', supervisingOrgId: 'bureau' },
  ],
  persons: [{ id: 'li', name: 'Li', roles: ['SafetyOfficer'], enterpriseId: 'works' }],
});
const policy = createSupervisionPolicy(); // Asia/Shanghai calendar, the spec's defaults
const hazard = createHazardDecider({ directory, policy });

// A decider is pure: decide() checks the rules and returns events, evolve() folds them.
const events = hazard.decide(
  {
    type: 'RegisterHazard',
    actor: { personId: 'li', role: 'SafetyOfficer', enterpriseId: 'works' },
    hazardId: 'h-1',
    subject: { kind: 'enterprise', id: 'works' },
    description: 'Fire exit blocked by pallets',
    location: 'Warehouse B',
    nature: 'unsafe_condition',
    grade: 'general',
    source: 'self_inspection',
    deadline: '2024-03-10',
  },
  hazard.initialState(),
  { streamId: 'hazard-h-1', version: 0, now: new Date('2024-03-05T02:00:00Z') },
);
const state: HazardState = [events].flat().reduce(hazard.evolve, hazard.initialState());

export const status = state.status; // 'open'
export const overdue = isOverdue(state, '2024-03-11T00:00:00+08:00', policy); // true
