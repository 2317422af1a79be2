import { createMemoryEventStore } from '@safeledger/store-memory';
import {
  sampleCaseCommands,
  sampleHazardCommands,
  sampleInspectionCommands,
  sampleNow,
  sampleResponsibilityCommands,
  staticSubjectStatus,
} from '@safeledger/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../eventsourcing/command-handler.js';
import type { Decider } from '../eventsourcing/decider.js';
import { isRuleViolation } from '../eventsourcing/errors.js';
import type { EventStore } from '../eventsourcing/event-store.js';
import type { InMemoryDirectory } from './directory/in-memory-directory.js';
import { createEnforcementCaseDecider } from './enforcement-case/decide.js';
import { createHazardDecider } from './hazard/decide.js';
import { createInspectionDecider } from './inspection/decide.js';
import { createResponsibilityDecider } from './responsibility/decide.js';
import type { SafetyActor } from './roles/actor.js';
import { enterpriseRoles, organizationRoles, type Role, RoleSchema } from './roles/role.js';

/*
 * Issue 20, authorisation (G-5), the part every aggregate shares: the actor a command names must
 * be who the directory says. For a command the genuine actor may send, any forged variant (an
 * unknown person, a role the person does not hold, an organisation the person does not belong
 * to) is refused with `Forbidden`, and nothing is written.
 */

interface Case {
  readonly name: string;
  readonly directory: InMemoryDirectory;
  readonly decider: Decider<any, any, any, any>;
  readonly stream: string;
  readonly command: { readonly actor: SafetyActor };
}

const hazardKit = sampleHazardCommands();
const caseKit = sampleCaseCommands();
const inspectionKit = sampleInspectionCommands();
const responsibilityKit = sampleResponsibilityCommands();
const filing = caseKit.file();
const cases: readonly Case[] = [
  {
    name: 'Hazard',
    directory: hazardKit.directory,
    decider: createHazardDecider({ directory: hazardKit.directory }),
    stream: `hazard-${hazardKit.registerGeneral().hazardId}`,
    command: hazardKit.registerGeneral(),
  },
  {
    name: 'EnforcementCase',
    directory: caseKit.directory,
    decider: createEnforcementCaseDecider({
      directory: caseKit.directory,
      hazards: { hazard: async (id) => caseKit.hazards[id] },
      inspections: { inspection: async (id) => caseKit.inspections[id] },
    }),
    stream: `case-${filing.caseId}`,
    command: filing,
  },
  {
    name: 'Inspection',
    directory: inspectionKit.directory,
    decider: createInspectionDecider({
      directory: inspectionKit.directory,
      subjects: staticSubjectStatus(),
    }),
    stream: `insp-${inspectionKit.schedule().inspectionId}`,
    command: inspectionKit.schedule(),
  },
  {
    name: 'ResponsibilityAssignment',
    directory: responsibilityKit.directory,
    decider: createResponsibilityDecider({ directory: responsibilityKit.directory }),
    stream: `resp-${responsibilityKit.draft().assignmentId}`,
    command: responsibilityKit.draft(),
  },
];

/** An actor of `role` for `personId`, shaped as the actor schema wants for that role. */
function shaped(personId: string, role: Role, orgId: string, enterpriseId: string): SafetyActor {
  if (enterpriseRoles.includes(role)) return { personId, role, enterpriseId };
  if (organizationRoles.includes(role)) return { personId, role, orgId };
  return { personId, role };
}

/**
 * Forged variants of a genuine actor, well-formed for the schema, none of which the directory
 * can vouch for. `System` is left out: it is the policies' own actor and not a person's role.
 */
function forged(directory: InMemoryDirectory, actor: SafetyActor): fc.Arbitrary<SafetyActor> {
  const persons = directory.persons();
  const person = persons.find((p) => p.id === actor.personId)!;
  const orgIds = [...new Set(persons.flatMap((p) => (p.orgId === undefined ? [] : [p.orgId])))];
  const enterpriseIds = [
    ...new Set(persons.flatMap((p) => (p.enterpriseId === undefined ? [] : [p.enterpriseId]))),
  ];
  const ownOrg = person.orgId ?? orgIds[0]!;
  const ownEnterprise = person.enterpriseId ?? enterpriseIds[0]!;
  const otherRoles = RoleSchema.options.filter(
    (role) => role !== 'System' && !person.roles.includes(role),
  );
  const variants: fc.Arbitrary<SafetyActor>[] = [
    fc
      .stringMatching(/^p-[a-z]{3,8}$/)
      .filter((id) => !persons.some((p) => p.id === id))
      .map((personId) => ({ ...actor, personId })),
  ];
  if (otherRoles.length > 0)
    variants.push(
      fc
        .constantFrom(...otherRoles)
        .map((role) => shaped(actor.personId, role, ownOrg, ownEnterprise)),
    );
  const foreignOrgs = orgIds.filter((id) => id !== actor.orgId);
  if (actor.orgId !== undefined && foreignOrgs.length > 0)
    variants.push(fc.constantFrom(...foreignOrgs).map((orgId) => ({ ...actor, orgId })));
  const foreignEnterprises = enterpriseIds.filter((id) => id !== actor.enterpriseId);
  if (actor.enterpriseId !== undefined && foreignEnterprises.length > 0)
    variants.push(
      fc.constantFrom(...foreignEnterprises).map((enterpriseId) => ({ ...actor, enterpriseId })),
    );
  return fc.oneof(...variants);
}

async function logSize(store: EventStore): Promise<number> {
  let n = 0;
  for await (const _ of store.readAll()) n += 1;
  return n;
}

describe('G-5 forged actors (issue 20)', () => {
  for (const c of cases) {
    it(`G-5 ${c.name}: the genuine actor may send the command; no forged variant of it may`, async () => {
      const genuine = createMemoryEventStore();
      const handleGenuine = createCommandHandler({
        store: genuine,
        decider: c.decider,
        clock: () => sampleNow,
      });
      await handleGenuine(c.stream, c.command);
      expect(await logSize(genuine)).toBeGreaterThan(0);

      await fc.assert(
        fc.asyncProperty(forged(c.directory, c.command.actor), async (actor) => {
          const store = createMemoryEventStore();
          const handle = createCommandHandler({
            store,
            decider: c.decider,
            clock: () => sampleNow,
          });
          const error = await handle(c.stream, { ...c.command, actor }).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(isRuleViolation(error), `${JSON.stringify(actor)}: ${String(error)}`).toBe(true);
          expect((error as { violation: string }).violation).toBe('Forbidden');
          expect(await logSize(store)).toBe(0);
        }),
        { numRuns: 60 },
      );
    });
  }
});
