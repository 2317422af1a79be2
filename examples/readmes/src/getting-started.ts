import {
  addDays,
  createCommandHandler,
  createEventRegistry,
  createHazardDecider,
  createInMemoryDirectory,
  createSupervisionPolicy,
  hazardEvents,
  hazardStreamId,
  localDateOf,
} from '@safeledger/core';
import { createSqliteEventStore } from '@safeledger/store-sqlite';

// Who is who: in an application this comes from your own records.
const directory = createInMemoryDirectory({
  areas: [{ id: 'park', name: 'Chemical park', kind: 'park' }],
  organizations: [
    { id: 'bureau', name: 'Safety bureau', kind: 'safety', level: 'district', areaIds: ['park'] },
  ],
  enterprises: [
    { id: 'works', name: 'Works', areaId: 'park', sectorCode: 'C26', supervisingOrgId: 'bureau' },
  ],
  persons: [
    { id: 'li', name: 'Li', roles: ['SafetyOfficer'], enterpriseId: 'works' },
    { id: 'wang', name: 'Wang', roles: ['SafetyOfficer'], enterpriseId: 'works' },
  ],
});

const policy = createSupervisionPolicy(); // the spec's defaults: the Asia/Shanghai calendar, …
const store = createSqliteEventStore(
  { path: process.env.SAFETY_DB ?? 'safety.db' },
  { registry: createEventRegistry({ events: hazardEvents }) },
);
const handle = createCommandHandler({
  store,
  decider: createHazardDecider({ directory, policy }),
});

const li = { personId: 'li', role: 'SafetyOfficer', enterpriseId: 'works' } as const;
const wang = { personId: 'wang', role: 'SafetyOfficer', enterpriseId: 'works' } as const;
const stream = hazardStreamId('h-1');
// Deadlines are calendar dates in the policy's timezone (G-7), not in UTC.
const inAWeek = addDays(localDateOf(new Date(), policy.timezone), 7);

// Each command carries a commandId: running this file again appends nothing (G-3).
await handle(
  stream,
  {
    type: 'RegisterHazard',
    actor: li,
    hazardId: 'h-1',
    subject: { kind: 'enterprise', id: 'works' },
    description: 'Fire exit blocked by pallets',
    location: 'Warehouse B',
    nature: 'unsafe_condition',
    grade: 'general',
    source: 'self_inspection',
    deadline: inAWeek,
  },
  { commandId: 'register-h-1' },
);
await handle(
  stream,
  { type: 'CompleteRectification', actor: li, actionsTaken: 'Pallets moved' },
  { commandId: 'complete-h-1' },
);
const verified = await handle(
  stream,
  {
    type: 'VerifyRectification',
    actor: wang, // not Li, who did the fix (H-19)
    outcome: 'passed',
    kind: 'internal_check',
    verifierIds: ['wang'],
  },
  { commandId: 'verify-h-1' },
);
await store.close();

console.log(`hazard h-1 is ${verified.state.status}`); // hazard h-1 is closed
export const status = verified.state.status;
