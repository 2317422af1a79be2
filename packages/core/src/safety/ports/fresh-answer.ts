import { ProjectionLaggingError } from '../../eventsourcing/errors.js';

/**
 * A read model's answer about one stream, with how far it has read that stream: `seenVersion` is
 * the last version of the stream the read model has applied, `headVersion` the stream's version
 * in the event store when the question was asked. G-9 accepts the answer only when the read model
 * has seen the whole stream.
 */
export interface ReadModelAnswer<T> {
  readonly value: T;
  /** The stream the answer is about (`venue-v-1`). */
  readonly streamId: string;
  readonly seenVersion: number;
  readonly headVersion: number;
}

/**
 * The answer's value when the read model is current for its stream (G-9).
 *
 * @throws ProjectionLaggingError (`PROJECTION_LAGGING`, retryable) naming the read model, the
 * stream and both versions when the read model is behind.
 */
export function freshValue<T>(readModel: string, answer: ReadModelAnswer<T>): T {
  if (answer.seenVersion < answer.headVersion) {
    throw new ProjectionLaggingError(
      readModel,
      `it has read ${answer.streamId} up to version ${answer.seenVersion}, the stream is at ${answer.headVersion}`,
    );
  }
  return answer.value;
}
