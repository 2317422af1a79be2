import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { developmentVerification, mintDevelopmentToken } from './dev-keys.js';
import { type RunningService, startService } from './service.js';

/** An answer of the service: its status and its JSON body. */
export interface Answer {
  readonly status: number;
  readonly body: any;
}

/** A service on SQLite in a fresh folder, and the calls a command-route test makes to it. */
export interface CommandTestClient {
  readonly service: RunningService;
  /** POSTs `body` as the person `sub` (a development token), with extra headers. */
  post(path: string, body: unknown, sub: string, headers?: Record<string, string>): Promise<Answer>;
  /** POSTs as `post` does and expects 200, failing with the problem document otherwise. */
  postOk(
    path: string,
    body: unknown,
    sub: string,
    headers?: Record<string, string>,
  ): Promise<Answer>;
  /** GETs `path` as the person `sub`. */
  get(path: string, sub: string): Promise<Answer>;
  /** How many events a stream holds, read from the store itself. */
  eventCount(streamId: string): Promise<number>;
  stop(): Promise<void>;
}

/** Starts one service instance on a free port over SQLite for one test file. */
export async function startCommandTestClient(name: string): Promise<CommandTestClient> {
  const folder = mkdtempSync(join(tmpdir(), `safeledger-${name}-`));
  const service = await startService({
    port: 0,
    sqlitePath: join(folder, `${name}.db`),
    instance: name,
    verification: developmentVerification(),
    pollIntervalMs: 20,
  });
  const call = async (path: string, sub: string, init: RequestInit): Promise<Answer> => {
    const token = await mintDevelopmentToken({ sub });
    const response = await fetch(`${service.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
    });
    return { status: response.status, body: await response.json() };
  };
  const post = (path: string, body: unknown, sub: string, headers: Record<string, string> = {}) =>
    call(path, sub, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  return {
    service,
    post,
    async postOk(path, body, sub, headers) {
      const answer = await post(path, body, sub, headers);
      expect(answer.status, `${path}: ${JSON.stringify(answer.body)}`).toBe(200);
      return answer;
    },
    get: (path, sub) => call(path, sub, { method: 'GET' }),
    async eventCount(streamId) {
      let count = 0;
      for await (const _ of service.store.readStream(streamId)) count += 1;
      return count;
    },
    async stop() {
      await service.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
