// biome-ignore-all assist/source/organizeImports: the example region must keep its own imports together
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

// #region example
import {
  createCommandHandler,
  createEventRegistry,
  createHazardDecider,
  createInMemoryDirectory,
  createSupervisionPolicy,
  hazardEvents,
  hazardStreamId,
  isOverdue,
  isRuleViolation,
} from '@safeledger/core';
import { createMemoryEventStore } from '@safeledger/store-memory';

const directory = createInMemoryDirectory({
  areas: [{ id: 'park', name: 'Chemical park', kind: 'park' }],
  organizations: [
    { id: 'bureau', name: 'Safety bureau', kind: 'safety', level: 'district', areaIds: ['park'] },
  ],
  enterprises: [
    {
      id: 'works',
      name: 'Chemical works',
      areaId: 'park',
      sectorCode: 'C26',
      supervisingOrgId: 'bureau',
    },
  ],
  persons: [
    { id: 'li', name: 'Li (safety officer)', roles: ['SafetyOfficer'], enterpriseId: 'works' },
    { id: 'wang', name: 'Wang (safety officer)', roles: ['SafetyOfficer'], enterpriseId: 'works' },
  ],
});
const policy = createSupervisionPolicy(); // the defaults of the spec: Asia/Shanghai, …
const store = createMemoryEventStore({ registry: createEventRegistry({ events: hazardEvents }) });
const clock = () => new Date('2024-03-05T02:00:00Z'); // 10:00 in Shanghai
const handle = createCommandHandler({
  store,
  clock,
  decider: createHazardDecider({ directory, policy }),
});

const li = { personId: 'li', role: 'SafetyOfficer', enterpriseId: 'works' } as const;
const wang = { personId: 'wang', role: 'SafetyOfficer', enterpriseId: 'works' } as const;
const stream = hazardStreamId('h-1');

const registered = await handle(stream, {
  type: 'RegisterHazard',
  actor: li,
  occurredAt: '2024-03-03T09:00:00+08:00', // entered after the fact, within 72 hours (G-4, H-30)
  hazardId: 'h-1',
  subject: { kind: 'enterprise', id: 'works' },
  description: 'Fire exit blocked by pallets',
  location: 'Warehouse B',
  nature: 'unsafe_condition',
  grade: 'general',
  source: 'self_inspection',
  deadline: '2024-03-10',
});
// Overdue is derived, never stored (G-6): "by 2024-03-10" ends at 23:59:59.999 Shanghai time.
const onTime = isOverdue(registered.state, '2024-03-10T23:59:59.999+08:00', policy); // false
const late = isOverdue(registered.state, '2024-03-11T00:00:00+08:00', policy); // true

await handle(stream, {
  type: 'CompleteRectification',
  actor: li,
  actionsTaken: 'racking installed',
  evidenceRefs: ['photo-1'],
});
let rejected = '';
try {
  // Li reported the fix, so Li may not verify it (H-19).
  await handle(stream, {
    type: 'VerifyRectification',
    actor: li,
    outcome: 'passed',
    kind: 'internal_check',
    verifierIds: ['li'],
  });
} catch (error) {
  if (isRuleViolation(error)) rejected = `${error.rule} ${error.violation}`; // 'H-19 SegregationOfDuties'
}
const verified = await handle(stream, {
  type: 'VerifyRectification',
  actor: wang,
  outcome: 'passed',
  kind: 'internal_check',
  verifierIds: ['wang'],
});
const closed = verified.events.map((event) => event.type); // ['RectificationVerified', 'HazardClosed']
// #endregion example

const page = new URL('../../../../../docs/domain/hazard.md', import.meta.url);

it('the example of docs/domain/hazard.md is this code, and it runs', () => {
  const source = readFileSync(new URL(import.meta.url), 'utf8');
  const region = /\/\/ #region example\n([\s\S]*?)\/\/ #endregion example/
    .exec(source)?.[1]
    ?.trim();
  const block = /```ts\n([\s\S]*?)```/.exec(readFileSync(page, 'utf8'))?.[1]?.trim();
  expect(block).toBe(region);
  expect({ onTime, late, rejected, closed, status: verified.state.status }).toEqual({
    onTime: false,
    late: true,
    rejected: 'H-19 SegregationOfDuties',
    closed: ['RectificationVerified', 'HazardClosed'],
    status: 'closed',
  });
});
