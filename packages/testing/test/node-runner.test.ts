import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// verifyDecider must work under node's own test runner, not only vitest. The node tests run on
// the TypeScript sources through tsx (Node 20 cannot strip types itself), so no build is needed.
const packageDir = fileURLToPath(new URL('..', import.meta.url));

it('runs under node --test: passes, catches a planted bug, and a failure prints the report', () => {
  const result = spawnSync(
    process.execPath,
    [
      '--conditions=@safeledger/source',
      '--import',
      'tsx',
      '--test',
      '--test-reporter=tap',
      'test/node/verify-decider.node-test.ts',
      // Fails on purpose, to show what node's runner prints for a failed verification.
      'test/node/verify-decider-fails.node-test.ts',
    ],
    { cwd: packageDir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
  );
  const output = `${result.stdout}${result.stderr}`;
  expect(output).toMatch(/\nok \d+ - verifyDecider passes a correct decider under node:test\n/);
  expect(output).toMatch(/\nok \d+ - verifyDecider reports a removed rule under node:test\n/);
  expect(output).toMatch(/\nnot ok \d+ - a decider without its cap\n/);
  expect(output).toContain('# pass 2\n# fail 1\n');
  expect(output).toContain(
    'verifyDecider(counter) failed at step 4: the decider accepted a command the model rejects with C-1 SoldOut (it produced Issued)',
  );
  expect(output).toContain('  4. [2024-01-01T00:00:00.000Z, +0] Issue {}');
  expect(result.status).toBe(1);
}, 120_000);
