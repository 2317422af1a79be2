import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './schema.js';
import { removeDatabaseFiles, tempDatabasePath } from './test-support/temp-files.js';
import { runAppendWorkers, startSubscriber, type WorkerOutcome } from './test-support/workers.js';

const paths: string[] = [];
afterEach(() => {
  for (const path of paths.splice(0)) removeDatabaseFiles(path);
});

function newPath(label: string): string {
  const path = tempDatabasePath(label);
  paths.push(path);
  return path;
}

function expectSuccess(outcomes: readonly WorkerOutcome[]): void {
  for (const outcome of outcomes) {
    expect(outcome.report, `worker failed: ${outcome.stderr}`).toMatchObject({ kind: 'done' });
    expect(outcome.exitCode, outcome.stderr).toBe(0);
  }
}

type Row = { event_id: string; stream_id: string; version: number; position: number };

describe('several processes on one database file', () => {
  it('two processes appending 5,000 events each at once lose nothing and never see SQLITE_BUSY', async () => {
    const path = newPath('two-writers');
    const sharedStream = 'shared-counter';
    const outcomes = await runAppendWorkers(
      ['a', 'b'].map((worker) => ({
        path,
        worker,
        events: 5_000,
        sharedStream,
        busyTimeoutMs: 30_000,
      })),
    );
    // A BUSY reaching the caller would have ended a worker with a failed report.
    expectSuccess(outcomes);

    const db = new Database(path, { readonly: true });
    try {
      const rows = db
        .prepare(
          'SELECT event_id, stream_id, version, position FROM safeledger_events ORDER BY position',
        )
        .all() as Row[];
      expect(rows).toHaveLength(10_000);
      expect(new Set(rows.map((row) => row.event_id)).size).toBe(10_000);
      expect(new Set(rows.map((row) => row.position)).size).toBe(10_000);

      // Versions per stream are exactly 1..n, in position order: no gap, no duplicate.
      const byStream = new Map<string, Row[]>();
      for (const row of rows)
        byStream.set(row.stream_id, [...(byStream.get(row.stream_id) ?? []), row]);
      expect([...byStream.keys()].sort()).toEqual(['private-a', 'private-b', sharedStream]);
      for (const [streamId, streamRows] of byStream) {
        expect(
          streamRows.map((row) => row.version),
          streamId,
        ).toEqual(streamRows.map((_, index) => index + 1));
      }

      // Every append a worker was told succeeded is stored exactly as reported.
      const byId = new Map(rows.map((row) => [row.event_id, row]));
      let reported = 0;
      for (const outcome of outcomes) {
        if (outcome.report?.kind !== 'done') continue;
        for (const batch of outcome.report.batches) {
          batch.eventIds.forEach((eventId, index) => {
            const row = byId.get(eventId);
            expect(row).toMatchObject({
              stream_id: batch.streamId,
              version: batch.firstVersion + index,
            });
          });
          expect(batch.nextVersion).toBe(batch.firstVersion + batch.eventIds.length - 1);
          expect(Number(batch.position)).toBe(byId.get(batch.eventIds.at(-1)!)!.position);
          reported += batch.eventIds.length;
        }
      }
      expect(reported).toBe(10_000);
    } finally {
      db.close();
    }
  }, 120_000);

  it('three processes opening the same new file at once all migrate it safely and append', async () => {
    const path = newPath('migrate-race');
    const outcomes = await runAppendWorkers(
      ['x', 'y', 'z'].map((worker) => ({
        path,
        worker,
        events: 20,
        sharedStream: 'shared-race',
        busyTimeoutMs: 30_000,
      })),
    );
    expectSuccess(outcomes);
    const db = new Database(path, { readonly: true });
    try {
      expect(
        db
          .prepare('SELECT version FROM safeledger_schema_migrations ORDER BY version')
          .pluck()
          .all(),
      ).toEqual(MIGRATIONS.map((migration) => migration.version));
      expect(db.prepare('SELECT count(*) FROM safeledger_events').pluck().get()).toBe(60);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  }, 120_000);

  it('gap safety across processes: two appending, a third subscribed sees every event once, in order', async () => {
    const path = newPath('gap-safety');
    // The subscriber opens (and creates) the file first, then the two writers race on it.
    const subscriber = await startSubscriber(path);
    try {
      const outcomes = await runAppendWorkers(
        ['a', 'b'].map((worker) => ({
          path,
          worker,
          events: 2_000,
          sharedStream: 'shared-gap',
          busyTimeoutMs: 30_000,
        })),
      );
      expectSuccess(outcomes);
      const db = new Database(path, { readonly: true });
      let stored: Array<{ event_id: string; position: number }>;
      try {
        stored = db
          .prepare('SELECT event_id, position FROM safeledger_events ORDER BY position')
          .all() as Array<{ event_id: string; position: number }>;
      } finally {
        db.close();
      }
      expect(stored).toHaveLength(4_000);
      const head = String(stored.at(-1)!.position).padStart(19, '0');
      const seen = await subscriber.drain(head);
      // Exactly the stored events, each once, in position order: nothing skipped while the two
      // writers' transactions interleaved.
      expect(seen.map((event) => event.eventId)).toEqual(stored.map((row) => row.event_id));
      const positions = seen.map((event) => event.position);
      expect(positions.every((position, i) => i === 0 || position > positions[i - 1]!)).toBe(true);
    } finally {
      subscriber.kill();
    }
  }, 120_000);
});
