import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

// The memory store must also run in browsers: no Node built-ins anywhere in its sources.
it('imports no node: built-ins outside tests', () => {
  const dir = new URL('.', import.meta.url).pathname;
  const offenders = readdirSync(dir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .filter((file) =>
      /from ['"]node:|require\(['"]node:/.test(readFileSync(join(dir, file), 'utf8')),
    );
  expect(offenders).toEqual([]);
});
