import { canonicalJson } from './canonical-json.js';
import type { PreparedEvent } from './driver.js';
import type { AppendResult, ExpectedVersion, StoredEvent } from './envelope.js';
import { IdempotencyConflictError } from './errors.js';

/**
 * Decides what an append whose event ids already exist means (A6). Adapters look up the batch's
 * event ids inside their append transaction and pass whatever they found:
 * - nothing found: returns `undefined`, append normally;
 * - the exact batch at the same stream and versions: returns the original result, write nothing;
 * - anything else (partial batch, other content, other stream or version): throws.
 *
 * @throws IdempotencyConflictError (`IDEMPOTENCY_CONFLICT`)
 */
export function resolveDuplicateAppend(
  streamId: string,
  batch: readonly PreparedEvent[],
  expectedVersion: ExpectedVersion,
  existing: readonly StoredEvent[],
): AppendResult | undefined {
  if (existing.length === 0) return undefined;
  if (existing.length !== batch.length) {
    throw new IdempotencyConflictError(
      streamId,
      `${existing.length} of the batch's ${batch.length} event ids are already stored`,
      { eventId: existing[0]?.eventId },
    );
  }
  const byId = new Map(existing.map((event) => [event.eventId, event]));
  const first = byId.get(batch[0]!.eventId)!;
  for (const [index, prepared] of batch.entries()) {
    const stored = byId.get(prepared.eventId);
    if (stored === undefined || stored.streamId !== streamId) {
      throw new IdempotencyConflictError(
        streamId,
        `event id is already stored in stream "${stored?.streamId ?? '?'}"`,
        { eventId: prepared.eventId },
      );
    }
    if (stored.version !== first.version + index) {
      throw new IdempotencyConflictError(
        streamId,
        `event id is stored at version ${stored.version}, not at version ${first.version + index}`,
        { eventId: prepared.eventId },
      );
    }
    if (!sameContent(stored, prepared)) {
      throw new IdempotencyConflictError(
        streamId,
        'event id is already stored with different content',
        { eventId: prepared.eventId },
      );
    }
  }
  const firstVersion = first.version;
  const lastVersion = firstVersion + batch.length - 1;
  const expectedFits =
    expectedVersion === 'any' ||
    expectedVersion === 'stream_exists' ||
    (expectedVersion === 'no_stream' && firstVersion === 1) ||
    expectedVersion === firstVersion - 1;
  if (!expectedFits) {
    throw new IdempotencyConflictError(
      streamId,
      `batch was appended at version ${firstVersion}, which expected version ${String(expectedVersion)} does not describe`,
      { eventId: first.eventId },
    );
  }
  const last = byId.get(batch[batch.length - 1]!.eventId)!;
  return {
    firstVersion,
    nextVersion: lastVersion,
    position: last.position,
    created: firstVersion === 1,
    duplicate: true,
  };
}

function sameContent(stored: StoredEvent, prepared: PreparedEvent): boolean {
  if (stored.type !== prepared.type || stored.schemaVersion !== prepared.schemaVersion) {
    return false;
  }
  if (canonicalJson(stored.data) !== canonicalJson(prepared.data)) return false;
  // When the store filled occurredAt on both attempts, the two fills naturally differ.
  const storedMetadata = prepared.occurredAtSupplied
    ? stored.metadata
    : { ...stored.metadata, occurredAt: undefined };
  const preparedMetadata = prepared.occurredAtSupplied
    ? prepared.metadata
    : { ...prepared.metadata, occurredAt: undefined };
  return canonicalJson(storedMetadata) === canonicalJson(preparedMetadata);
}
