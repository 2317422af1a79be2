import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { developmentVerification } from './dev-keys.js';
import { type RunningService, startService } from './service.js';

/** One store a route test runs the service on. */
export interface ServiceStore {
  readonly name: 'SQLite' | 'PostgreSQL';
  /** Starts an instance on a free port; its `stop` also drops what the test left behind. */
  start(): Promise<RunningService>;
}

/**
 * The stores a route test runs on, for `describe.each`: SQLite in a fresh folder, and the
 * PostgreSQL server of this run (`pgUrl`) in a fresh schema, so the same requests prove both.
 * `name` keeps the files, schemas and instance names of one test file apart from another's.
 */
export function serviceOnStores(name: string): readonly ServiceStore[] {
  const options = { port: 0, verification: developmentVerification(), pollIntervalMs: 20 };
  return [
    {
      name: 'SQLite',
      async start() {
        const folder = mkdtempSync(join(tmpdir(), `safeledger-${name}-`));
        const service = await startService({
          ...options,
          sqlitePath: join(folder, `${name}.db`),
          instance: `${name}-sqlite`,
        });
        return {
          ...service,
          async stop() {
            await service.stop();
            rmSync(folder, { recursive: true, force: true });
          },
        };
      },
    },
    {
      name: 'PostgreSQL',
      start: () =>
        startService({
          ...options,
          pgUrl: inject('pgUrl'),
          pgSchema: `http_${name}_${process.pid}_${Date.now().toString(36)}`,
          instance: `${name}-pg`,
        }),
    },
  ];
}
