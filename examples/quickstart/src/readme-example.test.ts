import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

// The README's example is this file, verbatim: it is type-checked and run, so it cannot rot.
test('the README example is the checked file and runs', async () => {
  const source = readFileSync(new URL('./readme-example.ts', import.meta.url), 'utf8').trim();
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1]?.trim();
  expect(block).toBe(source);
  const { summary } = await import('./readme-example.js');
  expect(summary).toEqual({ version: 1, duplicate: true });
});
