import {
  createCommandHandler,
  createEventRegistry,
  createProjectionRunner,
  isRuleViolation,
} from '@safeledger/core';
import { createMemoryEventStore } from '@safeledger/store-memory';
import { ObservationClosed, ObservationRecorded, observationDecider } from './observation.js';
import { openBySite } from './open-by-site.js';

/** Runs the quickstart and returns the lines it prints. */
export async function runQuickstart(): Promise<string[]> {
  const lines: string[] = [];
  const registry = createEventRegistry({ events: [ObservationRecorded, ObservationClosed] });
  const store = createMemoryEventStore({ registry });
  const handle = createCommandHandler({ store, decider: observationDecider });
  const actor = { personId: 'p-7', role: 'SafetyOfficer', enterpriseId: 'ent-1' };

  await handle(
    'observation-1',
    { kind: 'record', site: 'warehouse', description: 'blocked exit', severity: 'high' },
    {
      commandId: 'cmd-1',
      metadata: { actor },
    },
  );
  await handle(
    'observation-2',
    { kind: 'record', site: 'warehouse', description: 'loose cable', severity: 'low' },
    {
      commandId: 'cmd-2',
      metadata: { actor },
    },
  );
  await handle(
    'observation-3',
    { kind: 'record', site: 'yard', description: 'no helmet', severity: 'high' },
    {
      commandId: 'cmd-3',
      metadata: { actor },
    },
  );
  const closed = await handle(
    'observation-1',
    { kind: 'close', action: 'exit cleared' },
    { commandId: 'cmd-4' },
  );
  lines.push(`observation-1 is ${closed.state.status} at version ${closed.nextVersion}`);

  // Retrying a command with the same id appends nothing and returns the original events.
  const retry = await handle(
    'observation-1',
    { kind: 'close', action: 'exit cleared' },
    { commandId: 'cmd-4' },
  );
  lines.push(`retried cmd-4: duplicate=${retry.duplicate}, events=${retry.events.length}`);

  try {
    await handle('observation-1', { kind: 'close', action: 'again' });
  } catch (error) {
    if (!isRuleViolation(error)) throw error;
    lines.push(`rejected: ${error.message}`);
  }

  const runner = createProjectionRunner({ store, projections: [openBySite] });
  await runner.catchUp();
  await runner.stop();
  const doc = (await store.projections.getDocument(openBySite.name, 'singleton')) as {
    open: Record<string, string[]>;
  };
  for (const [site, ids] of Object.entries(doc.open))
    lines.push(`open at ${site}: ${ids.join(', ') || 'none'}`);

  await store.close();
  return lines;
}
