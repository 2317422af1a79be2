import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;

interface Manifest {
  readonly name: string;
  readonly private?: boolean;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}

const published = readdirSync(join(root, 'packages'))
  .map((dir) => ({
    dir,
    manifest: JSON.parse(
      readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'),
    ) as Manifest,
  }))
  .filter(({ manifest }) => manifest.private !== true);

/** Package names the README's install commands add (flags and version suffixes removed). */
function installed(readme: string): string[] {
  const install = /## Install\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
  return [...install.matchAll(/^npm install (.*)$/gm)].flatMap((m) =>
    m[1]!
      .split(/\s+/)
      .filter((word) => !word.startsWith('-'))
      .map((word) => word.replace(/(?<=.)@[^/]*$/, '')),
  );
}

it('every published package is checked', () => {
  expect(published.map(({ manifest }) => manifest.name).sort()).toEqual([
    '@safeledger/core',
    '@safeledger/store-conformance',
    '@safeledger/store-memory',
    '@safeledger/store-postgres',
    '@safeledger/store-sqlite',
    '@safeledger/testing',
  ]);
});

describe.each(published)('packages/$dir/README.md', ({ dir, manifest }) => {
  const readme = readFileSync(join(root, 'packages', dir, 'README.md'), 'utf8');

  it('is titled with the package name', () => {
    expect(readme.split('\n')[0]).toBe(`# ${manifest.name}`);
  });

  it('installs the package with all its peers, and nothing it already depends on', () => {
    const names = installed(readme);
    expect(names).toContain(manifest.name);
    for (const peer of Object.keys(manifest.peerDependencies ?? {})) expect(names).toContain(peer);
    // Every package needs core, and core needs zod: the user installs both.
    expect(names).toEqual(expect.arrayContaining(['@safeledger/core', 'zod']));
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      expect(names, `${dependency} comes with ${manifest.name}`).not.toContain(dependency);
    }
  });

  it('states the zod major and what a zod 3 application sees', () => {
    expect(readme).toContain('**zod 4**');
    expect(readme).toContain('zod@"^4.0.0"');
  });

  it('shows a checked example and links to the documentation', () => {
    expect(readme).toMatch(/<!-- snippet: \S+\.ts -->\n```ts\n/);
    expect(readme).toMatch(/## Documentation\n\n- \[[^\]]+\]\(https:\/\/\S+\.md[#)]/);
  });
});
