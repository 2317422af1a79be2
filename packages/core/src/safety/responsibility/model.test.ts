import { createMemoryEventStore } from '@safeledger/store-memory';
import {
  type ResponsibilitySlot,
  responsibilityDutyArbitrary,
  responsibilityHistoryArbitrary,
  sampleResponsibilityCommands,
} from '@safeledger/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toArray } from '../../eventsourcing/async-iterable.js';
import { isRuleViolation } from '../../eventsourcing/errors.js';
import { createEventRegistry } from '../../eventsourcing/event-registry.js';
import { uniqueKeyEvents } from '../../eventsourcing/unique-keys.js';
import type { ResponsibilityCommand } from './commands.js';
import { createResponsibilityDecider } from './decide.js';
import { type ResponsibilityEvent, responsibilityEvents } from './events.js';
import {
  evolveResponsibility,
  initialResponsibilityState,
  isStartedAssignment,
  type ResponsibilityState,
} from './state.js';
import { createResponsibilityAssignmentService } from './uniqueness.js';

// An independent model of §4.3, written from the spec's state table and rules (RA-0…RA-11), and
// the reading recorded in the catalog. It never calls the decider: for each command it lists the
// rules the command breaks; the code must accept exactly when that list is empty, and otherwise
// reject citing one of them.

const kit = sampleResponsibilityCommands();
const { directory } = kit;
const start = Date.parse('2024-09-02T02:00:00.000Z');
const DAY = 86_400_000;

type ModelDuty = {
  dutyId: string;
  code: string;
  text: string;
  kind: string;
  domainCodes: string[];
  role: string;
  dueDate?: string;
  requiredHeadcount?: number;
};
interface ModelAssignment {
  status: 'unstarted' | 'draft' | 'issued' | 'superseded';
  duties: ModelDuty[];
  version: number;
  acknowledged: number;
  completed: Set<string>;
  staff: Set<string>;
}

const shanghaiDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const issuerOffice = (actor: { personId: string; role: string; orgId?: string | undefined }) =>
  actor.orgId === 'org-committee-district' &&
  (actor.role === 'SafetyCommitteeOffice' || actor.role === 'AuthorityHead');

function headOf(slot: ResponsibilitySlot) {
  return {
    'p-secretary': 'p-secretary',
    'p-mayor': 'p-mayor',
    'p-deputy': 'p-deputy',
    'org-industry': 'p-ind-head',
    'org-territorial': 'p-terr-head',
    'ent-chem': 'p-principal',
  }[slot.assignee.id];
}
function membersOf(slot: ResponsibilitySlot): string[] {
  const { assignee } = slot;
  if (assignee.kind === 'leader') return [assignee.id];
  // The sample people who act for the body or enterprise in the generated commands.
  return directory
    .persons()
    .filter((p) =>
      assignee.kind === 'enterprise'
        ? p.enterpriseId === assignee.id &&
          (p.roles.includes('Principal') || p.roles.includes('SafetyOfficer'))
        : p.orgId === assignee.id,
    )
    .map((p) => p.id);
}
function belongs(slot: ResponsibilitySlot, personId: string): boolean {
  const person = directory.person(personId);
  if (person === undefined) return false;
  const { assignee } = slot;
  if (assignee.kind === 'enterprise') return person.enterpriseId === assignee.id;
  if (assignee.kind === 'leader') return person.orgId === directory.person(assignee.id)?.orgId;
  return person.orgId === assignee.id;
}

