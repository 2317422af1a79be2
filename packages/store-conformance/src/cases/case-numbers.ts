import {
  createCaseFiling,
  createCommandHandler,
  createEnforcementCaseDecider,
  createEventRegistry,
  createInMemoryDirectory,
  createSupervisionPolicy,
  type EventStore,
  enforcementCaseEvents,
  type FileCase,
  isRuleViolation,
  toArray,
  uniqueKeyEvents,
} from '@safeledger/core';
import { expect } from 'vitest';
import { uniqueStream } from '../fixtures.js';
import type { ConformanceCase } from '../harness.js';

const directory = createInMemoryDirectory({
  areas: [{ id: 'area-1', name: 'Area', kind: 'park' }],
  organizations: [
    { id: 'org-1', name: 'Safety bureau', kind: 'safety', level: 'district', areaIds: ['area-1'] },
  ],
  enterprises: [{ id: 'ent-1', name: 'Works', areaId: 'area-1', sectorCode: 'C26' }],
  persons: [
    {
      id: 'off-1',
      name: 'Officer',
      roles: ['EnforcementOfficer'],
      orgId: 'org-1',
      enforcementCredentialNo: 'E-1',
    },
    { id: 'head-1', name: 'Head', roles: ['AuthorityHead'], orgId: 'org-1' },
  ],
});
const policy = createSupervisionPolicy();

function filingOn(store: EventStore) {
  const decider = createEnforcementCaseDecider({
    directory,
    policy,
    hazards: { hazard: async () => undefined },
    inspections: { inspection: async () => undefined },
  });
  return createCaseFiling({ store, handle: createCommandHandler({ store, decider }), policy });
}

function fileCase(caseId: string, caseNo: string, occurredAt: string): FileCase {
  return {
    type: 'FileCase',
    actor: { personId: 'off-1', role: 'EnforcementOfficer', orgId: 'org-1' },
    occurredAt,
    caseId,
    caseNo,
    agencyOrgId: 'org-1',
    respondents: [{ ref: 'U', kind: 'unit', enterpriseId: 'ent-1' }],
    cause: 'Hazard not eliminated',
    violatedProvisions: ['WSL 2021 Art. 102'],
    proposerIds: ['off-1'],
    approvedBy: 'head-1',
  };
}

/** Case numbers (EC-1): unique per agency and year across streams, on every store. */
export const caseNumberCases: ConformanceCase[] = [
  {
    group: 'unique keys',
    name: 'unique keys: of racing case filings with one case number from several instances exactly one case is filed (EC-1)',
    async run(context) {
      const registry = createEventRegistry({
        events: [...enforcementCaseEvents, ...uniqueKeyEvents],
      });
      const stores = await Promise.all(
        Array.from({ length: context.scale.instances }, () => context.open({ registry })),
      );
      const filings = stores.map(filingOn);
      const prefix = uniqueStream('c').replace(/[^A-Za-z0-9]/g, '');
      const caseNo = `${prefix}-001`;
      const at = new Date(Date.now() - 60_000).toISOString();
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, n) =>
          filings[n % filings.length]!.fileCase(fileCase(`${prefix}-${n}`, caseNo, at)),
        ),
      );
      const won = results.flatMap((result, n) => (result.status === 'fulfilled' ? [n] : []));
      expect(won).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'fulfilled') continue;
        expect(isRuleViolation(result.reason), String(result.reason)).toBe(true);
        expect(result.reason).toMatchObject({ rule: 'EC-1', violation: 'DuplicateCaseNumber' });
      }
      for (let n = 0; n < 8; n++) {
        const events = await toArray(stores[0]!.readStream(`case-${prefix}-${n}`));
        expect(events.map((event) => event.type)).toEqual(n === won[0] ? ['CaseFiled'] : []);
      }
      // The same number in another year, or of another agency, is another key.
      const nextYear = await filings[0]!.fileCase(
        fileCase(`${prefix}-next`, caseNo, '2023-06-01T10:00:00+08:00'),
      );
      expect(nextYear.events.map((event) => event.type)).toEqual(['CaseFiled']);
    },
  },
];
