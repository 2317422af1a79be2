import {
  createActivityLedgerProjection,
  createCaseFigures,
  createCaseFiling,
  createCaseLedgerProjection,
  createCommandHandler,
  createDutyCoverageProjection,
  createEnforcementCaseDecider,
  createEnterpriseComplianceProjection,
  createEnterpriseFilingsProjection,
  createEventRegistry,
  createHandoverLedgerProjection,
  createHazardDecider,
  createHazardFactsFromStore,
  createHazardFigures,
  createHazardLedgerProjection,
  createInspectionDecider,
  createInspectionFactsFromStore,
  createInspectionLedgerProjection,
  createPlanLedgerProjection,
  createProjectionRunner,
  createResponsibilityLedgerProjection,
  createSiteLedgerProjection,
  createSupervisionPolicy,
  createVenueDecider,
  createVenueRegisterProjection,
  createVenueRegistry,
  type Directory,
  type EventStore,
  enforcementCaseEvents,
  hazardEvents,
  type InMemoryDirectory,
  inspectionEvents,
  type ProjectionRunner,
  type SupervisionPolicy,
  uniqueKeyEvents,
  venueEvents,
} from '@safeledger/core';
import { createPostgresEventStore } from '@safeledger/store-postgres';
import { createSqliteEventStore } from '@safeledger/store-sqlite';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import {
  aggregateHandlerEvents,
  createAggregateHandlers,
  distinctEvents,
} from './commands/aggregate-handlers.js';
import { loadDirectory } from './example-directory.js';
import { buildApp } from './http/build-app.js';
import type { CaseFigures, HazardFigures, ProjectionLag, ServiceContext } from './http/context.js';
import { READY_LAG_LIMIT } from './http/health-routes.js';
import type { TokenVerification } from './http/identity.js';
import { hazardActivity } from './projections/hazard-activity.js';
import {
  createCategoryLeadsFromDirectory,
  createSubjectStatusFromStore,
  createVenueHazardsFromLedger,
} from './venues/ports.js';

/** Where and how one instance of the service runs. */
export interface ServiceConfig {
  /** Port to listen on; 0 picks a free one. */
  readonly port: number;
  readonly host?: string;
  /** PostgreSQL connection string: several instances may share it. Without it, SQLite. */
  readonly pgUrl?: string;
  /** PostgreSQL schema, so tests and applications can keep apart. */
  readonly pgSchema?: string;
  /** SQLite file (the single-instance default). */
  readonly sqlitePath?: string;
  /** Directory records as JSON (`DirectoryDataSchema`); the example's when absent. */
  readonly directoryFile?: string;
  /** This instance's name in projection leases and logs. */
  readonly instance: string;
  readonly verification: TokenVerification;
  readonly logger?: FastifyServerOptions['logger'];
  /** How often an idle projection runner polls; the store's watch wakes it sooner. */
  readonly pollIntervalMs?: number;
  /** How long a lease outlives a crashed holder before another instance takes over. */
  readonly leaseTtlMs?: number;
}

/** A listening instance. */
export interface RunningService {
  readonly app: FastifyInstance;
  readonly store: EventStore;
  readonly runner: ProjectionRunner;
  /** The hazard figures the read endpoints answer from. */
  readonly figures: HazardFigures;
  /** The case figures the case read endpoints answer from. */
  readonly caseFigures: CaseFigures;
  /** `http://host:port` it listens on. */
  readonly url: string;
  /** Graceful stop: no new requests, in-flight ones finish, leases released, store closed. */
  stop(): Promise<void>;
}

