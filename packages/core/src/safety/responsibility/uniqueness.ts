import {
  type CommandHandler,
  createCommandHandler,
  type HandleOptions,
  type HandleResult,
} from '../../eventsourcing/command-handler.js';
import type { Clock } from '../../eventsourcing/defaults.js';
import { isConcurrencyError } from '../../eventsourcing/errors.js';
import type { EventStore } from '../../eventsourcing/event-store.js';
import { type RetryPolicy, withRetry } from '../../eventsourcing/retry.js';
import { createUniqueKeys, type UniqueKeys } from '../../eventsourcing/unique-keys.js';
import type { ResponsibilityCommand } from './commands.js';
import type { ResponsibilityDecider } from './decide.js';
import type { ResponsibilityEvent } from './events.js';
import { responsibilityStreamId } from './responsibility-stream.js';
import { violate } from './rules.js';
import {
  isStartedAssignment,
  leadCodes,
  type ResponsibilityState,
  type StartedAssignment,
} from './state.js';
import type { Assignee } from './values.js';

/** The uniqueness scope of responsibility lists (RA-4, RA-5). */
export const RESPONSIBILITY_KEY_SCOPE = 'responsibility';

/** RA-4: the key of the lead of one task code in one list. */
export function leadKey(listId: string, code: string): string {
  return `lead:${listId}:${code}`;
}

/** RA-5: the key of one assignee's live assignment in one list. */
export function assigneeKey(listId: string, assignee: Pick<Assignee, 'kind' | 'id'>): string {
  return `assignee:${listId}:${assignee.kind}:${assignee.id}`;
}

/** The keys an assignment holds while it is issued and not superseded: its assignee and its lead codes. */
export function heldKeys(state: ResponsibilityState): string[] {
  if (!isStartedAssignment(state) || state.status !== 'issued') return [];
  return keysOf(state, state.duties);
}

function keysOf(state: StartedAssignment, duties: StartedAssignment['duties']): string[] {
  return [
    assigneeKey(state.listId, state.assignee),
    ...leadCodes(duties).map((code) => leadKey(state.listId, code)),
  ];
}

/** Options of `createResponsibilityAssignmentService`. */
export interface ResponsibilityAssignmentServiceOptions {
  readonly store: EventStore;
  readonly decider: ResponsibilityDecider;
  readonly clock?: Clock;
  /** Attempts when a concurrent command changed the same assignment; default 8. */
  readonly retry?: RetryPolicy;
}

/** Handles responsibility commands with the list-wide uniqueness of RA-4 and RA-5. */
export interface ResponsibilityAssignmentService {
  /**
   * Handles one command on assignment `assignmentId` (stream `resp-{assignmentId}`).
   * @throws RuleViolationError (`RA-4 DuplicateLead`, `RA-5 DuplicateAssignment`, or the
   * decider's) and the command handler's errors.
   */
  handle(
    assignmentId: string,
    command: ResponsibilityCommand,
    options?: HandleOptions,
  ): Promise<HandleResult<ResponsibilityState, ResponsibilityEvent>>;
  /** The unique keys of the scope `responsibility`, for audits and tests. */
  readonly keys: UniqueKeys;
}

/**
 * Wraps a command handler of the responsibility decider with the list-wide uniqueness RA-4 and
 * RA-5 need. One decider sees one stream only, and a check against a read model can lag, so each
 * rule is a unique key (`createUniqueKeys`, scope `responsibility`): `lead:{listId}:{code}` per
 * lead task code and `assignee:{listId}:{kind}:{id}` per live assignment. Before an issue or a
 * revision the keys the assignment will hold are claimed in sorted order (so of two racing
 * commands exactly one wins: the one that claims their smallest common key), the command is then
 * handled at the version the keys were computed from, fresh claims are released if it is rejected,
 * and keys the assignment no longer holds (after a supersession, or a revision that drops a lead)
 * are released once it is accepted. A key held by a superseded assignment, left over when a
 * process stopped between the two steps, is released on the next claim; re-running the command
 * with the same `commandId` also releases what it should have.
 *
 * @example
 * const service = createResponsibilityAssignmentService({ store, decider });
 * await service.handle('ra-1', { type: 'IssueAssignment', actor: head });
 */
