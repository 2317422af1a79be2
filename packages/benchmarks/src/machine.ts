import os from 'node:os';

/** What the numbers were measured on; printed with every report. */
export interface MachineDescription {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly versions: Readonly<Record<string, string>>;
  /** The machine's load average around the run: other work slows every contender alike, not evenly. */
  readonly load?: { readonly start: number; readonly end: number };
}

/** Describes this machine plus the versions of the software under test. */
export function describeMachine(
  versions: Record<string, string>,
  load?: { start: number; end: number },
): MachineDescription {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    versions,
    ...(load === undefined ? {} : { load }),
  };
}
