import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateCatalogs } from '../aggregates.js';
import { generalRules } from '../general/general-rules.js';
import { aggregateDocs } from './aggregate-docs.js';
import { GENERATED_NOTICE } from './generated-notice.js';
import { normaliseMarkdown } from './normalise-markdown.js';
import { plannedReadModels, specAggregates } from './planned.js';
import { renderAggregateReference } from './render-reference.js';
import { renderStatusTable } from './render-status.js';

// Generated pages are committed so they read well on GitHub and npm; this test keeps them equal
// to what the schemas and catalogs say. `pnpm docs:generate` rewrites them.
const write = process.env.SAFELEDGER_WRITE_DOCS === '1';
const repo = new URL('../../../../../', import.meta.url).pathname;
const coreSrc = new URL('../../', import.meta.url).pathname;

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name === 'api') return [];
    return statSync(path).isDirectory() ? files(path, suffix) : name.endsWith(suffix) ? [path] : [];
  });
}

/** Rule ids that open some test's name: `it('H-13 …')`, `test.prop(…)('G-4 …')`. */
function testedRuleIds(): Set<string> {
  const ids = new Set<string>();
  for (const file of files(coreSrc, '.test.ts')) {
    for (const match of readFileSync(file, 'utf8').matchAll(/['"`]([A-Z]{1,3}-\d+) /g)) {
      ids.add(match[1]!);
    }
  }
  return ids;
}

describe.each(aggregateCatalogs)('$name', (catalog) => {
  it(`docs/domain/${catalog.slug}-reference.md is the rendered reference (regenerate: pnpm docs:generate)`, () => {
    const page = join(repo, 'docs/domain', `${catalog.slug}-reference.md`);
    const rendered = renderAggregateReference(catalog, aggregateDocs[catalog.name]);
    if (write) writeFileSync(page, rendered);
    expect(normaliseMarkdown(readFileSync(page, 'utf8'))).toBe(normaliseMarkdown(rendered));
  });
});

const START = '<!-- status:start -->';
const END = '<!-- status:end -->';

it('the README status table is rendered from the catalogs (regenerate: pnpm docs:generate)', () => {
  const path = join(repo, 'README.md');
  const markers = (text: string) => [text.indexOf(START), text.indexOf(END)] as const;
  let readme = readFileSync(path, 'utf8');
  let [start, end] = markers(readme);
  expect(start, 'README.md needs the status markers').toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  const table = renderStatusTable({
    catalogs: aggregateCatalogs,
    generalRules,
    specAggregates,
    readModels: plannedReadModels,
    testedRuleIds: testedRuleIds(),
  });
  const block = `${START}\n${GENERATED_NOTICE}\n\n${table}\n${END}`;
  if (write) {
    writeFileSync(path, readme.slice(0, start) + block + readme.slice(end + END.length));
    readme = readFileSync(path, 'utf8');
    [start, end] = markers(readme);
  }
  expect(normaliseMarkdown(readme.slice(start, end + END.length))).toBe(normaliseMarkdown(block));
});

it('every read model the status table calls implemented names exports of @safeledger/core', async () => {
  const core: Record<string, unknown> = await import('../../index.js');
  const named = plannedReadModels.flatMap((model) => model.implementedBy ?? []);
  expect(named.length).toBeGreaterThan(0);
  expect(named.filter((name) => core[name] === undefined)).toEqual([]);
});

it('the status table reports a rule whose named test is missing', () => {
  const withoutH13 = new Set([...testedRuleIds()].filter((id) => id !== 'H-13'));
  const table = renderStatusTable({
    catalogs: aggregateCatalogs,
    generalRules,
    specAggregates,
    readModels: plannedReadModels,
    testedRuleIds: withoutH13,
  });
  expect(table).toContain(
    '| **Hazard** | §4.1 | `hazard-{id}` | implemented | 31 (H-0…H-30), 30 with a test named after it |',
  );
});

it('the reference refuses a field without a description', () => {
  const hazard = aggregateDocs.Hazard;
  const { toOrgId: _dropped, ...fields } = hazard.commands.ReferHazard!.fields as Record<
    string,
    string
  >;
  const docs = {
    ...hazard,
    commands: { ...hazard.commands, ReferHazard: { ...hazard.commands.ReferHazard!, fields } },
  };
  expect(() => renderAggregateReference(aggregateCatalogs[0], docs)).toThrow(
    'Hazard command ReferHazard: field toOrgId has no description',
  );
});

it('relative links in the README, the docs and the package READMEs lead to files', () => {
  const documents = [
    join(repo, 'README.md'),
    ...files(join(repo, 'docs'), '.md'),
    ...readdirSync(join(repo, 'packages'))
      .map((dir) => join(repo, 'packages', dir, 'README.md'))
      .filter((path) => existsSync(path)),
  ];
  const broken: string[] = [];
  for (const document of documents) {
    const text = readFileSync(document, 'utf8').replace(/```[\s\S]*?```/g, '');
    for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = match[1]!;
      if (/^[a-z]+:/.test(target) || target.startsWith('#')) continue;
      const file = join(dirname(document), target.split('#')[0]!);
      if (!existsSync(file)) broken.push(`${document.slice(repo.length)} → ${target}`);
    }
  }
  expect(broken).toEqual([]);
});
