import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventRegistry, createProjectionRunner, hazardEvents } from '@safeledger/core';
import { createSqliteEventStore } from '@safeledger/store-sqlite';
import { expect, it } from 'vitest';
import { developmentVerification, mintDevelopmentToken } from './dev-keys.js';
import { hazardActivity } from './projections/hazard-activity.js';
import { startService } from './service.js';

it('a graceful stop finishes the command in flight, refuses new requests and releases the lease', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'safeledger-http-stop-'));
  const path = join(folder, 'service.db');
  try {
    const service = await startService({
      port: 0,
      sqlitePath: path,
      instance: 'first',
      verification: developmentVerification(),
      pollIntervalMs: 20,
    });
    await service.runner.catchUp();
    const token = await mintDevelopmentToken({ sub: 'li' });
    // Stop as soon as the request has arrived, while its command is still to run.
    const stopped = new Promise<void>((resolve, reject) => {
      service.app.server.once('request', () => {
        service.stop().then(resolve, reject);
      });
    });
    const inFlight = fetch(`${service.url}/hazards/h-1/register-hazard`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        subject: { kind: 'enterprise', id: 'works' },
        description: 'Extinguisher missing',
        location: 'Office',
        nature: 'unsafe_condition',
        grade: 'general',
        source: 'self_inspection',
        deadline: '2099-01-31',
      }),
    });
    await stopped;
    expect((await inFlight).status).toBe(200);
    await expect(fetch(`${service.url}/healthz`)).rejects.toThrow();

    // The lease was released: another runner takes the projection at once, without waiting
    // for the lease to expire, and applies the acknowledged command.
    const store = createSqliteEventStore(
      { path },
      { registry: createEventRegistry({ events: hazardEvents }) },
    );
    const runner = createProjectionRunner({
      store,
      projections: [hazardActivity],
      owner: 'second',
      leaseTtlMs: 600_000,
      pollIntervalMs: 20,
    });
    runner.start();
    await runner.catchUp({ timeoutMs: 10_000 });
    expect(runner.status()[0]?.state).toBe('active');
    const document = (await store.projections.getDocument(hazardActivity.name, 'hazard-h-1')) as {
      events: number;
    };
    expect(document.events).toBe(1);
    await runner.stop();
    await store.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
