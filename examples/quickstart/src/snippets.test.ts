import { expect, test } from 'vitest';
import { specifyMajorHazardPlan } from './snippets/hazard-spec.js';

// The docs' snippets are checked verbatim by docs-snippets.test.ts; this one is also run.
test('the testing guide spec runs and reports the missing plan element', () => {
  expect(specifyMajorHazardPlan()).toEqual({ missing: ['contingencyPlanRef'] });
});