/** Starts one instance: store, command handler, projections under a lease, HTTP. */
export async function startService(config: ServiceConfig): Promise<RunningService> {
  // Every event type the service writes or reads: the projection runner reads the whole log.
  const registry = createEventRegistry({
    // Each definition once, however many lists name it (read models register what they read).
    events: distinctEvents([
      ...aggregateHandlerEvents,
      ...hazardEvents,
      ...enforcementCaseEvents,
      ...uniqueKeyEvents,
      ...inspectionEvents,
      ...venueEvents,
    ]),
  });
  const store: EventStore =
    config.pgUrl !== undefined
      ? createPostgresEventStore(
          { connectionString: config.pgUrl },
          { registry, ...(config.pgSchema !== undefined ? { schema: config.pgSchema } : {}) },
        )
      : createSqliteEventStore({ path: config.sqlitePath ?? 'safeledger.db' }, { registry });
  const directory = loadDirectory(config.directoryFile);
  const policy = createSupervisionPolicy();
  const runner = createProjectionRunner({
    store,
    // The ledgers the read endpoints query, and the example's own activity read model.
    projections: [
      createHazardLedgerProjection({ timezone: policy.timezone }),
      createCaseLedgerProjection(policy),
      hazardActivity,
      // The inspection ledger and venue register behind P-8…P-13.
      createInspectionLedgerProjection(),
      createVenueRegisterProjection(policy),
      // The read models behind P-14 and P-17…P-21.
      createHandoverLedgerProjection(),
      createSiteLedgerProjection(policy),
      createEnterpriseFilingsProjection(policy),
      createEnterpriseComplianceProjection(),
      createActivityLedgerProjection(),
      // One row per plan version, with the plan's owner: also behind GET /ledgers/plans.
      createPlanLedgerProjection(),
      createDutyCoverageProjection(policy),
      createResponsibilityLedgerProjection(),
    ],
    owner: config.instance,
    ...(config.pollIntervalMs !== undefined ? { pollIntervalMs: config.pollIntervalMs } : {}),
    ...(config.leaseTtlMs !== undefined ? { leaseTtlMs: config.leaseTtlMs } : {}),
  });
  const figures = createHazardFigures({ store, policy });
  const context: ServiceContext = {
    store,
    directory,
    policy,
    verification: config.verification,
    handle: createCommandHandler({ store, decider: createHazardDecider({ directory, policy }) }),
    cases: casesOf(store, directory, policy),
    venues: venuesOf(store, directory, figures),
    inspections: {
      handle: createCommandHandler({
        store,
        decider: createInspectionDecider({
          directory,
          policy,
          subjects: createSubjectStatusFromStore(store, directory),
        }),
      }),
    },
    figures,
    caseFigures: createCaseFigures({ store, policy }),
    lag: () => projectionLag(store, runner),
    commands: createAggregateHandlers(store, directory, policy),
  };
  const app = await buildApp(context, { logger: config.logger ?? false });
  runner.start();
  const url = await app.listen({ port: config.port, host: config.host ?? '127.0.0.1' });
  let stopping: Promise<void> | undefined;
  return {
    app,
    store,
    runner,
    figures: context.figures,
    caseFigures: context.caseFigures,
    url,
    stop: () => {
      stopping ??= (async () => {
        await app.close(); // stops accepting, waits for in-flight requests
        await runner.stop(); // releases the leases so another instance takes over at once
        await store.close();
      })();
      return stopping;
    },
  };
}

/** Events after the slowest projection's checkpoint, counted up to just past the limit. */
async function projectionLag(store: EventStore, runner: ProjectionRunner): Promise<ProjectionLag> {
  let behind = 0;
  for (const status of runner.status()) {
    const checkpoint = await store.projections.getCheckpoint(status.name);
    const page = await store.readAllPage({
      after: checkpoint?.position,
      maxCount: READY_LAG_LIMIT + 1,
    });
    behind = Math.max(behind, page.events.length);
  }
  return { events: behind, active: runner.status().some((status) => status.state === 'active') };
}

/**
 * The enforcement-case side: its decider reads the hazards a case links and the inspection a
 * filing cites from their streams, and filings go through the case-number claim (EC-1).
 */
function casesOf(store: EventStore, directory: Directory, policy: SupervisionPolicy) {
  const handle = createCommandHandler({
    store,
    decider: createEnforcementCaseDecider({
      directory,
      policy,
      hazards: createHazardFactsFromStore({ store, directory }),
      inspections: createInspectionFactsFromStore(store),
    }),
  });
  return { handle, filing: createCaseFiling({ store, handle, policy }) };
}

/**
 * The venue side: the decider reads category leads (V-2) and the venue's live hazards (V-5)
 * through ports, and the registry claims each venue's unique keys before the handler runs (V-1).
 */
function venuesOf(store: EventStore, directory: InMemoryDirectory, figures: HazardFigures) {
  const handle = createCommandHandler({
    store,
    decider: createVenueDecider({
      directory,
      categoryLeads: createCategoryLeadsFromDirectory(directory),
      hazards: createVenueHazardsFromLedger(store, figures),
    }),
  });
  return createVenueRegistry({ store, handle });
}
