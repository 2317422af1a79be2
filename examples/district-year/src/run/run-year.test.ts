import { type StoredEvent, toArray } from '@safeledger/core';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import { runYear } from './run-year.js';

const smallPath = new URL('../../scenarios/small.json', import.meta.url).pathname;

async function eventsOf(scenario: Scenario): Promise<StoredEvent[]> {
  const run = await runYear({ scenario, target: { kind: 'memory' } });
  try {
    return await toArray(run.store.readAll());
  } finally {
    await run.store.close();
  }
}

/** A naive fold of raw hazard events into the figures of §7.2, independent of any read model. */
function figures(events: readonly StoredEvent[], campaign: string) {
  const hazards = new Map<string, { campaigns: string[]; grade: string; closed: boolean }>();
  for (const event of events) {
    const data = event.data as { hazardId: string; campaignIds?: string[]; grade?: string };
    if (event.type === 'HazardRegistered') {
      hazards.set(data.hazardId, {
        campaigns: data.campaignIds ?? [],
        grade: data.grade ?? 'general',
        closed: false,
      });
    }
    if (event.type === 'HazardClosed') {
      const hazard = hazards.get(data.hazardId);
      if (hazard) hazard.closed = true;
    }
  }
  const inCampaign = [...hazards.values()].filter((h) => h.campaigns.includes(campaign));
  const majors = inCampaign.filter((h) => h.grade === 'major');
  return {
    found: inCampaign.length,
    rectified: inCampaign.filter((h) => h.closed).length,
    majors: {
      closed: majors.filter((h) => h.closed).length,
      open: majors.filter((h) => !h.closed).length,
    },
  };
}

describe('the generated year', () => {
  const scenario = loadScenario(smallPath);

  it('is the same for the same seed, event for event, ids and times included', async () => {
    const first = await eventsOf(scenario);
    const second = await eventsOf(scenario);
    expect(first.length).toBeGreaterThan(100);
    expect(second).toEqual(first);
  });

  it('differs for another seed', async () => {
    const first = await eventsOf(scenario);
    const other = await eventsOf({ ...scenario, seed: scenario.seed + 1 });
    expect(other.map((e) => e.eventId)).not.toEqual(first.map((e) => e.eventId));
  });

  it('goes through the command handlers only: every event carries its command id', async () => {
    const events = await eventsOf(scenario);
    // The enterprise registrar claims each credit code (E-1) before its registration command
    // runs: a claim is the library's uniqueness record, and its owner's registration carries
    // the command id.
    const claims = events.filter((event) => event.type === 'UniqueKeyClaimed');
    const commanded = events.filter((event) => event.type !== 'UniqueKeyClaimed');
    expect(commanded.every((event) => typeof event.metadata.commandId === 'string')).toBe(true);
    const registered = new Set(
      commanded.filter((e) => e.type === 'EnterpriseRegistered').map((e) => e.streamId),
    );
    expect(claims.map((claim) => (claim.data as { owner: string }).owner).sort()).toEqual(
      [...registered].sort(),
    );
    expect(new Set(events.map((event) => event.metadata.commandType))).toContain('RegisterHazard');
  });

  it('holds the figures of the file in its raw events, pool by pool', async () => {
    const events = await eventsOf(scenario);
    const { pools, campaigns, venues } = scenario;
    expect(figures(events, campaigns.multiTenant)).toEqual(pools.multiTenant.hazards);
    expect(figures(events, campaigns.enforcement)).toEqual(pools.enforcement.hazards);
    expect(figures(events, campaigns.handover)).toEqual(pools.handover.hazards);
    expect(figures(events, campaigns.service)).toEqual(pools.service.hazards);
    expect(figures(events, campaigns.venue)).toEqual(venues.hazards);
    const root = figures(events, campaigns.root);
    const sum = (pick: (pool: typeof pools.other.hazards) => number) =>
      Object.values(pools).reduce((total, pool) => total + pick(pool.hazards), 0);
    expect(root).toEqual({
      found: sum((p) => p.found),
      rectified: sum((p) => p.rectified),
      majors: { closed: sum((p) => p.majors.closed), open: sum((p) => p.majors.open) },
    });
    expect(figures(events, campaigns.majors).found).toBe(root.majors.closed + root.majors.open);
  });
});
