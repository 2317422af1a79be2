import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A path for a database file that does not exist yet, unique across processes and runs. */
export function tempDatabasePath(label: string): string {
  return join(tmpdir(), `safeledger-sqlite-${label}-${process.pid}-${randomUUID()}.db`);
}

/** Deletes a database file with its WAL, shared-memory and rollback-journal companions. */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    rmSync(`${path}${suffix}`, { force: true });
}
