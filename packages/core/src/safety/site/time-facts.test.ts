import { historyOf, sampleSiteCommands } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import type { SiteCommand } from './commands.js';
import { createSiteDecider } from './decide.js';
import type { SiteState } from './state.js';
import { siteLapses } from './time-facts.js';

const kit = sampleSiteCommands();
const policy = createSupervisionPolicy();
const decider = createSiteDecider({ directory: kit.directory, policy });

function stateAfter(commands: readonly SiteCommand[], now = '2024-06-30T00:00:00Z'): SiteState {
  const events = historyOf(decider, commands, { now: new Date(now), streamId: 'site-site-1' });
  return events.reduce(decider.evolve, decider.initialState());
}

const rules = (state: SiteState, asOf: string, p = policy) =>
  siteLapses(state, asOf, p).map((lapse) => `${lapse.rule} ${lapse.tenancyId} ${lapse.dueDate}`);

describe('derived site lapses (G-6)', () => {
  it('MT-4 a productive tenancy without an agreement lapses after the end of its start date plus the grace days', () => {
    const state = stateAfter([
      kit.registerSite(),
      kit.registerTenancy({ startDate: '2024-03-01' }),
    ]);
    // Due by 2024-03-01 23:59:59.999 in Shanghai (15:59:59.999Z).
    expect(rules(state, '2024-03-01T15:59:59.999Z')).toEqual([]);
    expect(rules(state, '2024-03-01T16:00:00.000Z')).toEqual(['MT-4 t-1 2024-03-01']);
    expect(siteLapses(state, '2024-03-02T00:00:00Z', policy)[0]?.since).toBe(
      '2024-03-01T16:00:00.000Z',
    );
    const graced = createSupervisionPolicy({ agreementGraceDays: 10 });
    expect(rules(state, '2024-03-11T15:59:59.999Z', graced)).toEqual([]);
    expect(rules(state, '2024-03-11T16:00:00Z', graced)).toEqual(['MT-4 t-1 2024-03-11']);
    // Not before the lease starts, not for a non-productive tenancy, not once signed.
    expect(rules(state, '2024-02-20T00:00:00Z')).toEqual([]);
    const office = stateAfter([kit.registerSite(), kit.registerTenancy({ productive: false })]);
    expect(rules(office, '2024-03-20T00:00:00Z')).toEqual([]);
    const signed = stateAfter(
      [kit.registerSite(), kit.registerTenancy({ startDate: '2024-03-01' }), kit.signAgreement()],
      '2024-03-05T00:00:00Z',
    );
    expect(rules(signed, '2024-03-04T00:00:00Z')).toEqual(['MT-4 t-1 2024-03-01']);
    expect(rules(signed, '2024-03-06T00:00:00Z')).toEqual([]);
  });

  it('MT-5 an active productive tenancy lapses when no landlord check falls within the interval', () => {
    const commands = [
      kit.registerSite(),
      kit.registerTenancy({ startDate: '2024-01-01' }),
      kit.signAgreement(),
    ];
    const state = stateAfter(commands, '2024-01-01T02:00:00Z');
    // 90 days after 2024-01-01 is 2024-03-31.
    expect(rules(state, '2024-03-31T15:59:59.999Z')).toEqual([]);
    expect(rules(state, '2024-03-31T16:00:00Z')).toEqual(['MT-5 t-1 2024-03-31']);
    const checked = stateAfter([...commands, kit.check()], '2024-03-20T02:00:00Z');
    // The check on 2024-03-20 (local) restarts the interval: due 2024-06-18.
    expect(rules(checked, '2024-04-05T00:00:00Z')).toEqual([]);
    expect(rules(checked, '2024-06-18T16:00:00Z')).toEqual(['MT-5 t-1 2024-06-18']);
    // Asked for a time before the check, the old lapse shows (G-6: derived from asOf).
    expect(rules(checked, '2024-04-01T00:00:00Z')).toEqual([]);
    expect(rules(checked, '2024-03-31T16:00:00Z')).toEqual([]);
    const shorter = createSupervisionPolicy({ landlordCheckIntervalDays: 30 });
    expect(rules(state, '2024-01-31T16:00:00Z', shorter)).toEqual(['MT-5 t-1 2024-01-31']);
    // An ended lease lapses no more after its last day.
    const ended = stateAfter(
      [...commands, kit.endTenancy({ endDate: '2024-04-30' })],
      '2024-02-01T00:00:00Z',
    );
    expect(rules(ended, '2024-04-30T00:00:00Z')).toEqual(['MT-5 t-1 2024-03-31']);
    expect(rules(ended, '2024-04-30T16:00:00Z')).toEqual([]);
  });

  it('rejects an asOf that is not an instant instead of answering "compliant"', () => {
    const state = stateAfter([kit.registerSite(), kit.registerTenancy()]);
    expect(() => siteLapses(state, 'soon', policy)).toThrow(/"soon" is not a valid instant/);
  });
});