function contentBreaks(duties: ModelDuty[]): string[] {
  const broken: string[] = [];
  const ids = duties.map((d) => d.dutyId);
  if (new Set(ids).size !== ids.length) broken.push('RA-0');
  const leads = duties.filter((d) => d.role === 'lead').map((d) => d.code);
  if (new Set(leads).size !== leads.length) broken.push('RA-4');
  if (
    duties.some(
      (d) => d.dueDate !== undefined && (d.dueDate < '2024-01-01' || d.dueDate > '2024-12-31'),
    )
  )
    broken.push('RA-7');
  if (duties.some((d) => d.kind === 'staffing' && !((d.requiredHeadcount ?? 0) >= 1)))
    broken.push('RA-8');
  return broken;
}
function issueBreaks(slot: ResponsibilitySlot, duties: ModelDuty[]): string[] {
  const broken: string[] = [];
  if (duties.length === 0 || duties.some((d) => d.text.trim() === '')) broken.push('RA-1');
  if (slot.assignee.kind === 'leader') {
    const covered = duties
      .filter((d) => d.kind === 'statutory_duty' || d.kind === 'key_task')
      .flatMap((d) => d.domainCodes);
    if (slot.portfolio.some((code) => !covered.includes(code))) broken.push('RA-2');
  }
  if (slot.assignee.isPrimaryLeader && !duties.some((d) => d.code === 'LEAD.OVERALL'))
    broken.push('RA-3');
  return broken;
}

class Model {
  readonly assignments: ModelAssignment[];
  constructor(readonly slots: readonly ResponsibilitySlot[]) {
    this.assignments = slots.map(() => ({
      status: 'unstarted',
      duties: [],
      version: 0,
      acknowledged: 0,
      completed: new Set(),
      staff: new Set(),
    }));
  }

  private leadsHeldByOthers(n: number): Set<string> {
    return new Set(
      this.assignments
        .filter((a, m) => m !== n && a.status === 'issued')
        .flatMap((a) => a.duties.filter((d) => d.role === 'lead').map((d) => d.code)),
    );
  }

