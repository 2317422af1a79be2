import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { htmlReport } from '../html/html-report.js';
import { buildReport, renderReport } from '../report/build-report.js';
import { runYear } from '../run/run-year.js';
import type { StoreTarget } from '../run/stores.js';
import { defaultScenarioPath, loadScenario, ScenarioError } from '../scenario/load.js';
import { readLedgers } from '../xlsx/ledger-rows.js';
import { writeLedgerWorkbook } from '../xlsx/ledger-workbook.js';
import { type DemoOptions, parseDemoArgs, UsageError, usage } from './args.js';
import { createProgressView, type DemoIo } from './progress.js';

/**
 * Runs the demo: parse arguments, validate the scenario (before any store is opened), record
 * the year, print the report, write the optional HTML page and workbook. Returns the exit code.
 */
export async function runDemo(
  argv: readonly string[],
  io: DemoIo,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  let options: DemoOptions;
  try {
    // `pnpm demo -- --flag` hands the separator on; it means nothing here.
    options = resolvePaths(parseDemoArgs(argv[0] === '--' ? argv.slice(1) : argv, env), env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err.write(`error: ${error.message}\n\n${usage}\n`);
    return 2;
  }
  if (options.help) {
    io.out.write(`${usage}\n`);
    return 0;
  }
  let scenario: ReturnType<typeof loadScenario>;
  try {
    scenario = loadScenario(options.scenario ?? defaultScenarioPath);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    io.err.write(`error: the scenario cannot be run; nothing was written.\n${error.message}\n`);
    return 1;
  }
  const target = storeTarget(options);
  io.err.write(`scenario: ${scenario.name}\nstore: ${describeTarget(target)}\n`);
  const progress = createProgressView(io);
  const started = performance.now();
  const run = await runYear({ scenario, target, onProgress: (p) => progress.update(p) });
  progress.stop();
  try {
    const recorded = performance.now();
    const t = run.timings;
    io.err.write(
      `phases: plan ${(t.generate / 1000).toFixed(1)} s, commands ${(t.commands / 1000).toFixed(1)} s ` +
        `(${Math.round(run.commands / (t.commands / 1000))} commands/s), ` +
        `read models caught up ${(t.projections / 1000).toFixed(1)} s ` +
        `(${Math.round(run.events / (t.projections / 1000))} events/s)\n`,
    );
    const report = await buildReport({
      scenario,
      store: run.store,
      directory: run.world.directory,
      policy: run.policy,
    });
    const reported = performance.now();
    for (const line of renderReport(report.lines, scenario, options.lang))
      io.out.write(`${line}\n`);
    if (options.html !== undefined) {
      writeFileSync(options.html, htmlReport(report, scenario, options.lang));
      io.err.write(`wrote the HTML report to ${options.html}\n`);
    }
    if (options.xlsx !== undefined) {
      // The ledgers' rows come from the hazard read models (P-1, P-5, P-6).
      const { rows } = await readLedgers({
        scenario,
        store: run.store,
        policy: run.policy,
        locale: options.lang,
      });
      await writeLedgerWorkbook(options.xlsx, rows, options.lang);
      io.err.write(`wrote the ledgers to ${options.xlsx}\n`);
    }
    const seconds = (recorded - started) / 1000;
    io.err.write(
      `recorded ${run.events} events from ${run.commands} commands in ${seconds.toFixed(1)} s ` +
        `(${Math.round(run.events / seconds)} events/s, ${Math.round(run.commands / seconds)} commands/s); ` +
        `report in ${((reported - recorded) / 1000).toFixed(1)} s; total ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } finally {
    await run.store.close();
  }
  return 0;
}

// pnpm runs the script in this package's folder; file names are meant from where the user
// typed the command, which pnpm passes on as INIT_CWD.
function resolvePaths(
  options: DemoOptions,
  env: Readonly<Record<string, string | undefined>>,
): DemoOptions {
  const base = env.INIT_CWD ?? process.cwd();
  const at = (path: string | undefined) => (path === undefined ? undefined : resolve(base, path));
  return {
    ...options,
    scenario: at(options.scenario),
    db: at(options.db),
    html: at(options.html),
    xlsx: at(options.xlsx),
  };
}

function storeTarget(options: DemoOptions): StoreTarget {
  switch (options.store) {
    case 'memory':
      return { kind: 'memory' };
    case 'sqlite':
      return {
        kind: 'sqlite',
        path: options.db ?? join(mkdtempSync(join(tmpdir(), 'safeledger-demo-')), 'events.db'),
      };
    case 'postgres':
      return { kind: 'postgres', url: options.pgUrl as string };
  }
}

function describeTarget(target: StoreTarget): string {
  switch (target.kind) {
    case 'memory':
      return 'memory';
    case 'sqlite':
      return `sqlite ${target.path}`;
    case 'postgres':
      return `postgres ${target.url.replace(/\/\/[^@/]*@/, '//…@')}`;
  }
}
