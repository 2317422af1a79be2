import { expectTypeOf, test } from 'vitest';
import type { LabelKey } from '../i18n/vocabulary.js';
import type { EnforcementCaseCommandType } from './commands.js';
import type { EnforcementCaseEventType } from './events.js';
import type { SourceInspectionKind } from './facts.js';
import type { CaseStatus } from './state.js';
import type {
  DismissalReason,
  EvidenceKind,
  LegalReviewOpinion,
  PenaltyKind,
  PenaltyPerformance,
  RespondentKind,
  RespondentRole,
  ServiceMethod,
  TransferKind,
} from './values.js';

// Equality both ways: a code without a label, or a label for a code the types do not know, fails.
test('the enforcement case: every event type, command type, state and code has a label, and no label is extra', () => {
  expectTypeOf<LabelKey<'eventType'>>().toExtend<string>();
  expectTypeOf<EnforcementCaseEventType>().toExtend<LabelKey<'eventType'>>();
  expectTypeOf<EnforcementCaseCommandType>().toExtend<LabelKey<'commandType'>>();
  expectTypeOf<LabelKey<'caseState'>>().toEqualTypeOf<CaseStatus>();
  expectTypeOf<LabelKey<'respondentKind'>>().toEqualTypeOf<RespondentKind>();
  expectTypeOf<LabelKey<'respondentRole'>>().toEqualTypeOf<RespondentRole>();
  expectTypeOf<LabelKey<'evidenceKind'>>().toEqualTypeOf<EvidenceKind>();
  expectTypeOf<LabelKey<'legalReviewOpinion'>>().toEqualTypeOf<LegalReviewOpinion>();
  expectTypeOf<LabelKey<'penaltyKind'>>().toEqualTypeOf<PenaltyKind>();
  expectTypeOf<LabelKey<'penaltyPerformance'>>().toEqualTypeOf<PenaltyPerformance>();
  expectTypeOf<LabelKey<'serviceMethod'>>().toEqualTypeOf<ServiceMethod>();
  expectTypeOf<LabelKey<'dismissalReason'>>().toEqualTypeOf<DismissalReason>();
  expectTypeOf<LabelKey<'transferKind'>>().toEqualTypeOf<TransferKind>();
  expectTypeOf<LabelKey<'inspectionKind'>>().toEqualTypeOf<SourceInspectionKind>();
});
