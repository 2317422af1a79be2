import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildReport } from '../report/build-report.js';
import { runYear } from '../run/run-year.js';
import type { StoreTarget } from '../run/stores.js';
import { defaultScenarioPath, loadScenario } from '../scenario/load.js';

/**
 * Measures the whole 2024 year per store: planning, every command through its handler, the
 * read models caught up, the report's queries. Each store runs `--repeats` times from an empty
 * store; the medians go to docs/benchmarks-district-year.md (or stdout with `--no-write`).
 * Not a timed test: numbers depend on the machine and are reported, never asserted.
 */
const { values } = parseArgs({
  options: {
    repeats: { type: 'string', default: '3' },
    'no-write': { type: 'boolean', default: false },
  },
});
const repeats = Number(values.repeats);
const scenario = loadScenario(defaultScenarioPath);
type Kind = StoreTarget['kind'];
const kinds: Kind[] = ['memory', 'sqlite', ...(process.env.PG_URL ? (['postgres'] as const) : [])];

interface Sample {
  plan: number;
  commands: number;
  projections: number;
  report: number;
  events: number;
  commandCount: number;
}

async function sample(kind: Kind): Promise<Sample> {
  const dir = mkdtempSync(join(tmpdir(), 'district-year-bench-'));
  const target: StoreTarget =
    kind === 'memory'
      ? { kind }
      : kind === 'sqlite'
        ? { kind, path: join(dir, 'events.db') }
        : { kind, url: process.env.PG_URL as string, schema: `bench_${Date.now().toString(36)}` };
  const run = await runYear({ scenario, target });
  try {
    const started = performance.now();
    await buildReport({
      scenario,
      store: run.store,
      directory: run.world.directory,
      policy: run.policy,
    });
    return {
      plan: run.timings.generate,
      commands: run.timings.commands,
      projections: run.timings.projections,
      report: performance.now() - started,
      events: run.events,
      commandCount: run.commands,
    };
  } finally {
    await run.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};
const s = (ms: number) => (ms / 1000).toFixed(1);

// The machine may be shared: the load average says how much else was running.
const loadBefore = loadavg()[0] ?? 0;
const rows: string[][] = [];
for (const kind of kinds) {
  const samples: Sample[] = [];
  for (let i = 0; i < repeats; i++) {
    samples.push(await sample(kind));
    console.error(`${kind}: run ${i + 1}/${repeats} done`);
  }
  const m = (pick: (x: Sample) => number) => median(samples.map(pick));
  const first = samples[0] as Sample;
  const total = m((x) => x.plan + x.commands + x.projections + x.report);
  rows.push([
    kind,
    first.commandCount.toLocaleString('en'),
    first.events.toLocaleString('en'),
    `${s(m((x) => x.plan))} s`,
    `${s(m((x) => x.commands))} s`,
    Math.round(first.commandCount / (m((x) => x.commands) / 1000)).toLocaleString('en'),
    `${s(m((x) => x.projections))} s`,
    Math.round(first.events / (m((x) => x.projections) / 1000)).toLocaleString('en'),
    `${s(m((x) => x.report))} s`,
    `${s(total)} s`,
  ]);
}

/** A Markdown table with padded columns (as the formatter writes it), numbers right-aligned. */
function table(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

const markdown = `# Benchmarks: the district year

Measured by \`pnpm --filter @safeledger/example-district-year bench\`: the 2024 scenario file
(domain spec §7) recorded through the command handlers, one command after another in
business-time order, then the hazard ledger caught up from zero and the report's queries run.
Each number is the median of ${repeats} runs, each from an empty store, in one process. Phases:
**plan** builds the district and plans the year's commands; **commands** runs each through its
aggregate's handler (load the stream, decide with every rule, append); **catch-up** runs the
hazard ledger projection to the head of the log; **report** runs the §7.3 queries.

- CPU: ${cpus()[0]?.model.trim() ?? 'unknown'}, ${cpus().length} cores; memory ${Math.round(totalmem() / 2 ** 30)} GiB
- Node.js ${process.version}
- 1-minute load average ${loadBefore.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end
  (above the core count, other processes were competing for the CPU and the times stretch with it)

${table(['store', 'commands', 'events', 'plan', 'commands', 'commands/s', 'catch-up', 'events/s', 'report', 'total'], rows)}

Targets of the issue: the whole year at most 30 s on SQLite and 15 s in memory. Only the hazard
aggregate is driven today (the other aggregates' commands and read models are not in the run
yet), so these figures cover the hazard part of the year.
`;

console.log(markdown);
if (!values['no-write']) {
  const path = new URL('../../../../docs/benchmarks-district-year.md', import.meta.url).pathname;
  writeFileSync(path, markdown);
  console.error('written to docs/benchmarks-district-year.md');
}
