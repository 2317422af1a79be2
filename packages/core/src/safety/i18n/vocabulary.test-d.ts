import { expectTypeOf, test } from 'vitest';
import type { OrganizationKind, OrganizationLevel } from '../directory/organization.js';
import type { SubjectKind } from '../directory/subject.js';
import type { Area } from '../directory/subject-records.js';
import type { ClosurePrerequisite } from '../hazard/closure.js';
import type { HazardCommandType } from '../hazard/commands.js';
import type { HazardEventType } from '../hazard/events.js';
import type { PlanElement } from '../hazard/plan.js';
import type { HazardStatus } from '../hazard/state.js';
import type {
  AssessorKind,
  DisclosureForum,
  HazardGrade,
  HazardNature,
  HazardSource,
  InterimMeasure,
  SuspensionScope,
  VerificationKind,
  VerificationPurpose,
} from '../hazard/values.js';
import type { VerifierSide } from '../hazard/verifiers.js';
import type { CheckFrequency, DualPenaltyRole, RateMode } from '../policy/supervision-policy.js';
import type { Role } from '../roles/role.js';
import type { RuleBasis, RuleEnforcement } from '../rules/rule-catalog.js';
import type { LabelKey } from './vocabulary.js';

// Equality both ways: a code without a label, or a label for a code the types do not know, fails.
test('the hazard: every event type, command type and state has a label, and no label is extra', () => {
  expectTypeOf<HazardEventType>().toExtend<LabelKey<'eventType'>>();
  expectTypeOf<HazardCommandType>().toExtend<LabelKey<'commandType'>>();
  expectTypeOf<LabelKey<'hazardState'>>().toEqualTypeOf<HazardStatus>();
  expectTypeOf<LabelKey<'hazardGrade'>>().toEqualTypeOf<HazardGrade>();
  expectTypeOf<LabelKey<'hazardNature'>>().toEqualTypeOf<HazardNature>();
  expectTypeOf<LabelKey<'hazardSource'>>().toEqualTypeOf<HazardSource>();
  expectTypeOf<LabelKey<'suspensionScope'>>().toEqualTypeOf<SuspensionScope>();
  expectTypeOf<LabelKey<'interimMeasure'>>().toEqualTypeOf<InterimMeasure>();
  expectTypeOf<LabelKey<'assessorKind'>>().toEqualTypeOf<AssessorKind>();
  expectTypeOf<LabelKey<'verificationPurpose'>>().toEqualTypeOf<VerificationPurpose>();
  expectTypeOf<LabelKey<'verificationKind'>>().toEqualTypeOf<VerificationKind>();
  expectTypeOf<LabelKey<'disclosureForum'>>().toEqualTypeOf<DisclosureForum>();
  expectTypeOf<LabelKey<'planElement'>>().toEqualTypeOf<PlanElement>();
  // The codes hazard violation messages show as labels (H-18, H-19, H-20).
  expectTypeOf<LabelKey<'verifierSide'>>().toEqualTypeOf<VerifierSide>();
  expectTypeOf<LabelKey<'closureBlocker'>>().toEqualTypeOf<ClosurePrerequisite>();
});

test('roles, organisations, areas, subjects and policy values each have a label', () => {
  expectTypeOf<LabelKey<'role'>>().toEqualTypeOf<Role>();
  expectTypeOf<LabelKey<'organizationKind'>>().toEqualTypeOf<OrganizationKind>();
  expectTypeOf<LabelKey<'organizationLevel'>>().toEqualTypeOf<OrganizationLevel>();
  expectTypeOf<LabelKey<'areaKind'>>().toEqualTypeOf<Area['kind']>();
  expectTypeOf<LabelKey<'subjectKind'>>().toEqualTypeOf<SubjectKind>();
  expectTypeOf<LabelKey<'rateMode'>>().toEqualTypeOf<RateMode>();
  expectTypeOf<LabelKey<'checkFrequency'>>().toEqualTypeOf<CheckFrequency>();
  expectTypeOf<LabelKey<'respondentRole'>>().toEqualTypeOf<DualPenaltyRole>();
  expectTypeOf<LabelKey<'ruleBasis'>>().toEqualTypeOf<RuleBasis>();
  expectTypeOf<LabelKey<'ruleEnforcement'>>().toEqualTypeOf<RuleEnforcement>();
});

test('label keys are typed unions, so a misspelt code fails the type check', () => {
  expectTypeOf<'major'>().toExtend<LabelKey<'hazardGrade'>>();
  expectTypeOf<'majr'>().not.toExtend<LabelKey<'hazardGrade'>>();
  expectTypeOf<'CaseFiled'>().toExtend<LabelKey<'eventType'>>();
  expectTypeOf<'FileCase'>().toExtend<LabelKey<'commandType'>>();
});
