import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultScenarioPath } from '../scenario/load.js';
import { runDemo } from './demo.js';

const packageDir = new URL('../../', import.meta.url).pathname;
const small = join(packageDir, 'scenarios/small.json');
const dir = mkdtempSync(join(tmpdir(), 'district-year-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function demo(argv: string[], options: { tty?: boolean; env?: Record<string, string> } = {}) {
  const out = new PassThrough();
  const err = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  let stdout = '';
  let stderr = '';
  out.on('data', (chunk) => {
    stdout += chunk;
  });
  err.on('data', (chunk) => {
    stderr += chunk;
  });
  const code = await runDemo(argv, { out, err }, options.env ?? {});
  return { code, stdout, stderr };
}

describe('pnpm demo arguments', () => {
  it.each([
    [['--store', 'mongo'], '--store must be one of memory, sqlite, postgres, got "mongo"'],
    [['--lang', 'fr'], '--lang must be zh-CN or en, got "fr"'],
    [['--frobnicate'], "Unknown option '--frobnicate'"],
    [['report.html'], "Unexpected argument 'report.html'"],
    [['--db', 'x.db', '--store', 'memory'], '--db is for --store sqlite, not --store memory'],
    [['--pg-url', 'postgres://x', '--store', 'sqlite'], '--pg-url is for --store postgres'],
    [['--store', 'postgres'], '--store postgres needs --pg-url URL (or the PG_URL variable)'],
    [['--html'], "Option '--html <value>' argument missing"],
  ])('%j is refused with the usage and exit code 2', async (argv, message) => {
    const result = await demo(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: pnpm demo [options]');
    expect(result.stdout).toBe('');
  });

  it('--help prints the usage and exits 0', async () => {
    const result = await demo(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--scenario FILE');
  });

  it('refuses an inconsistent scenario with one message per field, before writing anything', async () => {
    const data = JSON.parse(readFileSync(defaultScenarioPath, 'utf8'));
    data.pools.enforcement.hazards.rectified = 802;
    data.venues.spotChecked = 9999;
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(data));
    const db = join(dir, 'bad.db');
    const result = await demo(['--scenario', file, '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nothing was written');
    expect(result.stderr).toContain(
      'pools.enforcement.hazards.rectified: 802 is more than the hazards found (801)',
    );
    expect(result.stderr).toContain(
      'venues.spotChecked: 9999 is more than the registered venues (2458)',
    );
    expect(existsSync(db)).toBe(false);
  });
});

describe('pnpm demo runs', () => {
  it('records a scenario on SQLite and prints the report with plain progress lines', async () => {
    const db = join(dir, 'small.db');
    const result = await demo(['--scenario', small, '--db', db, '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(existsSync(db)).toBe(true);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[6]).toContain('(officers 4, experts 2)');
    expect(result.stderr).toMatch(/recording: \d+\/\d+ commands, \d+ events, \d+ events\/s/);
    expect(result.stderr).toMatch(
      /recorded \d+ events from \d+ commands in [\d.]+ s \(\d+ events\/s, \d+ commands\/s\)/,
    );
  });

  it('prints in Chinese with a live bar on a terminal', async () => {
    const result = await demo(['--scenario', small, '--store', 'memory', '--lang', 'zh-CN'], {
      tty: true,
    });
    expect(result.code).toBe(0);
    // Every line is printed from the read models: none is marked unavailable.
    expect(result.stdout).not.toContain('【暂不可用：');
    expect(result.stdout).toContain('2024年值班值守');
    expect(result.stderr).toContain('commands |');
    expect(result.stderr).not.toContain('recording: ');
  });

  it('exits with code 2 as a process, through the real entry point', () => {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--conditions=@safeledger/source', 'src/cli/main.ts', '--store', 'nope'],
      { cwd: packageDir, encoding: 'utf8' },
    );
    expect(child.status).toBe(2);
    expect(child.stderr).toContain('Usage: pnpm demo');
  });
});
