import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isValidationError, type ValidationError } from '../../eventsourcing/errors.js';
import { createInMemoryDirectory } from '../directory/in-memory-directory.js';
import { createHazardDecider } from '../hazard/decide.js';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import { parseOrThrow } from './bad-input.js';

function rejection(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (isValidationError(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

// `index` is the position of an event in an appended batch; a command or a configuration
// object has no batch, so its issues must not claim to be about "event 0".
describe('validation issues outside a batch carry no index', () => {
  it('parseOrThrow', () => {
    const error = rejection(() => parseOrThrow(z.object({ n: z.number() }), { n: 'x' }, 'Thing'));
    expect(error.issues).toEqual([
      { type: 'Thing', path: 'n', message: expect.stringContaining('(got "x")') },
    ]);
    expect(error.issues[0]).not.toHaveProperty('index');
  });

  it('a malformed hazard command', () => {
    const decider = createHazardDecider({
      directory: createInMemoryDirectory(),
      policy: createSupervisionPolicy(),
    });
    const error = rejection(() =>
      decider.decide({ type: 'CloseHazard' } as never, decider.initialState(), {
        streamId: 'hazard-1',
        now: new Date('2024-03-01T00:00:00Z'),
        version: 0,
      }),
    );
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) expect(issue).not.toHaveProperty('index');
  });

  it('a duplicate directory id', () => {
    const error = rejection(() =>
      createInMemoryDirectory({
        areas: [
          { id: 'park', name: 'Park', kind: 'park' },
          { id: 'park', name: 'Park again', kind: 'park' },
        ],
      }),
    );
    expect(error.issues).toEqual([
      { type: 'DirectoryData', path: 'areas.id', message: 'id "park" appears twice' },
    ]);
  });
});
