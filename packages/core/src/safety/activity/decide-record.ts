import { ValidationError } from '../../eventsourcing/errors.js';
import { assertActivityFacts } from './check-facts.js';
import type { ParsedActivityCommand } from './commands.js';
import type { ActivityDecisionContext } from './decision-context.js';
import type { ActivityEvent, ActivityFacts } from './events.js';
import { assertMayRecordFor } from './permissions.js';

type Record = Extract<ParsedActivityCommand, { type: 'RecordActivity' }>;

function invalid(path: string, message: string): ValidationError {
  return new ValidationError(`invalid ActivityCommand: ${path}: ${message}`, [
    { type: 'ActivityCommand', path, message },
  ]);
}

/** `RecordActivity`: the organiser's officers record it once it has taken place (A-0…A-2, G-5). */
export function decideRecordActivity(
  ctx: ActivityDecisionContext,
  command: Record,
  streamId: string,
): ActivityEvent[] {
  if (streamId !== `act-${command.activityId}`) {
    throw invalid(
      'activityId',
      `activity ${command.activityId} does not match stream "${streamId}"`,
    );
  }
  const organizerOrgId = command.organizerOrgId ?? null;
  const organizerEnterpriseId = command.organizerEnterpriseId ?? null;
  if ((organizerOrgId === null) === (organizerEnterpriseId === null)) {
    throw invalid(
      'organizerOrgId',
      'name exactly one organiser: organizerOrgId or organizerEnterpriseId',
    );
  }
  const facts: ActivityFacts = {
    kind: command.kind,
    topic: command.topic,
    sectorCode: command.sectorCode ?? null,
    date: command.date,
    participantCount: command.participantCount,
    enterpriseIds: [...new Set(command.enterpriseIds)],
    materials: { ...command.materials },
    planId: command.planId ?? null,
    planKind: command.planKind ?? null,
    approximate: command.approximate,
  };
  assertMayRecordFor(
    ctx.directory,
    ctx.actor,
    { organizerOrgId, organizerEnterpriseId },
    facts.enterpriseIds,
  );
  assertActivityFacts(ctx, facts);
  return [
    {
      type: 'ActivityRecorded',
      data: {
        activityId: command.activityId,
        occurredAt: ctx.occurredAt,
        actor: ctx.actor,
        organizerOrgId,
        organizerEnterpriseId,
        ...facts,
      },
    },
  ];
}
