import { expectTypeOf, test } from 'vitest';
import type { ActivityLedgerRow } from '../read-models/activity-ledger.js';
import type { CaseLedgerRow } from '../read-models/case-ledger.js';
import type { DutyCoverageRow } from '../read-models/duty-coverage.js';
import type {
  EnterpriseComplianceRow,
  EnterpriseFilingRow,
} from '../read-models/enterprise-compliance-ledger.js';
import type {
  HandoverHazardRow,
  HandoverItemRow,
  HandoverMeasureRow,
  HandoverUnitRow,
} from '../read-models/handover-ledger.js';
import type { BacklogRow, OverdueRow } from '../read-models/hazard-figures.js';
import type { HazardLedgerRow } from '../read-models/hazard-ledger.js';
import type { InspectionLedgerRow } from '../read-models/inspection-ledger.js';
import type { PlanVersionRow } from '../read-models/plan-ledger.js';
import type { ResponsibilityLedgerRow } from '../read-models/responsibility-ledger.js';
import type { SiteLedgerRow } from '../read-models/site-ledger.js';
import type { VenueRegisterRow } from '../read-models/venue-register.js';
import type { LabelGroup, LabelKey } from './vocabulary.js';

/** The fields of `Row` that group `G` gives no heading: `never` when every column is labelled. */
type Unlabelled<Row, G extends LabelGroup> = Exclude<keyof Row, LabelKey<G>>;

// One direction only: a group may label more than its row (figures of the same read model share
// the group, and existing codes stay), but a row field without a label fails here.
test('every field of the hazard, overdue and backlog rows has a column label', () => {
  expectTypeOf<Unlabelled<HazardLedgerRow, 'hazardLedgerColumn'>>().toEqualTypeOf<never>();
  expectTypeOf<Unlabelled<OverdueRow, 'overdueLedgerColumn'>>().toEqualTypeOf<never>();
  expectTypeOf<Unlabelled<BacklogRow, 'verificationBacklogColumn'>>().toEqualTypeOf<never>();
});

test('every field of the case and inspection rows has a column label', () => {
  expectTypeOf<Unlabelled<CaseLedgerRow, 'caseLedgerColumn'>>().toEqualTypeOf<never>();
  expectTypeOf<Unlabelled<InspectionLedgerRow, 'inspectionLedgerColumn'>>().toEqualTypeOf<never>();
});

test('every field of the site, venue, plan, duty and activity rows has a column label', () => {
  expectTypeOf<Unlabelled<SiteLedgerRow, 'siteLedgerColumn'>>().toEqualTypeOf<never>();
  expectTypeOf<Unlabelled<VenueRegisterRow, 'venueRegisterColumn'>>().toEqualTypeOf<never>();
  expectTypeOf<Unlabelled<PlanVersionRow, 'planLedgerColumn'>>().toEqualTypeOf<never>();
  expectTypeOf<Unlabelled<DutyCoverageRow, 'dutyRosterColumn'>>().toEqualTypeOf<never>();
  expectTypeOf<Unlabelled<ActivityLedgerRow, 'activityLedgerColumn'>>().toEqualTypeOf<never>();
});

test('every field of the responsibility and enterprise rows has a column label', () => {
  expectTypeOf<
    Unlabelled<ResponsibilityLedgerRow, 'responsibilityLedgerColumn'>
  >().toEqualTypeOf<never>();
  expectTypeOf<Unlabelled<EnterpriseFilingRow, 'enterpriseFilingColumn'>>().toEqualTypeOf<never>();
  expectTypeOf<
    Unlabelled<EnterpriseComplianceRow, 'enterpriseComplianceLedgerColumn'>
  >().toEqualTypeOf<never>();
});

test('every field of the handover item, unit, measure and hazard rows has a column label', () => {
  expectTypeOf<Unlabelled<HandoverItemRow, 'handoverItemColumn'>>().toEqualTypeOf<never>();
  expectTypeOf<Unlabelled<HandoverUnitRow, 'handoverUnitColumn'>>().toEqualTypeOf<never>();
  expectTypeOf<Unlabelled<HandoverMeasureRow, 'handoverMeasureColumn'>>().toEqualTypeOf<never>();
  expectTypeOf<Unlabelled<HandoverHazardRow, 'handoverHazardColumn'>>().toEqualTypeOf<never>();
});

test('the check is not vacuous: a field missing from a group shows up as unlabelled', () => {
  expectTypeOf<
    Unlabelled<{ hazardId: string; notAColumn: 1 }, 'hazardLedgerColumn'>
  >().toEqualTypeOf<'notAColumn'>();
  expectTypeOf<Unlabelled<CaseLedgerRow, 'hazardLedgerColumn'>>().not.toEqualTypeOf<never>();
});
