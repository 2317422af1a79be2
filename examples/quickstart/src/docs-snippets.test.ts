import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

// A code block tagged `<!-- snippet: path -->` must be that file, verbatim. The files belong to
// example packages (this one, examples/readmes), so they are type-checked and run by their
// tests: docs, including each published package's README, cannot rot.
const TAGGED = /<!-- snippet: (\S+) -->\s*```(?:ts|json)\n([\s\S]*?)```/g;

const packageReadmes = readdirSync(join(root, 'packages'))
  .map((dir) => join(root, 'packages', dir, 'README.md'))
  .filter((path) => existsSync(path));
const documents = [
  join(root, 'README.md'),
  ...markdownFiles(join(root, 'docs')),
  ...packageReadmes,
];
const tagged = documents.flatMap((doc) =>
  [...readFileSync(doc, 'utf8').matchAll(TAGGED)].map((m) => ({ doc, file: m[1]!, block: m[2]! })),
);

test('the docs contain checked snippets', () => {
  expect(tagged.length).toBeGreaterThan(8);
});

test.each(tagged.map((t) => [t.doc.slice(root.length), t.file, t.block] as const))(
  '%s shows %s verbatim',
  (_doc, file, block) => {
    expect(block.trim()).toBe(readFileSync(join(root, file), 'utf8').trim());
  },
);
