import {
  type InMemoryDirectory,
  type InspectionDecider,
  type InspectionEvent,
  type InspectionState,
  inspectionStreamId,
  isScheduledInspection,
} from '@safeledger/core';
import fc from 'fast-check';
import { inspectionCommandArbitrary } from './inspection-command-arbitraries.js';
import {
  type InspectionPolicyView,
  inspectionPolicyInvariants,
} from './inspection-policy-invariants.js';
import type { PolicySubject } from './policy-lifecycle.js';
import { sampleInspectionCommands } from './sample-inspection-commands.js';

// The enforcement bureau's team pool: its three credentialed officers and its head, who holds no
// credential (so a team of four may still count only three).
const pool = ['p-enf-1', 'p-enf-2', 'p-enf-3', 'p-safety-head'];

/**
 * The Inspection aggregate as `verifyPolicy` drives it: the commands of
 * `inspectionCommandArbitrary` on the sample directory, plus probes at the policy's
 * `minEnforcementOfficers`: enforcement inspections of the chemical works scheduled with teams
 * of one to four drawn from the bureau (some named twice), so that teams just below, at and above
 * the threshold all occur. Checked against `inspectionPolicyInvariants`.
 */
export function inspectionPolicySubject(
  decider: InspectionDecider,
  directory: InMemoryDirectory,
): PolicySubject<InspectionState, InspectionEvent, InspectionPolicyView> {
  const kit = sampleInspectionCommands(directory);
  const probe = fc
    .tuple(
      fc.shuffledSubarray(pool, { minLength: 1, maxLength: pool.length }),
      fc.constantFrom(false, false, true),
    )
    .map(([team, twice]) => {
      const ids = twice ? [...team, team[0]!] : team;
      // The first credentialed member schedules: the lead must be of the team (I-0).
      const lead = team.find((id) => id !== 'p-safety-head') ?? 'p-enf-1';
      return kit.schedule({
        inspectorIds: ids,
        actor: { ...kit.actors.lead, personId: lead },
      });
    });
  return {
    decider: decider as PolicySubject<
      InspectionState,
      InspectionEvent,
      InspectionPolicyView
    >['decider'],
    invariants: inspectionPolicyInvariants,
    // Only the day matters to the commands drawn, and whether the inspection is scheduled.
    nextArgs: (state, nowMs) => [
      isScheduledInspection(state),
      new Date(nowMs).toISOString().slice(0, 10),
    ],
    next: (scheduled: boolean, today: string): fc.Arbitrary<unknown> => {
      const any = inspectionCommandArbitrary({ today });
      return scheduled
        ? fc.oneof({ arbitrary: any, weight: 3 }, { arbitrary: probe, weight: 1 })
        : fc.oneof({ arbitrary: any, weight: 1 }, { arbitrary: probe, weight: 3 });
    },
    streamId: () => inspectionStreamId('i-1'),
    ended: (state) =>
      isScheduledInspection(state) &&
      (state.status === 'completed' || state.status === 'cancelled'),
    // The subject is active for I-7: `prepare` would read it through the subject-status port.
    facts: () => ({ subjectStatus: 'active' }),
    view: (base) => ({ ...base, directory }),
  };
}
