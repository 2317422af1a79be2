import { createUlidGenerator, toArray } from '@safeledger/core';
import { createPostgresEventStore, migrate } from '@safeledger/store-postgres';
import pg from 'pg';
import type { BenchEvent } from '../bench-event.js';
import type { HazardPathSubject } from '../workloads/hazard-path.js';
import { benchHazardRegistry, benchRegistry } from './registries.js';
import { safeledgerTarget } from './safeledger-target.js';
import type { Contender } from './target.js';

let counter = 0;
const freshSchema = (label: string) => `bench_${label}_${process.pid}_${++counter}`;

async function dropSchema(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Our PostgreSQL store in a fresh schema, with a pool as large as the writer count. */
export function safeledgerPostgres(connectionString: string): Contender {
  return {
    name: 'safeledger postgres',
    family: 'postgres',
    kind: 'safeledger',
    open: async ({ concurrency }) => {
      const schema = freshSchema('ours');
      const store = createPostgresEventStore(
        { connectionString },
        { schema, registry: benchRegistry(), poolSize: Math.max(concurrency, 2) },
      );
      return safeledgerTarget(store, 'postgres', 'synchronous_commit on', () =>
        dropSchema(connectionString, schema),
      );
    },
  };
}

/**
 * pg calling the same append function with the same parameters our store sends, through a
 * named prepared statement, with none of our layers: the ceiling for our PostgreSQL store.
 */
export function rawPostgres(connectionString: string): Contender {
  return {
    name: 'raw pg',
    family: 'postgres',
    kind: 'raw',
    open: async ({ concurrency }) => {
      const schema = freshSchema('raw');
      await migrate({ connectionString }, { schema });
      const pool = new pg.Pool({ connectionString, max: Math.max(concurrency, 2) });
      const newId = createUlidGenerator();
      const appendSql = `SELECT kind, version FROM "${schema}".append_events($1, $2, $3, $4::jsonb, $5)`;
      // The statement our store reads a stream with: same columns, same order, same page size.
      const readSql = `SELECT e.epoch, e.xid::text AS xid, e.seq, e.event_id, e.stream_id, e.version, e.type,
  e.schema_version, e.data, e.metadata,
  to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at
FROM "${schema}".events e WHERE e.tenant_id = $1 AND e.stream_id = $2 AND e.version >= 1
ORDER BY e.version LIMIT 1000`;
      const append = async (streamId: string, expected: number, events: readonly BenchEvent[]) => {
        const recordedAt = new Date().toISOString();
        const payload = JSON.stringify(
          events.map((event) => ({
            i: newId(),
            t: event.type,
            v: 1,
            d: event.data,
            m: { occurredAt: recordedAt },
          })),
        );
        const result = await pool.query({
          name: 'bench-append',
          text: appendSql,
          values: ['default', streamId, expected, payload, recordedAt],
        });
        if (result.rows[0]?.kind !== 'ok')
          throw new Error(`raw append to ${streamId} was ${result.rows[0]?.kind}`);
      };
      return {
        family: 'postgres',
        kind: 'raw',
        settings: 'synchronous_commit on',
        appendOne: (streamId, expected, event) => append(streamId, expected, [event]),
        appendBatch: (streamId, events) => append(streamId, 0, events),
        loadStream: async (streamId) => {
          const result = await pool.query({
            name: 'bench-read',
            text: readSql,
            values: ['default', streamId],
          });
          return (
            await toArray(
              (async function* () {
                yield* result.rows;
              })(),
            )
          ).length;
        },
        close: async () => {
          await pool.end();
          await dropSchema(connectionString, schema);
        },
      };
    },
  };
}

/** Our PostgreSQL store for the rebuild and hazard workloads. */
export function postgresSubjects(connectionString: string): HazardPathSubject[] {
  return [
    {
      name: 'safeledger postgres',
      family: 'postgres',
      settings: 'synchronous_commit on',
      open: async () => {
        const schema = freshSchema('subject');
        const store = createPostgresEventStore(
          { connectionString },
          { schema, registry: benchHazardRegistry() },
        );
        return {
          store,
          close: async () => {
            await store.close();
            await dropSchema(connectionString, schema);
          },
        };
      },
    },
  ];
}

/** The server's version string. */
export async function postgresServerVersion(connectionString: string): Promise<string> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version ?? 'unknown';
  } finally {
    await client.end();
  }
}
