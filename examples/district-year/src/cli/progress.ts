import cliProgress from 'cli-progress';
import type { RunProgress } from '../run/run-year.js';

/** Where the demo writes: the report to `out`, progress and summaries to `err`. */
export interface DemoIo {
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream & { readonly isTTY?: boolean };
}

/** Shows a run's progress: a live bar on a terminal, plain lines (every tenth) otherwise. */
export interface ProgressView {
  update(progress: RunProgress): void;
  stop(): void;
}

/**
 * A progress view on `io.err`. On a terminal it is a cli-progress bar with counts, events per
 * second and the business date reached; elsewhere (CI logs, pipes) one plain line per tenth of
 * the commands, so logs stay readable.
 */
export function createProgressView(io: DemoIo): ProgressView {
  const started = performance.now();
  const rate = (events: number) =>
    Math.round(events / Math.max((performance.now() - started) / 1000, 0.001));
  if (io.err.isTTY === true) {
    const bar = new cliProgress.SingleBar(
      {
        stream: io.err,
        format:
          'recording {bar} {percentage}% | {value}/{total} commands | {events} events | {rate} events/s | {date}',
        hideCursor: true,
        etaBuffer: 200,
      },
      cliProgress.Presets.shades_classic,
    );
    let begun = false;
    return {
      update(p) {
        const payload = { events: p.events, rate: rate(p.events), date: p.at.slice(0, 10) };
        if (!begun) {
          bar.start(p.total, p.done, payload);
          begun = true;
        } else bar.update(p.done, payload);
      },
      stop: () => bar.stop(),
    };
  }
  let nextTenth = 1;
  return {
    update(p) {
      if (p.done * 10 < nextTenth * p.total && p.done !== p.total) return;
      while (p.done * 10 >= nextTenth * p.total) nextTenth += 1;
      io.err.write(
        `recording: ${p.done}/${p.total} commands, ${p.events} events, ${rate(p.events)} events/s, at ${p.at.slice(0, 10)}\n`,
      );
    },
    stop() {},
  };
}
