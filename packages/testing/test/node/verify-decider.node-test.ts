import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DeciderVerificationError, verifyDecider } from '@safeledger/testing';
import { counterCommands, counterDecider, counterModel } from './counter.js';

// Run by node's own test runner (see ../node-runner.test.ts): verifyDecider needs no vitest.
test('verifyDecider passes a correct decider under node:test', () => {
  const summary = verifyDecider(counterDecider(), {
    model: counterModel,
    commands: counterCommands,
    seed: 1,
  });
  assert.ok((summary.rejectedBy['C-1'] ?? 0) > 0, 'the cap was reached');
  assert.ok((summary.rejectedBy['C-2'] ?? 0) > 0, 'an empty return was tried');
});

test('verifyDecider reports a removed rule under node:test', () => {
  assert.throws(
    () =>
      verifyDecider(counterDecider(false), {
        model: counterModel,
        commands: counterCommands,
        seed: 1,
      }),
    (error: unknown) =>
      error instanceof DeciderVerificationError &&
      error.commands.length === 4 &&
      error.message.startsWith(
        'verifyDecider(counter) failed at step 4: the decider accepted a command the model rejects with C-1 SoldOut (it produced Issued)',
      ),
  );
});