  /** The rules `command` on slot `n` breaks at instant `at`; empty when it must be accepted. */
  breaks(n: number, command: ResponsibilityCommand, at: number): string[] {
    const slot = this.slots[n]!;
    const a = this.assignments[n]!;
    const broken: string[] = [];
    const actor = command.actor;
    if (command.type === 'DraftAssignment') {
      if (a.status !== 'unstarted') broken.push('RA-0');
      if (!issuerOffice(actor)) broken.push('RA-9');
      if (shanghaiDate(at) > '2024-12-31') broken.push('RA-11');
      broken.push(...contentBreaks((command.duties ?? []) as ModelDuty[]));
      return broken;
    }
    if (a.status === 'unstarted') return ['RA-0'];
    if (command.type !== 'ReviewPerformance' && shanghaiDate(at) > '2024-12-31')
      broken.push('RA-11');
    const draftOnly = ['AddDuty', 'RemoveDuty', 'IssueAssignment'].includes(command.type);
    if (a.status === 'superseded') broken.push('RA-0');
    else if (draftOnly && a.status === 'issued')
      broken.push(command.type === 'IssueAssignment' ? 'RA-0' : 'RA-6');
    else if (!draftOnly && a.status === 'draft') broken.push('RA-0');
    const hasDuty = (id: string) => a.duties.some((d) => d.dutyId === id);
    switch (command.type) {
      case 'AddDuty':
        if (!issuerOffice(actor)) broken.push('RA-9');
        broken.push(...contentBreaks([...a.duties, command.duty as ModelDuty]));
        break;
      case 'RemoveDuty':
        if (!issuerOffice(actor)) broken.push('RA-9');
        if (!hasDuty(command.dutyId)) broken.push('RA-0');
        break;
      case 'IssueAssignment': {
        if (!issuerOffice(actor)) broken.push('RA-9');
        // The only approver of the district committee office in the sample directory.
        if ((command.approvedBy ?? actor.personId) !== 'p-cmo-district') broken.push('RA-9');
        broken.push(...issueBreaks(slot, a.duties));
        const others = this.leadsHeldByOthers(n);
        if (a.duties.some((d) => d.role === 'lead' && others.has(d.code))) broken.push('RA-4');
        const sameAssignee = this.assignments.some(
          (b, m) =>
            m !== n &&
            b.status === 'issued' &&
            this.slots[m]!.assignee.kind === slot.assignee.kind &&
            this.slots[m]!.assignee.id === slot.assignee.id,
        );
        if (sameAssignee) broken.push('RA-5');
        break;
      }
      case 'AcknowledgeAssignment':
        if (actor.personId !== headOf(slot)) broken.push('RA-9');
        if (a.acknowledged === a.version) broken.push('RA-0');
        break;
      case 'ReviseAssignment': {
        if (!issuerOffice(actor)) broken.push('RA-9');
        if (command.reason.trim() === '') broken.push('RA-6');
        let duties = [...a.duties];
        for (const change of command.changes) {
          const id = change.op === 'remove' ? change.dutyId : change.duty.dutyId;
          const exists = duties.some((d) => d.dutyId === id);
          if (change.op === 'add') {
            if (exists) broken.push('RA-0');
            duties.push(change.duty as ModelDuty);
          } else if (!exists) broken.push('RA-0');
          else if (change.op === 'remove') duties = duties.filter((d) => d.dutyId !== id);
          else duties = duties.map((d) => (d.dutyId === id ? (change.duty as ModelDuty) : d));
        }
        broken.push(...contentBreaks(duties), ...issueBreaks(slot, duties));
        const others = this.leadsHeldByOthers(n);
        const added = command.changes.flatMap((c) => (c.op === 'remove' ? [] : [c.duty]));
        if (added.some((d) => d.role === 'lead' && others.has(d.code))) broken.push('RA-4');
        break;
      }
      case 'DesignateSafetyStaff':
      case 'RevokeSafetyStaff': {
        if (actor.personId !== headOf(slot)) broken.push('RA-9');
        const duty = a.duties.find((d) => d.dutyId === command.dutyId);
        if (duty === undefined) broken.push('RA-0');
        const key = `${command.dutyId}|${command.personId}`;
        if (command.type === 'DesignateSafetyStaff') {
          if (duty !== undefined && duty.kind !== 'staffing') broken.push('RA-8');
          if (!belongs(slot, command.personId)) broken.push('RA-8');
          if (a.staff.has(key)) broken.push('RA-8');
        } else if (!a.staff.has(key)) broken.push('RA-8');
        break;
      }
      case 'ReportDutyProgress':
      case 'CompleteDuty':
        if (!membersOf(slot).includes(actor.personId) || !isMemberRole(slot, actor.role))
          broken.push('RA-9');
        if (!hasDuty(command.dutyId)) broken.push('RA-0');
        if (command.type === 'CompleteDuty' && a.completed.has(command.dutyId)) broken.push('RA-0');
        break;
      case 'ReviewPerformance':
        if (!issuerOffice(actor)) broken.push('RA-9');
        break;
      case 'SupersedeAssignment':
        if (!issuerOffice(actor)) broken.push('RA-9');
        if (command.byAssignmentId === slot.assignmentId) broken.push('RA-0');
        break;
    }
    return broken;
  }

  apply(n: number, command: ResponsibilityCommand): void {
    const a = this.assignments[n]!;
    switch (command.type) {
      case 'DraftAssignment':
        a.status = 'draft';
        a.duties = [...((command.duties ?? []) as ModelDuty[])];
        return;
      case 'AddDuty':
        a.duties.push(command.duty as ModelDuty);
        return;
      case 'RemoveDuty':
        a.duties = a.duties.filter((d) => d.dutyId !== command.dutyId);
        return;
      case 'IssueAssignment':
        a.status = 'issued';
        a.version = 1;
        return;
      case 'AcknowledgeAssignment':
        a.acknowledged = a.version;
        return;
      case 'ReviseAssignment':
        for (const change of command.changes) {
          if (change.op === 'add') a.duties.push(change.duty as ModelDuty);
          else if (change.op === 'remove')
            a.duties = a.duties.filter((d) => d.dutyId !== change.dutyId);
          else
            a.duties = a.duties.map((d) =>
              d.dutyId === change.duty.dutyId ? (change.duty as ModelDuty) : d,
            );
        }
        a.version += 1;
        return;
      case 'DesignateSafetyStaff':
        a.staff.add(`${command.dutyId}|${command.personId}`);
        return;
      case 'RevokeSafetyStaff':
        a.staff.delete(`${command.dutyId}|${command.personId}`);
        return;
      case 'CompleteDuty':
        a.completed.add(command.dutyId);
        return;
      case 'SupersedeAssignment':
        a.status = 'superseded';
        return;
      default:
        return;
    }
  }
}

