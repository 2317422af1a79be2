// Packs the package in the current directory and checks the tarball as users receive it:
// publint for package.json/exports hygiene, @arethetypeswrong for types under ESM and CJS.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = (name) =>
  join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.bin', name);
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
const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });
try {
  run('pnpm', ['pack', '--pack-destination', out]);
  const tarball = join(
    out,
    readdirSync(out).find((f) => f.endsWith('.tgz')),
  );
  run(bin('publint'), ['run', '--strict', tarball]);
  run(bin('attw'), [tarball, '--profile', 'node16']);
} finally {
  rmSync(out, { recursive: true, force: true });
}
