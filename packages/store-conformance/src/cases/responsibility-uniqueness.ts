import {
  createEventRegistry,
  createInMemoryDirectory,
  createResponsibilityAssignmentService,
  createResponsibilityDecider,
  type DraftAssignment,
  isRuleViolation,
  responsibilityEvents,
  type SafetyActor,
  uniqueKeyEvents,
} from '@safeledger/core';
import { expect } from 'vitest';
import type { ConformanceCase } from '../harness.js';

const group = 'responsibility lists';
let counter = 0;

// A committee office issuing a list to three department heads: enough to race on one task code
// (RA-4) and on one assignee (RA-5).
const directory = createInMemoryDirectory({
  areas: [{ id: 'area-1', name: 'Park', kind: 'park' }],
  organizations: [
    {
      id: 'org-office',
      name: 'Committee office',
      kind: 'committee_office',
      level: 'district',
      areaIds: ['area-1'],
    },
    ...['a', 'b', 'c'].map((x) => ({
      id: `org-${x}`,
      name: `Department ${x}`,
      kind: 'industry' as const,
      level: 'district' as const,
      areaIds: ['area-1'],
    })),
  ],
  persons: [
    { id: 'p-office', name: 'Office', roles: ['SafetyCommitteeOffice'], orgId: 'org-office' },
  ],
});
const office: SafetyActor = {
  personId: 'p-office',
  role: 'SafetyCommitteeOffice',
  orgId: 'org-office',
};
const now = new Date('2024-03-01T02:00:00.000Z');

function draft(
  listId: string,
  assignmentId: string,
  department: string,
  code: string,
): DraftAssignment {
  return {
    type: 'DraftAssignment',
    actor: office,
    assignmentId,
    listId,
    listTitle: 'Duty task list',
    listKind: 'duty_task_list',
    issuerOrgId: 'org-office',
    period: { year: 2024 },
    assignee: { kind: 'department', id: department },
    duties: [
      { dutyId: 'd-1', code, text: 'Supervise the sector', kind: 'statutory_duty', role: 'lead' },
    ],
  };
}

/** Racing issues on every instance: of commands that would break RA-4 or RA-5, exactly one wins. */
async function race(
  context: Parameters<ConformanceCase['run']>[0],
  drafts: (listId: string) => DraftAssignment[],
  rule: 'RA-4' | 'RA-5',
): Promise<void> {
  const registry = createEventRegistry({ events: [...responsibilityEvents, ...uniqueKeyEvents] });
  const stores = await Promise.all(
    Array.from({ length: context.scale.instances }, () => context.open({ registry })),
  );
  const decider = createResponsibilityDecider({ directory });
  const services = stores.map((store) =>
    createResponsibilityAssignmentService({
      store,
      decider,
      clock: () => now,
      retry: { maxAttempts: 20, baseDelayMs: 1 },
    }),
  );
  counter += 1;
  const listId = `list-${Date.now().toString(36)}${counter}`;
  const commands = drafts(listId);
  for (const command of commands) await services[0]!.handle(command.assignmentId, command);
  const outcomes = await Promise.allSettled(
    commands.map((command, n) =>
      services[n % services.length]!.handle(command.assignmentId, {
        type: 'IssueAssignment',
        actor: office,
      }),
    ),
  );
  const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
  expect(won).toHaveLength(1);
  for (const outcome of outcomes) {
    if (outcome.status === 'fulfilled') continue;
    expect(isRuleViolation(outcome.reason), String(outcome.reason)).toBe(true);
    expect(outcome.reason).toMatchObject({ rule });
  }
  // The losers left no claim behind: every key is held by the winner's stream.
  const winner = commands[outcomes.findIndex((outcome) => outcome.status === 'fulfilled')]!;
  for (const command of commands) {
    const key =
      rule === 'RA-4'
        ? `assignee:${listId}:department:${command.assignee.id}`
        : `lead:${listId}:${command.duties![0]!.code}`;
    const owner = await services[0]!.keys.ownerOf(key);
    expect(owner).toBe(command === winner ? `resp-${winner.assignmentId}` : undefined);
  }
}

/** Uniqueness across the streams of one responsibility list (domain spec RA-4, RA-5). */
export const responsibilityUniquenessCases: ConformanceCase[] = [
  {
    group,
    name: 'responsibility lists: of racing issues leading one task code exactly one wins (RA-4)',
    async run(context) {
      await race(
        context,
        (listId) =>
          ['a', 'b', 'c'].map((x) => draft(listId, `${listId}-${x}`, `org-${x}`, 'TASK.1')),
        'RA-4',
      );
    },
  },
  {
    group,
    name: 'responsibility lists: of racing issues for one assignee exactly one wins (RA-5)',
    async run(context) {
      await race(
        context,
        (listId) =>
          ['1', '2', '3'].map((n) => draft(listId, `${listId}-${n}`, 'org-a', `TASK.${n}`)),
        'RA-5',
      );
    },
  },
];
