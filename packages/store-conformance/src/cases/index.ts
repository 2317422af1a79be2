import type { ConformanceCase } from '../harness.js';
import { activityReadModelCases } from './activity-read-models.js';
import { appendCases } from './append.js';
import { caseNumberCases } from './case-numbers.js';
import { caseReadModelCases } from './case-read-models.js';
import { commandHandlerCases } from './command-handler.js';
import { distinctCountCases } from './distinct-counts.js';
import { enterpriseRegistryCases } from './enterprise-registry.js';
import { gapSafetyCases } from './gap-safety.js';
import { handoverReadModelCases } from './handover-read-models.js';
import { hazardReadModelCases } from './hazard-read-models.js';
import { idempotencyCases } from './idempotency.js';
import { inspectionReadModelCases } from './inspection-read-models.js';
import { modelCases } from './model.js';
import { processManagerCases } from './process-managers.js';
import { projectionCases } from './projections.js';
import { queryCases } from './queries.js';
import { readCases } from './reads.js';
import { responsibilityReadModelCases } from './responsibility-read-models.js';
import { responsibilityUniquenessCases } from './responsibility-uniqueness.js';
import { safetyCases } from './safety.js';
import { siteEnterpriseReadModelCases } from './site-enterprise-read-models.js';
import { snapshotCases } from './snapshots.js';
import { supervisionItemPolicyCases } from './supervision-item-policies.js';
import { uniqueKeyCases } from './unique-keys.js';
import { upcastingCases } from './upcasting.js';
import { validationCases } from './validation.js';
import { venueReadModelCases } from './venue-read-models.js';

/** Every case of the suite, in the order the contract lists them. */
export const conformanceCases: readonly ConformanceCase[] = [
  ...appendCases,
  ...idempotencyCases,
  ...validationCases,
  ...readCases,
  ...gapSafetyCases,
  ...upcastingCases,
  ...snapshotCases,
  ...projectionCases,
  ...queryCases,
  ...distinctCountCases,
  ...hazardReadModelCases,
  ...caseReadModelCases,
  ...inspectionReadModelCases,
  ...responsibilityReadModelCases,
  ...handoverReadModelCases,
  ...venueReadModelCases,
  ...activityReadModelCases,
  ...commandHandlerCases,
  ...uniqueKeyCases,
  ...caseNumberCases,
  ...responsibilityUniquenessCases,
  ...enterpriseRegistryCases,
  ...processManagerCases,
  ...safetyCases,
  ...supervisionItemPolicyCases,
  ...modelCases,
  ...siteEnterpriseReadModelCases,
];
