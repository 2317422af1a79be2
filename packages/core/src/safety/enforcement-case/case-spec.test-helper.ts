import { deciderSpec, sampleCaseCommands, sampleNow } from '@safeledger/testing';
import type { EnforcementCaseCommand } from './commands.js';
import { createEnforcementCaseDecider } from './decide.js';

/*
 * The set-up the case's rule tests share: the sample case commands, a decider reading the
 * sample's hazards and inspections, and commands stamped with their business time as days after
 * the sample's filing day. Test support, not library code.
 */

const dayMs = 86_400_000;

/** The instant `n` days after the sample's "now", as the ISO string a command carries. */
export const day = (n: number) => new Date(sampleNow.getTime() + n * dayMs).toISOString();

/** The command as it happened `n` days after the sample's "now" (its business time). */
export const at = <C extends EnforcementCaseCommand>(command: C, n: number): C => ({
  ...command,
  occurredAt: day(n),
});

/** The sample kit and a decider spec whose clock stands `clockDays` days after the sample's now. */
export function sampleCaseSpec(clockDays: number) {
  const kit = sampleCaseCommands();
  const decider = createEnforcementCaseDecider({
    directory: kit.directory,
    hazards: { hazard: async (id) => kit.hazards[id] },
    inspections: { inspection: async (id) => kit.inspections[id] },
  });
  const spec = deciderSpec(decider, {
    now: new Date(sampleNow.getTime() + clockDays * dayMs),
    streamId: 'case-c-1',
    facts: kit.facts,
  });
  return { kit, actors: kit.actors, spec };
}
