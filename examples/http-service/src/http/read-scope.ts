import type { SafetyActor } from '@safeledger/core';
import { forbidden, type Problem } from './problem.js';

/** Whose hazards a reader may see in the ledgers and figures. */
export interface ReadScope {
  /** The supervising organisation whose hazards are visible. */
  readonly orgId: string;
}

/**
 * The read scope of an authenticated person, by rule G-5 read for queries: a person acting for
 * an organisation sees the hazards that organisation supervises (the ledger's
 * `supervisingOrgId`), the way its officers may act only inside their own remit.
 *
 * Enterprise roles (Worker, SafetyOfficer, Principal, …) are refused: the spec gives them their
 * own hazards only, and the hazard ledger indexes the supervising organisation, not the subject,
 * so an enterprise's rows cannot be selected in the store. They read their hazards one by one
 * at `GET /hazards/{id}`. Refusing is the safe side of that gap; filtering in JavaScript would
 * load other enterprises' rows.
 */
export function readScopeOf(actor: SafetyActor): ReadScope | Problem {
  const orgId = (actor as { orgId?: string }).orgId;
  if (orgId === undefined) {
    return forbidden(
      `${actor.personId} acts as ${actor.role} for an enterprise; the ledgers and figures are read by people acting for a supervising organisation`,
    );
  }
  return { orgId };
}
