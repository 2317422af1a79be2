import type { MachineDescription } from './machine.js';
import type { TargetCheck } from './targets-check.js';
import type { Result } from './workloads/workload.js';

const rate = (value: number) => Math.round(value).toLocaleString('en-US');

/** SQLite's synchronous setting named in a contender's settings (`null` where none is). */
const synchronousOf = (r: Result) => /synchronous (NORMAL|FULL)\b/.exec(r.settings)?.[1] ?? null;

function ratioCell(ours: Result, others: readonly Result[], kind: 'emmett' | 'raw'): string {
  if (ours.kind !== 'safeledger') return '';
  // Equal durability only: our NORMAL row has no Emmett ratio (Emmett's SQLite store syncs every
  // commit) and each of our rows meets the raw driver at its own setting.
  const other = others.find(
    (r) =>
      r.workload === ours.workload &&
      r.family === ours.family &&
      r.kind === kind &&
      synchronousOf(r) === synchronousOf(ours),
  );
  // A failed side has no throughput, so there is no ratio to show.
  if (other === undefined || other.failure !== undefined || ours.failure !== undefined) return '—';
  const value = ours.perSecond / other.perSecond;
  return kind === 'raw' ? `${(value * 100).toFixed(0)}%` : `${value.toFixed(2)}×`;
}

/** The throughput, or why the contender has none: it threw, crashed or ran out of time. */
function throughputCell(r: Result): string {
  if (r.failure !== undefined)
    return `failed: ${r.failure.replaceAll('|', '\\|').replaceAll('\n', ' ')}`;
  // With several repeats, their spread: one run's machine noise, visible next to the median.
  if (r.samples.length < 2) return `${rate(r.perSecond)} ${r.unit}`;
  return `${rate(r.perSecond)} ${r.unit} (min ${rate(Math.min(...r.samples))}, max ${rate(Math.max(...r.samples))})`;
}

/** The results as markdown tables, one per workload, with ratios within each storage family. */
export function renderTables(results: readonly Result[]): string {
  const workloads = [...new Set(results.map((r) => r.workload))];
  const sections = workloads.map((workload) => {
    const rows = results.filter((r) => r.workload === workload);
    const lines = [
      `### ${workload}`,
      '',
      '| contender | settings | throughput | ours / Emmett | ours / raw driver |',
      '|---|---|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${r.contender} | ${r.settings} | ${throughputCell(r)} | ${ratioCell(r, results, 'emmett')} | ${ratioCell(r, results, 'raw')} |`,
      ),
    ];
    return lines.join('\n');
  });
  return sections.join('\n\n');
}

/** The targets with their measured values, and what limits each missed one. */
export function renderTargets(checks: readonly TargetCheck[]): string {
  const missed = checks.filter((c) => c.met === false);
  const mark = (c: TargetCheck) =>
    c.withinNoise === true ? 'within noise' : c.met === undefined ? '—' : c.met ? 'yes' : 'no';
  return [
    '| target | measured | met |',
    '|---|---:|:---:|',
    ...checks.map((c) => `| ${c.statement} | ${c.measured} | ${mark(c)} |`),
    ...(missed.length === 0 ? [] : ['', 'Where a target is missed, what limits it:', '']),
    ...missed.map(
      (c) => `- ${c.statement}: limited by ${c.limit ?? 'a cause this run does not pin down'}.`,
    ),
  ].join('\n');
}

/** The machine and software the run measured. */
export function renderMachine(machine: MachineDescription): string {
  return [
    `- CPU: ${machine.cpu}, ${machine.cores} cores; memory ${machine.memoryGiB} GiB; ${machine.os}`,
    `- Node.js ${machine.node}`,
    ...Object.entries(machine.versions).map(([name, version]) => `- ${name} ${version}`),
    ...(machine.load === undefined
      ? []
      : [
          `- Load (1-minute average, all processes): ${machine.load.start.toFixed(2)} when the run started, ${machine.load.end.toFixed(2)} when it ended`,
          // Say it in words when other work outnumbered the cores: every figure is then slower
          // than on an idle machine, and ratios move between runs.
          ...(Math.max(machine.load.start, machine.load.end) > machine.cores
            ? [
                `- **Run under load**: other work kept more processes runnable than the machine has cores, so every figure is slower than on an idle machine and ratios move between runs`,
              ]
            : []),
        ]),
  ].join('\n');
}
