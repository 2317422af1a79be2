import type { Directory } from '../directory/directory.js';
import { identityRefusal } from '../directory/scope.js';
import type { SafetyActor } from '../roles/actor.js';
import { assertBusinessTime } from './business-time.js';
import { forbidden, forbiddenFor } from './forbidden.js';

/** The part of a command every aggregate reads before its own rules. */
export interface AdmittedCommand {
  readonly type: string;
  readonly actor: SafetyActor;
  readonly occurredAt?: string | undefined;
}

/**
 * The checks the aggregates make after their lifecycle guard and before their own rules, kept
 * in one place so that the same bad actor gets the same refusal from each of them: the
 * directory backs the actor (G-5), a person and not the `System` sends the command (only an
 * aggregate's named automated commands may come from the System), and the business time lies
 * within G-4's bounds. Returns the command's business time (`occurredAt`, else `now`).
 *
 * @throws RuleViolationError (`G-5` `Forbidden`, `G-4` `InvalidBusinessTime`).
 */
export function admitCommand(options: {
  readonly directory: Directory;
  readonly command: AdmittedCommand;
  readonly now: Date;
  /** The stream's first business time, or `undefined` for the command that starts it. */
  readonly streamStartedAt: string | undefined;
  /** True for the commands the aggregate lets the System send (H-1 automated registration). */
  readonly systemMayAct?: boolean;
}): string {
  const { directory, command, now } = options;
  const refusal = identityRefusal(directory, command.actor);
  if (refusal !== undefined) throw forbiddenFor('G-5', command.actor, refusal);
  if (command.actor.role === 'System' && options.systemMayAct !== true) {
    throw forbidden('G-5', command.actor, 'system_needs_person', { command: command.type });
  }
  const occurredAt = command.occurredAt ?? now.toISOString();
  assertBusinessTime({ occurredAt, recordedAt: now, streamStartedAt: options.streamStartedAt });
  return occurredAt;
}

/**
 * The metadata a decider records with its events: the acting person, and the business time
 * when the command gave one (the handler stamps `recordedAt`).
 */
export function commandMetadata(command: AdmittedCommand): {
  actor: SafetyActor;
  occurredAt?: string;
} {
  return {
    actor: { ...command.actor },
    ...(command.occurredAt === undefined ? {} : { occurredAt: command.occurredAt }),
  };
}
