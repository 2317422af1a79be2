import { expectTypeOf, test } from 'vitest';
import { forbidden } from './forbidden.js';
import type { ForbiddenReason, ForbiddenReasonValues } from './forbidden-reasons.js';

const actor = { personId: 'p-1', role: 'Principal', enterpriseId: 'e-1' } as const;

test('reason codes are a closed union', () => {
  expectTypeOf<'role_not_allowed'>().toExtend<ForbiddenReason>();
  expectTypeOf<'role_not_alowed'>().not.toExtend<ForbiddenReason>();
  // @ts-expect-error a misspelt code fails the type check
  forbidden('G-5', actor, 'role_not_alowed', { command: 'AssignItem', allowedRoles: [] });
});

test('the values a reason names are required, with their types', () => {
  expectTypeOf<keyof ForbiddenReasonValues<'not_inspector'>>().toEqualTypeOf<
    'command' | 'lead' | 'inspectionId'
  >();
  expectTypeOf<ForbiddenReasonValues<'not_inspector'>['lead']>().toEqualTypeOf<'true' | boolean>();
  forbidden('G-5', actor, 'not_a_signatory');
  forbidden('G-5', actor, 'role_not_allowed', {
    command: 'AssignItem',
    allowedRoles: ['Principal'],
  });
  // @ts-expect-error a value the templates name is missing
  forbidden('G-5', actor, 'role_not_allowed', { command: 'AssignItem' });
  // @ts-expect-error a select takes one of its cases
  forbidden('G-5', actor, 'owner_roles_only', { act: 'draft', ownerId: 'o', allowedRoles: [] });
  // @ts-expect-error a reason with values needs them
  forbidden('G-5', actor, 'not_roster_org');
});
