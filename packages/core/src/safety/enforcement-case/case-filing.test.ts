import { createMemoryEventStore } from '@safeledger/store-memory';
import { sampleCaseCommands, sampleNow } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../eventsourcing/command-handler.js';
import { createEventRegistry } from '../../eventsourcing/event-registry.js';
import { uniqueKeyEvents } from '../../eventsourcing/unique-keys.js';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import { caseNumberKey, createCaseFiling } from './case-filing.js';
import { createEnforcementCaseDecider } from './decide.js';
import { enforcementCaseEvents } from './events.js';

const kit = sampleCaseCommands();
const policy = createSupervisionPolicy();

function setUp() {
  const store = createMemoryEventStore({
    registry: createEventRegistry({ events: [...enforcementCaseEvents, ...uniqueKeyEvents] }),
    clock: () => sampleNow,
  });
  const decider = createEnforcementCaseDecider({
    directory: kit.directory,
    hazards: { hazard: async () => undefined },
    inspections: { inspection: async (id) => kit.inspections[id] },
  });
  const handle = createCommandHandler({ store, decider, clock: () => sampleNow });
  return createCaseFiling({ store, handle, policy, clock: () => sampleNow });
}

describe('case numbers', () => {
  it('EC-1 a case number is unique per agency and local year; a rejected filing gives it back', async () => {
    const filing = setUp();
    await filing.fileCase(kit.file({ caseId: 'c-1' }));
    await expect(filing.fileCase(kit.file({ caseId: 'c-2' }))).rejects.toMatchObject({
      rule: 'EC-1',
      violation: 'DuplicateCaseNumber',
      details: { caseNo: '2024-001', agencyOrgId: 'org-safety', year: 2024, owner: 'case-c-1' },
    });
    // 2023-12-31 23:30 in Shanghai is still 2023 there: another year, another key.
    await filing.fileCase(kit.file({ caseId: 'c-3', occurredAt: '2023-12-31T15:30:00Z' }));
    expect(await filing.caseNumbers.ownerOf(caseNumberKey('org-safety', 2023, '2024-001'))).toBe(
      'case-c-3',
    );
    // A filing rejected by a rule releases its claim, so the number stays free.
    await expect(
      filing.fileCase(kit.file({ caseId: 'c-4', caseNo: '2024-002', violatedProvisions: [] })),
    ).rejects.toMatchObject({ rule: 'EC-1', violation: 'ProvisionsRequired' });
    expect(await filing.caseNumbers.ownerOf(caseNumberKey('org-safety', 2024, '2024-002'))).toBe(
      undefined,
    );
    await filing.fileCase(kit.file({ caseId: 'c-5', caseNo: '2024-002' }));
    // Retrying a filing that succeeded is idempotent: the stream already owns its number.
    await expect(
      filing.fileCase(kit.file({ caseId: 'c-5', caseNo: '2024-002' })),
    ).rejects.toMatchObject({
      rule: 'EC-0',
      violation: 'AlreadyFiled',
    });
    expect(await filing.caseNumbers.ownerOf(caseNumberKey('org-safety', 2024, '2024-002'))).toBe(
      'case-c-5',
    );
  });

  it('EC-1 racing filings with one number: exactly one wins', async () => {
    const filing = setUp();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, n) => filing.fileCase(kit.file({ caseId: `r-${n}` }))),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
  });
});
