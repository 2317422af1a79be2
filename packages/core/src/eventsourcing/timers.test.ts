import { expect, it } from 'vitest';
import { createAlarm, sleep } from './timers.js';

const first = (...racers: Array<Promise<string>>) => Promise.race(racers);

it('an alarm remembers a wake that came before the wait, once', async () => {
  const alarm = createAlarm();
  alarm.wake();
  expect(
    await first(
      alarm.wait(60_000).then(() => 'woken'),
      sleep(2_000).then(() => 'slept'),
    ),
  ).toBe('woken');
  // The remembered wake is used up: the next wait is still pending when a short sleep ends.
  expect(
    await first(
      alarm.wait(60_000).then(() => 'woken'),
      sleep(20).then(() => 'slept'),
    ),
  ).toBe('slept');
  alarm.wake();
});
