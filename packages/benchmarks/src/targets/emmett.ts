import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import type { BenchEvent } from '../bench-event.js';
import type { AppendTarget, Contender, Family } from './target.js';
import { tempDatabase } from './temp-file.js';

const peersDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.peers');

/** True once `pnpm bench:setup` has installed Emmett next to the benchmark. */
export function emmettInstalled(): boolean {
  return existsSync(
    join(peersDir, 'node_modules', '@event-driven-io', 'emmett-sqlite', 'package.json'),
  );
}

/** Versions of the Emmett packages installed by `pnpm bench:setup`. */
export function emmettVersions(): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of [
    '@event-driven-io/emmett',
    '@event-driven-io/emmett-sqlite',
    '@event-driven-io/emmett-postgresql',
  ]) {
    // Read from disk: the packages do not export their package.json.
    const manifest = join(peersDir, 'node_modules', ...name.split('/'), 'package.json');
    versions[name] = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  }
  return versions;
}

// Emmett is not a workspace dependency: it is loaded from the separate peers folder.
async function load(name: string): Promise<any> {
  const require = createRequire(join(peersDir, 'package.json'));
  return import(pathToFileURL(require.resolve(name)).href);
}

// Emmett's event stores share one interface; only their construction differs.
function emmettTarget(
  store: any,
  family: Family,
  settings: string,
  cleanup: () => Promise<void>,
): AppendTarget {
  return {
    family,
    kind: 'emmett',
    settings,
    async appendOne(streamId, expected, event) {
      await store.appendToStream(streamId, [event], {
        expectedStreamVersion: expected === 0 ? 'STREAM_DOES_NOT_EXIST' : BigInt(expected),
      });
    },
    async appendBatch(streamId, events: readonly BenchEvent[]) {
      await store.appendToStream(streamId, [...events], {
        expectedStreamVersion: 'STREAM_DOES_NOT_EXIST',
      });
    },
    async loadStream(streamId) {
      // Emmett's own fold, as its command handler loads state.
      const result = await store.aggregateStream(streamId, {
        initialState: () => 0,
        evolve: (count: number) => count + 1,
      });
      return result.state;
    },
    close: cleanup,
  };
}

/** Emmett's in-memory event store. */
export const emmettMemory: Contender = {
  name: 'emmett memory',
  family: 'memory',
  kind: 'emmett',
  open: async () => {
    const { getInMemoryEventStore } = await load('@event-driven-io/emmett');
    return emmettTarget(getInMemoryEventStore(), 'memory', 'in-process', async () => {});
  },
};

/** Emmett's SQLite event store (the `sqlite3` driver) with its own settings: WAL, SQLite's default synchronous FULL. */
export const emmettSqlite: Contender = {
  name: 'emmett sqlite',
  family: 'sqlite',
  kind: 'emmett',
  open: async () => {
    const { getSQLiteEventStore, sqliteConnection } = await load('@event-driven-io/emmett-sqlite');
    const file = tempDatabase('emmett');
    // Emmett switches to WAL with a PRAGMA it does not await; when its first transaction starts
    // first, SQLite refuses the switch. WAL is a property of the file, so set it up front.
    const setup = new Database(file.path);
    setup.pragma('journal_mode = WAL');
    setup.close();
    // One connection for the whole run, Emmett's own `singleton` option. By default its store
    // opens a connection per call, and each new connection issues that un-awaited PRAGMA again:
    // a COMMIT that overtakes it fails with SQLITE_BUSY ("SQL statements in progress"), which
    // ended whole runs. A reused connection is also how an application would keep one open.
    const connection = sqliteConnection({ fileName: file.path });
    await connection.query('SELECT 1');
    const store = getSQLiteEventStore({
      fileName: file.path,
      schema: { autoMigration: 'CreateOrUpdate' },
      connectionOptions: { singleton: true, connection },
    });
    return emmettTarget(store, 'sqlite', 'WAL, synchronous FULL (SQLite default)', async () => {
      connection.close();
      file.remove();
    });
  },
};

/**
 * Emmett's PostgreSQL event store in a fresh database (its schema lives in `public`, so a
 * database per run is the clean way to start empty), with a pool as large as the writer count.
 */
export function emmettPostgres(connectionString: string): Contender {
  return {
    name: 'emmett postgres',
    family: 'postgres',
    kind: 'emmett',
    open: async ({ concurrency }) => {
      const { getPostgreSQLEventStore } = await load('@event-driven-io/emmett-postgresql');
      const { default: pg } = await load('pg');
      const database = `bench_emmett_${process.pid}_${++databases}`;
      await adminQuery(pg, connectionString, `CREATE DATABASE ${database}`);
      const url = new URL(connectionString);
      url.pathname = `/${database}`;
      const pool = new pg.Pool({ connectionString: url.toString(), max: Math.max(concurrency, 2) });
      pool.on('error', () => {}); // an idle connection dropping must not crash the run
      const store = getPostgreSQLEventStore(url.toString(), {
        connectionOptions: { pooled: true, pool },
      });
      return emmettTarget(store, 'postgres', 'synchronous_commit on', async () => {
        await store.close();
        await pool.end().catch(() => {});
        // Closing may return before every connection has gone; dropping the database under a
        // live connection would kill it and crash its client, so wait for them to leave.
        await waitForNoConnections(pg, connectionString, database);
        await adminQuery(pg, connectionString, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      });
    },
  };
}

let databases = 0;

async function waitForNoConnections(
  pg: any,
  connectionString: string,
  database: string,
): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      const { rows } = await client.query(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
        [database],
      );
      if (rows[0].n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}

async function adminQuery(pg: any, connectionString: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
