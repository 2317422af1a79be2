import { developmentVerification } from './dev-keys.js';
import { startService } from './service.js';

// Configuration from the environment, as a container or a process manager passes it.
const service = await startService({
  port: Number(process.env.PORT ?? 3000),
  host: process.env.HOST ?? '127.0.0.1',
  ...(process.env.PG_URL !== undefined ? { pgUrl: process.env.PG_URL } : {}),
  ...(process.env.PG_SCHEMA !== undefined ? { pgSchema: process.env.PG_SCHEMA } : {}),
  sqlitePath: process.env.SAFELEDGER_DB ?? 'safeledger.db',
  ...(process.env.SAFELEDGER_DIRECTORY !== undefined
    ? { directoryFile: process.env.SAFELEDGER_DIRECTORY }
    : {}),
  instance: process.env.INSTANCE ?? `http-${process.pid}`,
  verification: developmentVerification(),
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
  ...(process.env.LEASE_TTL_MS !== undefined
    ? { leaseTtlMs: Number(process.env.LEASE_TTL_MS) }
    : {}),
});
service.app.log.info({ url: service.url }, 'listening');

// SIGTERM (orchestrators) and SIGINT (a terminal): stop taking requests, finish in-flight
// commands, release the projection leases, close the store.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    service.app.log.info({ signal }, 'shutting down');
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        service.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
