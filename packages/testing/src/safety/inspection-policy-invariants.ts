import type { Directory, InspectionEvent, SupervisionPolicy } from '@safeledger/core';

/**
 * What an inspection policy invariant sees: the inspection's events so far, the new ones, the
 * clock, and the directory the teams' credentials are read from.
 */
export interface InspectionPolicyView {
  readonly policy: SupervisionPolicy;
  /** Every event of the inspection stream, the new ones included, in stream order. */
  readonly events: readonly InspectionEvent[];
  /** The events the last accepted command produced. */
  readonly lastEvents: readonly InspectionEvent[];
  /** The recording time the command was decided at. */
  readonly now: Date;
  /** The people the decider was built with: who holds an enforcement credential. */
  readonly directory: Directory;
}

/**
 * One invariant the built-in Inspection aggregate keeps under any policy, stated over its events
 * in the policy's own terms. `applies` says whether the view gave it anything to check, so a
 * verification can show that each invariant was actually exercised.
 */
export interface InspectionPolicyInvariant {
  /** The rule of the domain spec the invariant restates. */
  readonly rule: string;
  /** What the invariant says, in a sentence. */
  readonly name: string;
  /** Whether the policy gives the invariant anything to check at all (default: always). */
  readonly relevant?: (policy: SupervisionPolicy) => boolean;
  /** Whether the view gives the invariant anything to check. */
  readonly applies: (view: InspectionPolicyView) => boolean;
  /** `undefined` when it holds, otherwise what is wrong. */
  readonly check: (view: InspectionPolicyView) => string | undefined;
}

type Scheduled = Extract<InspectionEvent, { type: 'InspectionScheduled' }>;
const enforcementScheduled = (events: readonly InspectionEvent[]) =>
  events.filter(
    (event): event is Scheduled =>
      event.type === 'InspectionScheduled' && event.data.kind === 'enforcement',
  );

/**
 * The invariants `verifyPolicy` re-checks for inspections, from the domain spec's wording of I-1
 * (§4.4, with EC-2 and APL Art. 42) and the policy key it names (`minEnforcementOfficers`), never
 * from the decider's code.
 */
export const inspectionPolicyInvariants: readonly InspectionPolicyInvariant[] = [
  {
    rule: 'I-1',
    name: 'an enforcement inspection is scheduled with at least minEnforcementOfficers distinct credentialed inspectors',
    applies: ({ lastEvents }) => enforcementScheduled(lastEvents).length > 0,
    check: ({ lastEvents, policy, directory }) => {
      for (const scheduled of enforcementScheduled(lastEvents)) {
        // Distinct people: naming one officer twice does not make two officers.
        const credentialed = [...new Set(scheduled.data.inspectorIds)].filter(
          (id) => directory.person(id)?.enforcementCredentialNo !== undefined,
        );
        if (credentialed.length < policy.minEnforcementOfficers)
          return `enforcement inspection ${scheduled.data.inspectionId} has ${credentialed.length} credentialed inspector(s) (${credentialed.join(', ') || 'none'}), but the policy asks for ${policy.minEnforcementOfficers}`;
      }
      return undefined;
    },
  },
];
