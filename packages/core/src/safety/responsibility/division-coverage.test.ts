import { sampleNow, sampleResponsibilityCommands } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createInMemoryDirectory } from '../directory/in-memory-directory.js';
import type { ResponsibilityCommand } from './commands.js';
import { createResponsibilityDecider } from './decide.js';
import { divisionLeadCoverage } from './division-coverage.js';
import {
  evolveResponsibility,
  initialResponsibilityState,
  isStartedAssignment,
  type ResponsibilityState,
  type StartedAssignment,
} from './state.js';

const kit = sampleResponsibilityCommands();
const base = kit.directory;
// A second industry bureau, so two bodies can claim one sector.
const directory = createInMemoryDirectory({
  areas: [...base.areas()],
  organizations: [
    ...base.organizations(),
    {
      id: 'org-commerce',
      name: 'Commerce bureau',
      kind: 'industry',
      level: 'district',
      areaIds: ['area-park'],
    },
  ],
  enterprises: [...base.enterprises()],
  venues: [...base.venues()],
  sites: [...base.sites()],
  persons: [...base.persons()],
});
const decider = createResponsibilityDecider({ directory });

function issued(
  assignmentId: string,
  assigneeId: string,
  duty: { sectorCodes?: string[]; venueCategories?: string[]; role?: 'lead' | 'support' },
  listKind: 'venue_division' | 'task_division' = 'venue_division',
): StartedAssignment {
  const commands: ResponsibilityCommand[] = [
    kit.draft({
      assignmentId,
      listKind,
      assignee: { kind: 'department', id: assigneeId },
      portfolio: [],
      duties: [kit.duty({ code: `V-${assignmentId}`, domainCodes: [], ...duty })],
    }),
    kit.issue(),
  ];
  let state: ResponsibilityState = initialResponsibilityState();
  for (const command of commands) {
    const events = decider.decide(command, state, {
      now: sampleNow,
      streamId: `resp-${assignmentId}`,
      version: state.version,
    });
    for (const event of [events].flat()) state = evolveResponsibility(state, event);
  }
  if (!isStartedAssignment(state)) throw new Error('not drafted');
  return state;
}

describe('division lead coverage', () => {
  it('RA-10 each sector and venue category of a division list has exactly one lead industry body', () => {
    const coverage = divisionLeadCoverage(
      [
        issued('a', 'org-industry', {
          sectorCodes: ['C26'],
          venueCategories: ['small_restaurant'],
        }),
        issued('b', 'org-commerce', { venueCategories: ['small_restaurant', 'small_hotel'] }),
        issued('c', 'org-territorial', { sectorCodes: ['C33'] }),
        issued('d', 'org-commerce', { sectorCodes: ['C26'], role: 'support' }),
        // Another kind of list does not count, nor does a lead outside an industry body.
        issued('e', 'org-commerce', { sectorCodes: ['C40'] }, 'task_division'),
      ],
      directory,
    );
    expect(coverage.gaps).toEqual([{ kind: 'sector', code: 'C33', leadOrgIds: [] }]);
    expect(coverage.duplicates).toEqual([
      {
        kind: 'venue_category',
        code: 'small_restaurant',
        leadOrgIds: ['org-commerce', 'org-industry'],
      },
    ]);
  });
});
