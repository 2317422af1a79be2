import type { TestProject } from 'vitest/node';
import { type PostgresServer, providePostgres } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of the server this test run uses. */
    pgUrl: string;
  }
}

let server: PostgresServer | undefined;

/** Runs once per test run: every test file shares one server. */
export async function setup(project: TestProject): Promise<void> {
  server = await providePostgres();
  project.provide('pgUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
