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
    // Unique keys are claimed by the library before the command that needs them runs: case
    // numbers by the filing service (EC-1), credit codes by the enterprise registrar (E-1). Each
    // claim's owner is a filed case or a registered enterprise; every other event carries its
    // command id.
    const claims = events.filter((event) => event.type === 'UniqueKeyClaimed');
    const decided = events.filter((event) => event.type !== 'UniqueKeyClaimed');
    expect(decided.every((event) => typeof event.metadata.commandId === 'string')).toBe(true);
    const types = new Set(decided.map((event) => event.metadata.commandType));
    expect(types).toContain('RegisterHazard');
    expect(types).toContain('FileCase');
    // Owners: a filed case (its number), a registered enterprise (its credit code) or a
    // registered venue (its USCC or name and address, V-1; a venue may claim both).
    const owners = decided
      .filter((event) =>
        ['CaseFiled', 'EnterpriseRegistered', 'VenueRegistered'].includes(event.type),
      )
      .map((event) => event.streamId);
    expect(owners.length).toBeGreaterThan(0);
    expect(
      [...new Set(claims.map((event) => (event.data as { owner: string }).owner))].sort(),
    ).toEqual([...new Set(owners)].sort());
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

  it('holds the inspections of the file in its raw events: visits, units and service teams', async () => {
    const events = await eventsOf(scenario);
    const { pools, campaigns } = scenario;
    const scheduled = new Map<string, { team: string; kind: string }>();
    const completed: Array<{ subject: string; campaigns: string[]; kind: string; team: string }> =
      [];
    for (const event of events) {
      const data = event.data as {
        inspectionId: string;
        kind: string;
        subject: { id: string };
        campaignIds: string[];
        inspectorIds: string[];
        expertIds: string[];
      };
      if (event.type === 'InspectionScheduled') {
        scheduled.set(data.inspectionId, {
          kind: data.kind,
          team: JSON.stringify([[...data.inspectorIds].sort(), [...data.expertIds].sort()]),
        });
      }
      if (event.type === 'InspectionCompleted') {
        completed.push({
          subject: data.subject.id,
          campaigns: data.campaignIds,
          kind: data.kind,
          team: scheduled.get(data.inspectionId)?.team ?? '',
        });
      }
    }
    const inCampaign = (campaign: string) =>
      completed.filter((c) => c.campaigns.includes(campaign));
    const units = (visits: typeof completed) => new Set(visits.map((v) => v.subject)).size;
    const mts = pools.multiTenant;
    expect(units(inCampaign(campaigns.root))).toBe(
      Object.values(pools).reduce((total, pool) => total + ('units' in pool ? pool.units : 0), 0) +
        mts.landlords +
        mts.tenants,
    );
    expect(inCampaign(campaigns.multiTenant).length).toBe(
      mts.landlords + mts.tenants + mts.repeatVisits,
    );
    expect(units(inCampaign(campaigns.multiTenant))).toBe(mts.landlords + mts.tenants);
    expect(units(inCampaign(campaigns.service))).toBe(pools.service.units);
    expect(new Set(inCampaign(campaigns.service).map((v) => v.team)).size).toBe(
      pools.service.teams,
    );
    expect(units(completed.filter((c) => c.kind === 'enforcement'))).toBe(pools.enforcement.units);
  });
});