export function createResponsibilityAssignmentService(
  options: ResponsibilityAssignmentServiceOptions,
): ResponsibilityAssignmentService {
  const { store, decider } = options;
  const handler: CommandHandler<ResponsibilityState, ResponsibilityCommand, ResponsibilityEvent> =
    createCommandHandler({
      store,
      decider,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    });
  const keys = createUniqueKeys({ store, scope: RESPONSIBILITY_KEY_SCOPE });
  const retry = options.retry ?? { maxAttempts: 8 };

  const load = async (streamId: string): Promise<ResponsibilityState> => {
    let state = decider.initialState();
    for await (const event of store.readStream(streamId)) {
      state = decider.evolve(state, event as unknown as ResponsibilityEvent);
    }
    return state;
  };

  /** Claims a key for `owner`, taking it over from a superseded holder; undefined when won. */
  const claim = async (key: string, owner: string): Promise<{ fresh: boolean } | string> => {
    for (let round = 0; round < 2; round++) {
      const result = await keys.claim(key, owner);
      if (result.claimed) return { fresh: result.fresh };
      const holder = await load(result.owner);
      // A superseded assignment never holds a key again; its claim is a leftover.
      if (!isStartedAssignment(holder) || holder.status !== 'superseded') return result.owner;
      await keys.release(key, result.owner);
    }
    return (await keys.ownerOf(key)) ?? owner;
  };

  const violation = (key: string, holderStream: string, state: StartedAssignment) => {
    const holder = holderStream.replace(/^resp-/, '');
    if (key.startsWith('lead:')) {
      return violate('RA-4', 'DuplicateLead', {
        code: key.slice(`lead:${state.listId}:`.length),
        holder,
      });
    }
    return violate('RA-5', 'DuplicateAssignment', { assigneeId: state.assignee.id, holder });
  };

  const guarded = async (
    streamId: string,
    command: ResponsibilityCommand,
    handleOptions: HandleOptions,
  ) => {
    const before = await load(streamId);
    const version = before.version;
    const wanted = isStartedAssignment(before) ? keysAfter(before, command) : [];
    const fresh: string[] = [];
    const releaseFresh = async () => {
      for (const key of fresh.reverse()) await keys.release(key, streamId);
    };
    for (const key of [...new Set(wanted)].sort()) {
      const outcome = await claim(key, streamId);
      if (typeof outcome === 'string') {
        await releaseFresh();
        throw violation(key, outcome, before as StartedAssignment);
      }
      if (outcome.fresh) fresh.push(key);
    }
    let result: HandleResult<ResponsibilityState, ResponsibilityEvent>;
    try {
      result = await handler(streamId, command, {
        ...handleOptions,
        expectedVersion: handleOptions.expectedVersion ?? (version === 0 ? 'no_stream' : version),
      });
    } catch (error) {
      await releaseFresh();
      throw error;
    }
    if (isStartedAssignment(before)) {
      const kept = new Set(heldKeys(result.state));
      const candidates = keysOf(before, before.duties);
      for (const key of candidates) if (!kept.has(key)) await keys.release(key, streamId);
    }
    return result;
  };

  return {
    keys,
    async handle(assignmentId, command, handleOptions = {}) {
      const streamId = responsibilityStreamId(assignmentId);
      if (!affectsKeys(command)) return handler(streamId, command, handleOptions);
      // Our own expected version makes a concurrent change of this assignment a conflict, which
      // is retried from a fresh load; a caller's expected version (G-2) fails at once.
      return withRetry(
        () => guarded(streamId, command, handleOptions),
        (error) => handleOptions.expectedVersion === undefined && isConcurrencyError(error),
        retry,
      );
    },
  };
}

function affectsKeys(command: ResponsibilityCommand): boolean {
  return (
    command.type === 'IssueAssignment' ||
    command.type === 'ReviseAssignment' ||
    command.type === 'SupersedeAssignment'
  );
}

/**
 * The keys to claim before a command: an issue claims what the draft will hold; a revision the
 * lead codes of its added and replacing duties. Commands the decider will reject in this state
 * claim nothing, so the decider's reason, not a key, is what the caller sees.
 */
function keysAfter(state: StartedAssignment, command: ResponsibilityCommand): string[] {
  if (command.type === 'IssueAssignment' && state.status === 'draft') {
    return keysOf(state, state.duties);
  }
  if (command.type === 'ReviseAssignment' && state.status === 'issued') {
    const added = command.changes.flatMap((change) =>
      change.op === 'remove' ? [] : [change.duty.role === 'lead' ? change.duty.code : undefined],
    );
    return added
      .filter((code): code is string => code !== undefined)
      .map((code) => leadKey(state.listId, code));
  }
  return [];
}
