import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.includes('.test') ? [path] : [];
  });
}

// Core runs in browsers and depends on zod, immer and ulid only.
it('imports no node: built-ins and no packages beyond zod, immer and ulid', () => {
  const root = new URL('.', import.meta.url).pathname;
  const offenders: string[] = [];
  for (const file of sources(root)) {
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from ['"]([^'"]+)['"]/g)) {
      if (specifier!.startsWith('.')) continue;
      if (!['zod', 'immer', 'ulid'].includes(specifier!)) offenders.push(`${file}: ${specifier}`);
    }
  }
  expect(offenders).toEqual([]);
});
