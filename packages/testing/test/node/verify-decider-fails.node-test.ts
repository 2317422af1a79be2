import { test } from 'node:test';
import { verifyDecider } from '@safeledger/testing';
import { counterCommands, counterDecider, counterModel } from './counter.js';

// Fails on purpose: ../node-runner.test.ts checks that node's runner shows the report.
test('a decider without its cap', () => {
  verifyDecider(counterDecider(false), { model: counterModel, commands: counterCommands, seed: 1 });
});
