import {
  activityEvents,
  createEventRegistry,
  createSupervisionPolicy,
  dutyRosterEvents,
  type EventRegistry,
  type EventStore,
  emergencyPlanEvents,
  enforcementCaseEvents,
  enterpriseEvents,
  hazardEvents,
  inspectionEvents,
  responsibilityEvents,
  type SupervisionPolicy,
  siteEvents,
  supervisionItemEvents,
  uniqueKeyEvents,
  venueEvents,
} from '@safeledger/core';
import { generateYear } from '../generator/generate-year.js';
import type { Scenario } from '../scenario/schema.js';
import { buildWorld, type World } from '../world/build-world.js';
import { createHandlers, runPlanned } from './handlers.js';
import { catchUpReadModels } from './read-models.js';
import { createSimulation } from './simulation.js';
import { openStore, type StoreTarget } from './stores.js';

/** Progress of a run, reported after every command. */
export interface RunProgress {
  readonly done: number;
  readonly total: number;
  readonly events: number;
  /** Business time of the last command. */
  readonly at: string;
}

/** A finished run: the open store (the caller closes it) and what it took. */
export interface YearRun {
  readonly scenario: Scenario;
  readonly world: World;
  readonly policy: SupervisionPolicy;
  readonly store: EventStore;
  readonly commands: number;
  readonly events: number;
  /** Milliseconds per phase: planning, running the commands, catching the read models up. */
  readonly timings: {
    readonly generate: number;
    readonly commands: number;
    readonly projections: number;
  };
}

/** Every event type of the library's aggregates: the generator's commands may produce any. */
export function scenarioRegistry(): EventRegistry {
  return createEventRegistry({
    events: [
      ...hazardEvents,
      ...inspectionEvents,
      ...supervisionItemEvents,
      ...venueEvents,
      ...enforcementCaseEvents,
      ...responsibilityEvents,
      ...siteEvents,
      ...enterpriseEvents,
      ...activityEvents,
      ...emergencyPlanEvents,
      ...dutyRosterEvents,
      // Unique keys: case numbers (EC-1), credit codes (E-1), a venue's USCC and name and
      // address (V-1).
      ...uniqueKeyEvents,
    ],
  });
}

/** The supervision policy of a scenario: its time zone and its per-metric rounding (§6). */
export function scenarioPolicy(scenario: Scenario): SupervisionPolicy {
  return createSupervisionPolicy({
    timezone: scenario.timezone,
    // §7.2: "rectified" means closed, as the source counts it.
    rectifiedMeans: 'closed',
    rate: {
      decimals: scenario.rounding.default.decimals,
      mode: scenario.rounding.default.mode,
      overrides: {
        // Overrides are keyed by the metric ids of spec §5: the campaign's overall rate is a
        // P-2 rectification rate, the majors' rate the P-3 major-hazard rate.
        'P-2': scenario.rounding.rootRectificationRate,
        'P-3': scenario.rounding.majorRectificationRate,
      },
    },
  });
}

/**
 * Records a scenario's year in a store: builds the district, plans the commands and runs each
 * through its aggregate's command handler at its business time. Nothing is written directly:
 * every event is decided by the library from a command. The scenario must have been validated
 * (`parseScenario`) before, so an inconsistent file never reaches the store.
 */
export async function runYear(options: {
  readonly scenario: Scenario;
  readonly target: StoreTarget;
  readonly onProgress?: (progress: RunProgress) => void;
}): Promise<YearRun> {
  const { scenario } = options;
  const started = performance.now();
  const world = buildWorld(scenario);
  const planned = generateYear(scenario, world);
  const generated = performance.now();
  const simulation = createSimulation(scenario.seed);
  const policy = scenarioPolicy(scenario);
  const store = openStore(options.target, {
    registry: scenarioRegistry(),
    clock: simulation.clock,
    newId: simulation.newId,
  });
  const handlers = createHandlers({
    store,
    world,
    policy,
    clock: simulation.clock,
    newId: simulation.newId,
  });
  let events = 0;
  let recorded = generated;
  try {
    for (const [index, step] of planned.entries()) {
      simulation.advanceTo(step.at);
      events += await runPlanned(handlers, step);
      options.onProgress?.({ done: index + 1, total: planned.length, events, at: step.at });
    }
    recorded = performance.now();
    await catchUpReadModels(store, policy);
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    scenario,
    world,
    policy,
    store,
    commands: planned.length,
    events,
    timings: {
      generate: generated - started,
      commands: recorded - generated,
      projections: performance.now() - recorded,
    },
  };
}
