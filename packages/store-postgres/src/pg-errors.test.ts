import { isStoreFailure, isTransientStoreFailure, isValidationError } from '@safeledger/core';
import { describe, expect, it } from 'vitest';
import { translateError } from './pg-errors.js';

const driverError = (code: string, message = 'boom') => Object.assign(new Error(message), { code });

describe('driver errors', () => {
  it('are transient when a later try may pass, and keep the cause', () => {
    for (const code of [
      'ECONNRESET',
      'ECONNREFUSED',
      '57P01',
      '08006',
      '53300',
      '40001',
      '40P01',
      '57014',
      '55P03',
    ]) {
      const error = translateError(driverError(code), 'append to "s-1"', 'ledger');
      expect(isTransientStoreFailure(error), code).toBe(true);
      expect(error.cause, code).toMatchObject({ code });
    }
    expect(
      isTransientStoreFailure(translateError(new Error('Connection terminated'), 'read', 'x')),
    ).toBe(true);
  });

  it('are permanent otherwise', () => {
    for (const code of ['42P01', '3F000', '23514', '54000', 'XX000']) {
      const error = translateError(driverError(code), 'commit projection "p"', 'ledger');
      expect(isStoreFailure(error), code).toBe(true);
      expect(isTransientStoreFailure(error), code).toBe(false);
    }
    expect(isValidationError(translateError(driverError('22P05'), 'append', 'ledger'))).toBe(true);
  });
});
