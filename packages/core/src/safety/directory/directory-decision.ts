import type { DecideContext, PrepareContext } from '../../eventsourcing/decider.js';
import type { Directory } from './directory.js';
import { type DirectorySource, isDirectorySource } from './directory-source.js';
import { loadDirectoryFacts } from './load-directory-facts.js';

/** The `prepare` and `decide` of a decider that reads a directory (see `directoryDecision`). */
export interface DirectoryDecision<State, Command, Event> {
  /** Loads the records the decision reads; absent when the directory is synchronous. */
  readonly prepare?: (
    command: Command,
    state: State,
    context: PrepareContext,
  ) => Promise<Directory | undefined>;
  /** Decides on the loaded records (`context.facts`) or the synchronous directory. */
  readonly decide: (
    command: Command,
    state: State,
    context: DecideContext<Directory | undefined>,
  ) => Event | readonly Event[];
}

/**
 * Builds the `prepare` and `decide` of a decider whose rules read a directory, given either a
 * synchronous `Directory` (read directly, no `prepare`) or a `DirectorySource`, from which
 * `prepare` loads the records the decision reads (`loadDirectoryFacts`) for `decide` to read as
 * its facts. Spread the result into the decider.
 */
export function directoryDecision<State, Command, Event>(
  directory: Directory | DirectorySource,
  decideWith: (
    command: Command,
    state: State,
    context: DecideContext<Directory | undefined>,
    directory: Directory,
  ) => Event | readonly Event[],
  deciderName: string,
): DirectoryDecision<State, Command, Event> {
  const source = isDirectorySource(directory) ? directory : undefined;
  const fixed = isDirectorySource(directory) ? undefined : directory;
  const decide: DirectoryDecision<State, Command, Event>['decide'] = (command, state, context) => {
    const loaded = context.facts ?? fixed;
    if (loaded === undefined) {
      throw new TypeError(
        `this ${deciderName} decider reads a DirectorySource: run it through a command handler (which calls prepare) or pass the loaded directory as facts`,
      );
    }
    return decideWith(command, state, context, loaded);
  };
  if (source === undefined) return { decide };
  return {
    decide,
    prepare: (command, state, context) =>
      loadDirectoryFacts(source, (view) => {
        decide(command, state, { ...context, facts: view });
      }),
  };
}
