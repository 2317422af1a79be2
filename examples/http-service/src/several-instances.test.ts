import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createEventRegistry, evolveHazard, hazardEvents } from '@safeledger/core';
import { createPostgresEventStore } from '@safeledger/store-postgres';
import { afterAll, expect, inject, it } from 'vitest';
import { mintDevelopmentToken } from './dev-keys.js';
import type { HazardActivity } from './projections/hazard-activity.js';

// Two service processes on one PostgreSQL schema: commands go to both, the instance holding the
// projection lease is killed with SIGKILL mid-way, and the survivor must take the projection
// over and converge on exactly the acknowledged commands, each applied once.
const schema = `http_example_${process.pid}_${Date.now().toString(36)}`;
// tsx's CLI runs the program in a child process of its own, so a SIGKILL would miss the server;
// its loader runs the program in this very process.
const tsx = createRequire(import.meta.url).resolve('tsx');
const children: ChildProcess[] = [];

interface Instance {
  readonly name: string;
  readonly child: ChildProcess;
  readonly url: string;
}

async function launch(name: string): Promise<Instance> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      tsx,
      '--conditions=@safeledger/source',
      new URL('./main.ts', import.meta.url).pathname,
    ],
    {
      env: {
        ...process.env,
        PG_URL: inject('pgUrl'),
        PG_SCHEMA: schema,
        PORT: '0',
        INSTANCE: name,
        LEASE_TTL_MS: '1500',
        POLL_INTERVAL_MS: '25',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let errors = '';
  child.stderr?.on('data', (chunk) => {
    errors += String(chunk);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += String(chunk);
      for (const line of out.split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          const entry = JSON.parse(line) as { msg?: string; url?: string };
          if (entry.msg === 'listening' && entry.url !== undefined) resolve(entry.url);
        } catch {
          // a partial line: wait for the rest
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}: ${errors}`)));
    setTimeout(() => reject(new Error(`${name} did not start: ${errors}`)), 60_000);
  });
  return { name, child, url };
}

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

async function send(instance: Instance, path: string, body: unknown, key: string, sub: string) {
  try {
    const response = await fetch(`${instance.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await mintDevelopmentToken({ sub })}`,
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
    });
    return response.status;
  } catch {
    return 0; // the instance is gone: not acknowledged
  }
}

async function readiness(instance: Instance) {
  const response = await fetch(`${instance.url}/readyz`);
  return (await response.json()) as { status: string; lag?: { events: number; active: boolean } };
}

async function until(
  condition: () => Promise<boolean>,
  what: string,
  explain: () => Promise<unknown> = async () => '',
  timeoutMs = 30_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(await explain())}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const registration = {
  subject: { kind: 'enterprise', id: 'works' },
  description: 'Guard missing on conveyor',
  location: 'Line 2',
  nature: 'unsafe_condition',
  grade: 'general',
  source: 'self_inspection',
  deadline: '2099-01-31',
};

it('two instances share the projections; after a SIGKILL the survivor takes over and the ledger holds every acknowledged command once', async () => {
  const instances = [await launch('a'), await launch('b')];
  const acknowledged = new Map<string, string>(); // command id → hazard id
  const record = async (instance: Instance, hazardId: string, step: 'register' | 'complete') => {
    const key = `${step}-${hazardId}`;
    const status =
      step === 'register'
        ? await send(instance, `/hazards/${hazardId}/register-hazard`, registration, key, 'li')
        : await send(
            instance,
            `/hazards/${hazardId}/complete-rectification`,
            { actionsTaken: 'Guard refitted' },
            key,
            'li',
          );
    if (status === 200) acknowledged.set(key, hazardId);
    return status;
  };

  // Before the kill: both instances take commands.
  for (let i = 0; i < 20; i += 1) {
    expect(await record(instances[i % 2]!, `h-${i}`, 'register')).toBe(200);
  }
  await until(
    async () => (await Promise.all(instances.map(readiness))).some((r) => r.lag?.active),
    'one instance to hold the lease',
  );
  const states = await Promise.all(instances.map(readiness));
  const holder = instances[states.findIndex((r) => r.lag?.active)]!;
  const survivor = instances.find((instance) => instance !== holder)!;

  // Kill the lease holder while commands are in flight to both instances.
  const inFlight = Array.from({ length: 20 }, (_, i) =>
    record(instances[i % 2]!, `h-${i}`, 'complete'),
  );
  holder.child.kill('SIGKILL');
  await Promise.all(inFlight);
  // After the kill: the survivor takes every command, retried ones included.
  for (let i = 0; i < 20; i += 1) {
    expect(await record(survivor, `h-${i}`, 'complete')).toBe(200);
  }
  for (let i = 20; i < 30; i += 1) {
    expect(await record(survivor, `h-${i}`, 'register')).toBe(200);
  }

  await until(
    async () => {
      const state = await readiness(survivor);
      return state.lag?.active === true && state.lag.events === 0;
    },
    'the survivor to take over the projection and catch up',
    () => readiness(survivor),
  );

  const store = createPostgresEventStore(
    { connectionString: inject('pgUrl') },
    { schema, registry: createEventRegistry({ events: hazardEvents }) },
  );
  try {
    for (const hazardId of new Set(acknowledged.values())) {
      const document = (await store.projections.getDocument(
        'http-example.hazard-activity',
        `hazard-${hazardId}`,
      )) as HazardActivity;
      const expected = [...acknowledged].filter(([, id]) => id === hazardId).map(([key]) => key);
      // Each acknowledged command's events applied once, in order, and nothing else.
      expect(document.commandIds).toEqual(expected);
      let version = 0;
      let state = undefined as ReturnType<typeof evolveHazard> | undefined;
      for await (const event of store.readStream(`hazard-${hazardId}`)) {
        version = event.version;
        state = evolveHazard(state ?? { status: 'unregistered', version: 0 }, event as never);
      }
      expect(document.events).toBe(version);
      expect(document.version).toBe(version);
      expect(state?.status).toBe(
        acknowledged.has(`complete-${hazardId}`) ? 'awaiting_verification' : 'open',
      );
    }
    // 20 + 10 registrations and 20 completions; a completion retried after the kill reuses its key.
    expect(acknowledged.size).toBe(50);
  } finally {
    await store.close();
  }
  // SIGTERM is a graceful stop: the process releases its lease, closes the store and exits 0.
  const exited = new Promise((resolve) => survivor.child.once('exit', resolve));
  survivor.child.kill('SIGTERM');
  expect(await exited).toBe(0);
}, 180_000);
