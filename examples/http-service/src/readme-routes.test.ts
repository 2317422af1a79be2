import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandTestClient, startCommandTestClient } from './command-test-client.js';

// The README's endpoint table is what a reader trusts: every route the service registers is in
// it, and every row names routes that exist and that the OpenAPI document describes.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** `METHOD /path` patterns of the endpoint table; a row may name two (`GET /healthz`, `GET /readyz`). */
function readmeRoutes(): string[] {
  const table = readme.slice(readme.indexOf('## Endpoints'));
  return [...table.matchAll(/^\| (.+?) \|/gm)].flatMap((row) =>
    [...row[1]!.matchAll(/`((?:GET|POST) \/[^`]*)`/g)].map((m) => m[1]!),
  );
}

/** A README pattern as a regular expression: `{command}` stands for any command's path segment. */
function patternOf(route: string): RegExp {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const [before, after] = route.split('{command}') as [string, string | undefined];
  return new RegExp(`^${literal(before)}${after === undefined ? '' : `[a-z-]+${literal(after)}`}$`);
}

describe('the README endpoint table', () => {
  let client: CommandTestClient;
  beforeAll(async () => {
    client = await startCommandTestClient('readme');
  });
  afterAll(async () => {
    await client?.stop();
  });

  it('lists every registered route, and only routes that are registered and documented', async () => {
    const listed = readmeRoutes();
    expect(listed.length).toBeGreaterThan(20);
    // The OpenAPI document's own route is hidden from the document, so from the registered list.
    const routes = [
      ...client.service.app.registeredRoutes.map((route) => route.replace(/:([A-Za-z]+)/g, '{$1}')),
      'GET /openapi.json',
    ];
    const unlisted = routes.filter((route) => !listed.some((row) => patternOf(row).test(route)));
    expect(unlisted).toEqual([]);
    const stale = listed.filter((row) => !routes.some((route) => patternOf(row).test(route)));
    expect(stale).toEqual([]);
    const document = (await (await fetch(`${client.service.url}/openapi.json`)).json()) as {
      paths: Record<string, object>;
    };
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    for (const row of listed.filter((row) => row !== 'GET /openapi.json')) {
      expect(
        documented.some((route) => patternOf(row).test(route)),
        row,
      ).toBe(true);
    }
  });
});
