import type {
  CommandHandler,
  HandleOptions,
  HandleResult,
} from '../../eventsourcing/command-handler.js';
import type { EventStore } from '../../eventsourcing/event-store.js';
import { createUniqueKeys, type UniqueKeys } from '../../eventsourcing/unique-keys.js';
import type { EnterpriseCommand } from './commands.js';
import { enterpriseStreamId } from './enterprise-stream.js';
import type { EnterpriseEvent } from './events.js';
import { violate } from './rules.js';
import type { EnterpriseState } from './state.js';
import { isValidUscc } from './uscc.js';

/** The uniqueness scope of credit codes across the registry (E-1). */
export const usccScope = 'enterprise_uscc';

/** Options of `createEnterpriseRegistrar`. */
export interface EnterpriseRegistrarOptions {
  readonly store: EventStore;
  /** The handler of `createEnterpriseDecider`'s decider on the same store. */
  readonly handle: CommandHandler<EnterpriseState, EnterpriseCommand, EnterpriseEvent>;
}

/** Registers enterprises with a credit code unique across the registry (E-1). */
export interface EnterpriseRegistrar {
  /**
   * Claims the command's USCC for `ent-{enterpriseId}`, then handles the registration; a rejected
   * registration gives a freshly claimed code back. A retry of the same registration (same
   * enterprise) finds the code already its own.
   * @throws RuleViolationError (`E-1`, `DuplicateEnterprise`) when another enterprise holds the
   * code, naming it; and whatever the handler throws.
   */
  register(
    command: Extract<EnterpriseCommand, { type: 'RegisterEnterprise' }>,
    options?: HandleOptions,
  ): Promise<HandleResult<EnterpriseState, EnterpriseEvent>>;
  /** The enterprise holding a code, if any. */
  ownerOf(uscc: string): Promise<string | undefined>;
  /** The claims behind the registrar (for audits). */
  readonly keys: UniqueKeys;
}

/**
 * Creates the registrar of E-1's uniqueness. Two racing registrations of one code claim the
 * same key stream at an exact version on every store, so exactly one wins; the other is
 * `DuplicateEnterprise` and writes no enterprise.
 */
export function createEnterpriseRegistrar(
  options: EnterpriseRegistrarOptions,
): EnterpriseRegistrar {
  const keys = createUniqueKeys({ store: options.store, scope: usccScope });
  const prefix = enterpriseStreamId('');
  return {
    keys,
    async register(command, handleOptions) {
      const streamId = enterpriseStreamId(command.enterpriseId);
      // A malformed code is the decider's to reject (E-1 InvalidUscc); it claims nothing.
      if (!isValidUscc(command.uscc)) return options.handle(streamId, command, handleOptions);
      const claim = await keys.claim(command.uscc, streamId);
      if (!claim.claimed) {
        throw violate('E-1', 'DuplicateEnterprise', {
          uscc: command.uscc,
          ownerId: claim.owner.startsWith(prefix) ? claim.owner.slice(prefix.length) : claim.owner,
        });
      }
      try {
        return await options.handle(streamId, command, handleOptions);
      } catch (error) {
        if (claim.fresh) await keys.release(command.uscc, streamId);
        throw error;
      }
    },
    async ownerOf(uscc) {
      const owner = await keys.ownerOf(uscc);
      return owner?.startsWith(prefix) ? owner.slice(prefix.length) : owner;
    },
  };
}
