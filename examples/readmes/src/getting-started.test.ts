import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConcurrencyError, RuleViolationError, toArray, ValidationError } from '@safeledger/core';
import { createSqliteEventStore } from '@safeledger/store-sqlite';
import { afterAll, expect, it, vi } from 'vitest';
import { toHttpError } from './http-errors.js';

const dir = mkdtempSync(join(tmpdir(), 'safeledger-getting-started-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('the getting-started application closes its hazard, and a second run appends nothing', async () => {
  vi.stubEnv('SAFETY_DB', join(dir, 'safety.db'));
  const first = await import('./getting-started.js');
  expect(first.status).toBe('closed');
  vi.resetModules(); // run the module again, on the same database file
  const again = await import('./getting-started.js');
  expect(again.status).toBe('closed');
  vi.unstubAllEnvs();

  const store = createSqliteEventStore({ path: join(dir, 'safety.db') }, {});
  const types = (await toArray(store.readStream('hazard-h-1'))).map((event) => event.type);
  await store.close();
  expect(types).toEqual([
    'HazardRegistered',
    'RectificationCompleted',
    'RectificationVerified',
    'HazardClosed',
  ]);
});

it('the HTTP mapping of the getting-started guide', () => {
  expect(toHttpError(new ValidationError('bad', [])).status).toBe(400);
  expect(
    toHttpError(new RuleViolationError('H-19', 'SegregationOfDuties', 'no')).body,
  ).toMatchObject({
    rule: 'H-19',
    violation: 'SegregationOfDuties',
  });
  expect(toHttpError(new ConcurrencyError('hazard-h-1', 1, 2)).status).toBe(409);
  expect(() => toHttpError(new TypeError('bug'))).toThrow('bug');
});
