import {
  type EventStore,
  type ExpectedVersion,
  isConcurrencyError,
  toArray,
} from '@safeledger/core';
import fc from 'fast-check';
import { expect } from 'vitest';
import { currentRegistry, visibleLog } from '../fixtures.js';
import type { ConformanceCase } from '../harness.js';

const group = 'model';

interface Model {
  readonly category: string;
  readonly streams: Map<string, string[]>;
  readonly log: string[];
  next: number;
}

type Form = 'any' | 'no_stream' | 'stream_exists' | 'exact' | 'stale';

const streamName = (model: Model, index: number) => `${model.category}-s${index}`;

class AppendCommand implements fc.AsyncCommand<Model, EventStore> {
  constructor(
    readonly stream: number,
    readonly count: number,
    readonly form: Form,
  ) {}
  check = () => true;
  async run(model: Model, store: EventStore): Promise<void> {
    const streamId = streamName(model, this.stream);
    const current = model.streams.get(streamId)?.length ?? 0;
    const expectedVersion: ExpectedVersion =
      this.form === 'exact' ? current : this.form === 'stale' ? current + 1 : this.form;
    const accepted =
      this.form === 'any' ||
      this.form === 'exact' ||
      (this.form === 'no_stream' && current === 0) ||
      (this.form === 'stream_exists' && current > 0);
    const skus = Array.from({ length: this.count }, () => `e${model.next++}`);
    const events = skus.map((sku) => ({
      type: 'ItemAdded' as const,
      data: { sku, quantity: 1, unit: 'piece' },
    }));
    try {
      const result = await store.appendToStream(streamId, events, { expectedVersion });
      expect(accepted, `append ${this.toString()} at version ${current} should have failed`).toBe(
        true,
      );
      expect(result).toMatchObject({
        firstVersion: current + 1,
        nextVersion: current + this.count,
        created: current === 0,
        duplicate: false,
      });
      model.streams.set(streamId, [...(model.streams.get(streamId) ?? []), ...skus]);
      model.log.push(...skus);
    } catch (error) {
      if (!isConcurrencyError(error)) throw error;
      expect(
        accepted,
        `append ${this.toString()} at version ${current} should have succeeded`,
      ).toBe(false);
      expect(error.actual).toBe(current);
    }
  }
  toString = () => `append(s${this.stream}, ${this.count}, ${this.form})`;
}

class ReadStreamCommand implements fc.AsyncCommand<Model, EventStore> {
  constructor(readonly stream: number) {}
  check = () => true;
  async run(model: Model, store: EventStore): Promise<void> {
    const streamId = streamName(model, this.stream);
    const events = await toArray(store.readStream(streamId));
    expect(events.map((e) => (e.data as { sku: string }).sku)).toEqual(
      model.streams.get(streamId) ?? [],
    );
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
  }
  toString = () => `readStream(s${this.stream})`;
}

class ReadAllCommand implements fc.AsyncCommand<Model, EventStore> {
  constructor(readonly skip: number) {}
  check = () => true;
  async run(model: Model, store: EventStore): Promise<void> {
    const all = await visibleLog(store, model.log.length, { categories: [model.category] });
    expect(all.map((e) => (e.data as { sku: string }).sku)).toEqual(model.log);
    const from = Math.min(this.skip, all.length);
    const after = from === 0 ? undefined : all[from - 1]!.position;
    const tail = await toArray(
      store.readAll({ categories: [model.category], ...(after ? { after } : {}) }),
    );
    expect(tail.map((e) => (e.data as { sku: string }).sku)).toEqual(model.log.slice(from));
  }
  toString = () => `readAll(skip ${this.skip})`;
}

let runs = 0;

/** The fast-check model-based test of the append/read contract. */
export const modelCases: ConformanceCase[] = [
  {
    group,
    name: 'model: random appends and reads agree with a plain in-memory model',
    async run(context) {
      const store = await context.open({ registry: currentRegistry() });
      // Few streams and mostly appends, so sequences revisit streams in every state quickly.
      const commands = fc.commands(
        [
          fc
            .tuple(
              fc.integer({ min: 0, max: 2 }),
              fc.integer({ min: 1, max: 3 }),
              fc.constantFrom<Form>('any', 'no_stream', 'stream_exists', 'exact', 'stale'),
            )
            .map(([stream, count, form]) => new AppendCommand(stream, count, form)),
          fc.integer({ min: 0, max: 2 }).map((stream) => new ReadStreamCommand(stream)),
          fc.nat({ max: 20 }).map((skip) => new ReadAllCommand(skip)),
        ],
        { maxCommands: 40, size: 'medium' },
      );
      await fc.assert(
        fc.asyncProperty(commands, async (sequence) => {
          runs += 1;
          const model: Model = {
            category: `model${Date.now().toString(36)}x${runs}`,
            streams: new Map(),
            log: [],
            next: 0,
          };
          await fc.asyncModelRun(() => ({ model, real: store }), sequence);
        }),
        { numRuns: context.scale.modelRuns },
      );
    },
  },
];
