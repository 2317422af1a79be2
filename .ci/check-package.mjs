// Packs the package in the current directory and checks the tarball as users receive it:
// publint for package.json/exports hygiene, @arethetypeswrong for types under ESM and CJS, then
// the contents themselves (license, readme, source maps, export targets), and reports its size.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
// An adapter that bundles its own copy of core breaks error guards and registries at run time.
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
if (manifest.name !== '@safeledger/core') {
  for (const file of ['dist/index.js', 'dist/index.cjs']) {
    const code = readFileSync(file, 'utf8');
    if (code.includes('class SafeledgerError')) {
      throw new Error(`${manifest.name} ${file} bundles a copy of @safeledger/core`);
    }
  }
}

const out = mkdtempSync(join(tmpdir(), 'safeledger-pack-'));
const run = (command, args, options = {}) =>
  execFileSync(command, args, { stdio: 'inherit', ...options });
try {
  run('pnpm', ['pack', '--pack-destination', out]);
  const tarball = join(
    out,
    readdirSync(out).find((f) => f.endsWith('.tgz')),
  );
  run(bin('publint'), ['run', '--strict', tarball]);
  run(bin('attw'), [tarball, '--profile', 'node16']);
  run('tar', ['-xzf', tarball, '-C', out]);
  const unpacked = join(out, 'package');
  const files = listFiles(unpacked);
  checkContents(unpacked, new Set(files));
  const bytes = files.reduce((sum, file) => sum + statSync(join(unpacked, file)).size, 0);
  console.log(
    `${manifest.name}: tarball ${kB(statSync(tarball).size)} packed, ${kB(bytes)} unpacked, ${files.length} files`,
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}

/** Every problem found in the unpacked tarball, thrown at once so one run shows them all. */
function checkContents(dir, files) {
  const problems = [];
  const read = (file) => readFileSync(join(dir, file), 'utf8');

  if (!files.has('LICENSE')) problems.push('LICENSE is missing');
  else if (read('LICENSE') !== readFileSync(join(root, 'LICENSE'), 'utf8'))
    problems.push("LICENSE differs from the repository's LICENSE");
  if (!files.has('README.md')) problems.push('README.md is missing');

  const published = JSON.parse(read('package.json'));
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(published[field] ?? {})) {
      if (String(range).startsWith('workspace:'))
        problems.push(`${field}.${name} is still "${range}"`);
    }
  }
  // Every export condition must lead to a shipped file: a condition pointing at a file the
  // tarball lacks breaks any bundler or TypeScript setup that enables it.
  for (const target of exportTargets(published.exports)) {
    if (!files.has(posix.normalize(target))) problems.push(`exports names missing ${target}`);
  }
  for (const file of files) {
    if (/\.test(-d)?\.ts$|test-support\//.test(file)) problems.push(`ships test file ${file}`);
    if (!file.endsWith('.map')) continue;
    const map = JSON.parse(read(file));
    // Sources ship once, in src/; maps point at them rather than embedding a second copy.
    if (map.sourcesContent !== undefined) problems.push(`${file} embeds sourcesContent`);
    for (const source of map.sources) {
      const path = posix.normalize(posix.join(posix.dirname(file), source));
      if (!files.has(path)) problems.push(`${file} points at ${source}, which is not shipped`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`${manifest.name} tarball:\n  ${problems.join('\n  ')}`);
  }
}

function exportTargets(exports) {
  if (typeof exports === 'string') return [exports];
  if (exports === null || typeof exports !== 'object') return [];
  return Object.values(exports).flatMap(exportTargets);
}

function listFiles(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory() ? listFiles(dir, path) : [path];
  });
}

function kB(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
