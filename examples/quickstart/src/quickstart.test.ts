import { expect, test } from 'vitest';
import { runQuickstart } from './run-quickstart.js';

test('the quickstart prints the observation log', async () => {
  expect(await runQuickstart()).toEqual([
    'observation-1 is closed at version 2',
    'retried cmd-4: duplicate=true, events=1',
    'rejected: OBS-2 NotOpen: cannot close an observation that is closed',
    'open at warehouse: observation-2',
    'open at yard: observation-3',
  ]);
});
