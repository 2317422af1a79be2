import type {
  CommandHandler,
  HandleOptions,
  HandleResult,
} from '../../eventsourcing/command-handler.js';
import type { EventStore } from '../../eventsourcing/event-store.js';
import { createUniqueKeys, type UniqueKeys } from '../../eventsourcing/unique-keys.js';
import { parseOrThrow } from '../general/bad-input.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import { caseStreamId } from './case-stream.js';
import type { EnforcementCaseCommand, FileCase } from './commands.js';
import { FileCaseSchema } from './commands.js';
import { caseNumberYear } from './decide-filing.js';
import type { EnforcementCaseEvent } from './events.js';
import { violate } from './rules.js';
import type { EnforcementCaseState } from './state.js';

/** The unique-key scope case numbers are claimed in. */
export const caseNumberScope = 'enforcement_case_no';

/** The unique key of a case number: agency, local year of filing and number (EC-1). */
export function caseNumberKey(agencyOrgId: string, year: number, caseNo: string): string {
  return `${agencyOrgId}:${year}:${caseNo}`;
}

/** Files cases with case numbers unique per agency and year (EC-1). */
export interface CaseFiling {
  /**
   * Claims the case number, then files the case on `case-{caseId}`; if the filing is rejected,
   * a claim made by this call is released again.
   *
   * @throws RuleViolationError (`EC-1`, `DuplicateCaseNumber`) when another case holds the number,
   * and whatever the command handler throws.
   */
  fileCase(
    command: FileCase,
    options?: HandleOptions,
  ): Promise<HandleResult<EnforcementCaseState, EnforcementCaseEvent>>;
  /** The claims, for audits and tests. */
  readonly caseNumbers: UniqueKeys;
}

/**
 * Creates the filing service. A case number cannot be checked by the case's own decider (it
 * sees one stream) nor against a read model (which may lag), so it is claimed first in a
 * key stream appended at an exact expected version: of racing filings with one number exactly
 * one wins, on every store.
 *
 * @example
 * const filing = createCaseFiling({ store, handle, policy });
 * await filing.fileCase({ type: 'FileCase', caseId: 'c-1', caseNo: '应急罚〔2024〕1号', … });
 */
export function createCaseFiling(options: {
  readonly store: EventStore;
  readonly handle: CommandHandler<
    EnforcementCaseState,
    EnforcementCaseCommand,
    EnforcementCaseEvent
  >;
  /** Its `timezone` decides the year of a filing. */
  readonly policy: SupervisionPolicy;
  /** The clock used when the command has no `occurredAt`; defaults to the system clock. */
  readonly clock?: () => Date;
}): CaseFiling {
  const { store, handle, policy } = options;
  const clock = options.clock ?? (() => new Date());
  const caseNumbers = createUniqueKeys({ store, scope: caseNumberScope });
  return {
    caseNumbers,
    async fileCase(input, handleOptions) {
      const command = parseOrThrow(FileCaseSchema, input, 'FileCase');
      const streamId = caseStreamId(command.caseId);
      const year = caseNumberYear(command.occurredAt ?? clock().toISOString(), policy.timezone);
      const key = caseNumberKey(command.agencyOrgId, year, command.caseNo);
      const claim = await caseNumbers.claim(key, streamId);
      if (!claim.claimed) {
        throw violate('EC-1', 'DuplicateCaseNumber', {
          caseNo: command.caseNo,
          agencyOrgId: command.agencyOrgId,
          year,
          owner: claim.owner,
        });
      }
      try {
        return await handle(streamId, input, handleOptions);
      } catch (error) {
        if (claim.fresh) await caseNumbers.release(key, streamId);
        throw error;
      }
    },
  };
}
