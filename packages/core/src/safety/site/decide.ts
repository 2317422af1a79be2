import type { DecideContext, Decider } from '../../eventsourcing/decider.js';
import { ValidationError } from '../../eventsourcing/errors.js';
import type { Directory } from '../directory/directory.js';
import { admitCommand, commandMetadata } from '../general/admit-command.js';
import { parseOrThrow } from '../general/bad-input.js';
import { createSupervisionPolicy, type SupervisionPolicy } from '../policy/supervision-policy.js';
import { type ParsedSiteCommand, type SiteCommand, SiteCommandSchema } from './commands.js';
import {
  decideRecordDeviceInstallation,
  decideRecordLandlordCheck,
  decideSignSafetyAgreement,
} from './decide-compliance.js';
import { decideEndTenancy, decideRegisterSite, decideRegisterTenancy } from './decide-tenancy.js';
import type { SiteDecisionContext } from './decision-context.js';
import type { SiteEvent } from './events.js';
import { violateSite } from './rules.js';
import {
  evolveSite,
  findTenancy,
  initialSiteState,
  isRegisteredSite,
  type RegisteredSite,
  type SiteState,
  type SiteTenancy,
} from './state.js';

/** Options of `createSiteDecider`. */
export interface SiteDeciderOptions {
  /** Reference data for authorisation (G-5): enterprises, persons, organisations, areas. */
  readonly directory: Directory;
  /** Defaults to `createSupervisionPolicy()` (the §3 defaults). */
  readonly policy?: SupervisionPolicy;
}

/** The multi-tenant site decider: state, the six commands of §4.7 and their events. */
export type SiteDecider = Decider<SiteState, SiteCommand, SiteEvent>;

/**
 * Creates the multi-tenant site (厂中厂) decider of domain spec §4.7: each command is validated,
 * authorised against the directory (G-5), bounded in business time (G-4) and checked against
 * MT-0…MT-8. MT-4 and MT-5 are derived from an `asOf` instant by `siteLapses` (G-6), and MT-6 is
 * the scheduled policy `runCoordinationHazardPolicy`.
 *
 * @example
 * const handle = createCommandHandler({ store, decider: createSiteDecider({ directory }) });
 * await handle(siteStreamId('s-1'), { type: 'RegisterSite', actor, siteId: 's-1', … });
 * @throws RuleViolationError (`RULE_VIOLATION`) from `decide`, citing the rule (`MT-2 QualificationNotChecked: …`).
 * @throws ValidationError (`VALIDATION_FAILED`) from `decide` for a command that does not fit its schema.
 */
export function createSiteDecider(options: SiteDeciderOptions): SiteDecider {
  const directory = options.directory;
  const policy = options.policy ?? createSupervisionPolicy();
  return {
    name: 'site',
    initialState: initialSiteState,
    evolve: evolveSite,
    decide(input, state, context) {
      const command = parseOrThrow(SiteCommandSchema, input, 'SiteCommand');
      return decideSite(command, state, context, { policy, directory });
    },
    metadataFor: commandMetadata,
  };
}

function decideSite(
  command: ParsedSiteCommand,
  state: SiteState,
  context: DecideContext,
  deps: { policy: SupervisionPolicy; directory: Directory },
): SiteEvent[] {
  if (command.type === 'RegisterSite' && isRegisteredSite(state)) {
    throw violateSite('MT-0', 'AlreadyRegistered', { siteId: state.siteId });
  }
  if (command.type !== 'RegisterSite' && !isRegisteredSite(state)) {
    throw violateSite('MT-0', 'SiteNotRegistered', {
      command: command.type,
      streamId: context.streamId,
    });
  }
  const occurredAt = admitCommand({
    directory: deps.directory,
    command,
    now: context.now,
    streamStartedAt: isRegisteredSite(state) ? state.registeredAt : undefined,
  });
  const ctx: SiteDecisionContext = { ...deps, occurredAt, actor: command.actor };
  if (command.type === 'RegisterSite') {
    if (deps.directory.area(command.areaId) === undefined) {
      const message = `area "${command.areaId}" is not in the directory`;
      throw new ValidationError(`invalid SiteCommand: areaId: ${message}`, [
        { type: 'SiteCommand', path: 'areaId', message },
      ]);
    }
    return decideRegisterSite(ctx, command);
  }
  const site = state as RegisteredSite;
  switch (command.type) {
    case 'RegisterTenancy':
      return decideRegisterTenancy(ctx, site, command);
    case 'RecordDeviceInstallation':
      return decideRecordDeviceInstallation(ctx, site, command);
    case 'SignSafetyAgreement':
      return decideSignSafetyAgreement(ctx, site, liveTenancy(site, command), command);
    case 'RecordLandlordCheck':
      return decideRecordLandlordCheck(ctx, site, liveTenancy(site, command), command);
    case 'EndTenancy':
      return decideEndTenancy(ctx, site, liveTenancy(site, command), command);
  }
}

/** The tenancy a command names: registered (MT-0) and not ended (MT-8). */
function liveTenancy(
  site: RegisteredSite,
  command: { readonly type: ParsedSiteCommand['type']; readonly tenancyId: string },
): SiteTenancy {
  const tenancy = findTenancy(site, command.tenancyId);
  if (tenancy === undefined)
    throw violateSite('MT-0', 'UnknownTenancy', { tenancyId: command.tenancyId });
  if (tenancy.ended) {
    throw violateSite('MT-8', 'TenancyEnded', {
      tenancyId: tenancy.tenancyId,
      command: command.type,
    });
  }
  return tenancy;
}
