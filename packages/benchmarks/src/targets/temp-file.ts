import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let counter = 0;

/** A fresh database file path and a function removing it with its WAL files. */
export function tempDatabase(label: string): { path: string; remove: () => void } {
  counter += 1;
  const path = join(tmpdir(), `safeledger-bench-${label}-${process.pid}-${counter}.db`);
  return {
    path,
    remove: () => {
      for (const suffix of ['', '-wal', '-shm', '-journal'])
        rmSync(`${path}${suffix}`, { force: true });
    },
  };
}
