import { describe, expect, it } from 'vitest';
import { expectCoverage } from './expect-coverage.js';

describe('expectCoverage', () => {
  it('runs batches only until every wanted path is seen', async () => {
    let batches = 0;
    const seen = await expectCoverage(['a', 'b'], (paths, batch) => {
      batches += 1;
      paths.add(batch === 0 ? 'a' : 'b');
    });
    expect(batches).toBe(2);
    expect([...seen].sort()).toEqual(['a', 'b']);
  });

  it('fails after maxBatches naming what was never reached', async () => {
    let batches = 0;
    await expect(
      expectCoverage(
        ['a', 'rare'],
        (paths) => {
          batches += 1;
          paths.add('a');
        },
        { maxBatches: 3 },
      ),
    ).rejects.toThrow('not reached in 3 batch(es): rare (seen: a)');
    expect(batches).toBe(3);
  });
});