// Progress and completion: the leader in person, anyone acting for the body, an enterprise's
// Principal or SafetyOfficer (RA-9 as the catalog reads it).
function isMemberRole(slot: ResponsibilitySlot, role: string): boolean {
  if (slot.assignee.kind === 'leader') return role === 'Leader';
  if (slot.assignee.kind === 'enterprise') return role === 'Principal' || role === 'SafetyOfficer';
  return true;
}

// What the runs exercised, so a generator that stops reaching a path fails the test.
const seen = new Map<string, number>();
const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);

describe('responsibility assignment lifecycle (model-based)', () => {
  it('accepts exactly what the model allows; one lead per task code; RA-2 holds for issued leaders', async () => {
    const wanted = [
      ...[
        'IssueAssignment',
        'ReviseAssignment',
        'CompleteDuty',
        'SupersedeAssignment',
        'DesignateSafetyStaff',
        'ReviewPerformance',
      ].map((type) => `accepted ${type}`),
      ...[
        'RA-0',
        'RA-1',
        'RA-2',
        'RA-3',
        'RA-4',
        'RA-5',
        'RA-6',
        'RA-7',
        'RA-8',
        'RA-9',
        'RA-11',
      ].map((rule) => `refused ${rule}`),
    ];
    // Rare paths (an RA-3 refusal needs an issued list with a leader first) are reached in most
    // batches of 150 runs, not all: a batch that misses one is followed by another, up to ten,
    // so the coverage check does not fail on an unlucky seed.
    for (let batch = 0; batch < 10 && !wanted.every((key) => seen.has(key)); batch += 1) {
      await fc.assert(
        fc.asyncProperty(
          responsibilityHistoryArbitrary({ kit, maxSteps: 40 }),
          fc
            .array(fc.boolean(), { minLength: 3, maxLength: 3 })
            .map((drawn) => drawn.map((b, n) => b || n === 0)),
          fc.array(fc.array(responsibilityDutyArbitrary(), { maxLength: 3 }), {
            minLength: 3,
            maxLength: 3,
          }),
          async (history, prepared, randomDuties) => {
            let now = start;
            const store = createMemoryEventStore({
              registry: createEventRegistry({
                events: [...responsibilityEvents, ...uniqueKeyEvents],
              }),
            });
            const decider = createResponsibilityDecider({ directory });
            const service = createResponsibilityAssignmentService({
              store,
              decider,
              clock: () => new Date(now),
            });
            const model = new Model(history.slots);
            // Most slots are first drafted and issued with valid content, so later steps act on issued
            // assignments; the others are drafted and issued by the generated steps, valid or not.
            const steps = [
              ...history.slots.flatMap((slot, n) => {
                if (!prepared[n]) {
                  const draft = kit.draft({
                    assignmentId: slot.assignmentId,
                    assignee: slot.assignee,
                    portfolio: [...slot.portfolio],
                    duties: randomDuties[n]!,
                  });
                  return [
                    { advanceDays: 0, slot: n, command: draft as ResponsibilityCommand },
                    { advanceDays: 1, slot: n, command: kit.issue() },
                  ];
                }
                const overall = slot.assignee.isPrimaryLeader
                  ? [
                      kit.duty({
                        dutyId: 'd-4',
                        code: 'LEAD.OVERALL',
                        domainCodes: [],
                        role: 'support',
                      }),
                    ]
                  : [];
                const draft = kit.draft({
                  assignmentId: slot.assignmentId,
                  assignee: slot.assignee,
                  portfolio: [...slot.portfolio],
                  duties: [
                    kit.duty({
                      dutyId: 'd-1',
                      code: `T${n + 1}`,
                      domainCodes: [...slot.portfolio],
                    }),
                    ...overall,
                    kit.duty({
                      dutyId: 'd-3',
                      code: `S${n + 1}`,
                      kind: 'staffing',
                      domainCodes: [],
                      role: 'support',
                      requiredHeadcount: 1,
                    }),
                  ],
                });
                return [
                  { advanceDays: 0, slot: n, command: draft as ResponsibilityCommand },
                  { advanceDays: 1, slot: n, command: kit.issue() },
                ];
              }),
              ...history.steps,
            ];
            for (const step of steps) {
              now += step.advanceDays * DAY;
              const slot = history.slots[step.slot]!;
              const expected = model.breaks(step.slot, step.command, now);
              let rejection: unknown;
              try {
                await service.handle(slot.assignmentId, step.command);
              } catch (error) {
                rejection = error;
              }
              const what = `${step.command.type} by ${step.command.actor.personId} on ${slot.assignmentId} at ${shanghaiDate(now)}`;
              if (expected.length === 0) {
                expect(rejection, `${what} must be accepted`).toBeUndefined();
                if (step.advanceDays > 0 || !step.command.type.startsWith('Draft')) {
                  count(`accepted ${step.command.type}`);
                }
                model.apply(step.slot, step.command);
              } else {
                expect(
                  isRuleViolation(rejection),
                  `${what} must be refused (${expected.join(', ')}): ${String(rejection)}`,
                ).toBe(true);
                expect(expected, `${what}: ${String(rejection)}`).toContain(
                  (rejection as { rule: string }).rule,
                );
                count(`refused ${(rejection as { rule: string }).rule}`);
              }
              // Invariants, read back from the store.
              const states: ResponsibilityState[] = [];
              for (const s of history.slots) {
                const events = await toArray(store.readStream(`resp-${s.assignmentId}`));
                states.push(
                  events.reduce<ResponsibilityState>(
                    (state, event) =>
                      evolveResponsibility(state, event as unknown as ResponsibilityEvent),
                    initialResponsibilityState(),
                  ),
                );
              }
              const issued = states
                .filter(isStartedAssignment)
                .filter((s) => s.status === 'issued');
              const leads = issued.flatMap((s) =>
                s.duties.filter((d) => d.role === 'lead').map((d) => d.code),
              );
              expect(new Set(leads).size, 'one lead per task code').toBe(leads.length);
              const assignees = issued.map((s) => `${s.assignee.kind}:${s.assignee.id}`);
              expect(new Set(assignees).size, 'one live assignment per assignee').toBe(
                assignees.length,
              );
              for (const s of issued.filter((x) => x.assignee.kind === 'leader')) {
                const covered = s.duties
                  .filter((d) => d.kind === 'statutory_duty' || d.kind === 'key_task')
                  .flatMap((d) => d.domainCodes);
                for (const code of s.portfolio)
                  expect(covered, `RA-2 coverage of ${s.assignmentId}`).toContain(code);
              }
              for (const [m, s] of states.entries()) {
                expect(s.status, `status of ${history.slots[m]!.assignmentId}`).toBe(
                  model.assignments[m]!.status,
                );
              }
            }
          },
        ),
        { numRuns: 150 },
      );
    }
    for (const key of wanted) expect(seen.get(key) ?? 0, key).toBeGreaterThan(0);
  }, 120_000);
});
