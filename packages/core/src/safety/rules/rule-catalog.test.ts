import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import { defineRuleCatalog } from './rule-catalog.js';
import { ruleCatalog, rulesInForce } from './rules-in-force.js';

const safetyRoot = new URL('..', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
  });
}

describe('rule catalog', () => {
  it('lists G-1…G-9, H-0…H-29 and RA-0…RA-11 once each', () => {
    const ids = ruleCatalog.map((rule) => rule.id);
    expect(ids).toEqual([
      ...Array.from({ length: 9 }, (_, i) => `G-${i + 1}`),
      ...Array.from({ length: 30 }, (_, i) => `H-${i}`),
      ...Array.from({ length: 12 }, (_, i) => `RA-${i}`),
    ]);
  });

  it('finds every blocking rule id in the code outside the catalogs, and every rule id in a test name', () => {
    const all = files(safetyRoot);
    const code = all
      .filter(
        (path) =>
          !path.includes('.test') &&
          !path.endsWith('rules.ts') &&
          !path.endsWith('general-rules.ts') &&
          // Reference texts cite rule ids; they must not stand in for the check itself.
          !path.endsWith('/reference.ts') &&
          !path.includes('/reference/'),
      )
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    const tests = all
      .filter((path) => path.includes('.test.'))
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    for (const rule of ruleCatalog) {
      const id = new RegExp(`['\`( ]${rule.id}[':) ]`);
      if (rule.enforcement === 'blocking') expect(code, `${rule.id} in code`).toMatch(id);
      if (
        rule.id.startsWith('H-') ||
        rule.id.startsWith('RA-') ||
        rule.id === 'G-4' ||
        rule.id === 'G-5' ||
        rule.id === 'G-7'
      ) {
        expect(tests, `${rule.id} in a test name`).toMatch(
          new RegExp(`it\\('${rule.id} |test\\.prop\\(.*?\\)\\('${rule.id} |'${rule.id} `),
        );
      }
    }
  });

  it('reports the policy values each rule reads', () => {
    const policy = createSupervisionPolicy({ minVerifiersMajor: 3, timezone: 'UTC' });
    const byId = new Map(rulesInForce(policy).map((rule) => [rule.id, rule]));
    expect(byId.get('H-18')?.policyValues).toEqual({ minVerifiersMajor: 3 });
    expect(byId.get('H-6')?.policyValues).toEqual({ timezone: 'UTC' });
    expect(byId.get('H-13')?.policyValues).toEqual({});
  });

  it('rejects duplicate or malformed ids', () => {
    const entry = ruleCatalog[0]!;
    expect(() => defineRuleCatalog([entry, entry])).toThrow('appears twice');
    expect(() => defineRuleCatalog([{ ...entry, id: 'rule one' }])).toThrow('must look like');
  });
});
