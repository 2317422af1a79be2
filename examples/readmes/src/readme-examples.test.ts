import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';

// Each package README shows one of these files verbatim (checked by docs-snippets.test.ts in
// examples/quickstart); here they run, so a README example that stops working fails CI.
describe('package README examples run', () => {
  it('@safeledger/core: decide and evolve a hazard', async () => {
    const { status, overdue } = await import('./core.js');
    expect({ status, overdue }).toEqual({ status: 'open', overdue: true });
  });

  it('@safeledger/store-memory: append and read', async () => {
    const { sites, version } = await import('./store-memory.js');
    expect({ sites, version }).toEqual({ sites: [{ site: 'yard' }], version: 1 });
  });

  it('@safeledger/store-sqlite: append and read', async () => {
    const { titles } = await import('./store-sqlite.js');
    expect(titles).toEqual(['Open shaft']);
  });

  it('@safeledger/store-postgres: append and read on a fresh database', async () => {
    // A database of its own, so the example's fixed schema and stream never meet another run's.
    const database = `sl_readme_${randomBytes(6).toString('hex')}`;
    const server = new URL(inject('pgUrl'));
    await admin(server, `CREATE DATABASE ${database}`);
    try {
      const url = new URL(server);
      url.pathname = `/${database}`;
      process.env.DATABASE_URL = url.toString();
      const { titles } = await import('./store-postgres.js');
      expect(titles).toEqual(['Open shaft']);
    } finally {
      delete process.env.DATABASE_URL;
      await admin(server, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
  });
});

async function admin(server: URL, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
