import type { z } from 'zod';
import { compareLocalDates } from '../calendar/local-date.js';
import { isRegulator } from '../directory/organization.js';
import type { AssignItemSchema, ReceiveHandoverSchema } from './commands.js';
import { eventBase, type ItemDecisionContext } from './decision-context.js';
import type { SupervisionItemEvent } from './events.js';
import { requireCommitteeOffice, requireReceiver } from './permissions.js';
import { violate } from './rules.js';
import type { ReceivedItem } from './state.js';

type Parsed<S extends z.ZodType> = z.output<S>;

/** `ReceiveHandover`: by the issuing team or the committee office; a hazard list names subjects (SI-2). */
export function decideReceiveHandover(
  ctx: ItemDecisionContext,
  command: Parsed<typeof ReceiveHandoverSchema>,
): SupervisionItemEvent[] {
  requireReceiver(ctx, command.issuer, command.closureAuthority);
  if (command.kind === 'hazard_list' && command.subjectEnterpriseIds.length === 0) {
    throw violate('SI-2', 'SubjectsRequired', {});
  }
  return [
    {
      type: 'HandoverReceived',
      data: {
        ...eventBase(ctx, command.itemId),
        batchId: command.batchId,
        kind: command.kind,
        batchTitle: command.batchTitle,
        issuer: command.issuer,
        deadline: command.deadline,
        subjectEnterpriseIds: [...new Set(command.subjectEnterpriseIds)],
        expectedHazardCount: command.expectedHazardCount ?? null,
        description: command.description,
        petitioner:
          command.kind === 'petition' ? (command.petitioner ?? { anonymous: false }) : null,
        closureAuthority: command.closureAuthority,
      },
    },
  ];
}

/** `AssignItem`: the committee office names one lead regulator and an internal deadline (SI-1). */
export function decideAssignItem(
  ctx: ItemDecisionContext,
  item: ReceivedItem,
  command: Parsed<typeof AssignItemSchema>,
): SupervisionItemEvent[] {
  if (item.status !== 'received') {
    throw violate('SI-0', 'InvalidState', { command: 'AssignItem', state: item.status });
  }
  requireCommitteeOffice(ctx, 'AssignItem');
  const { leadOrgId, internalDeadline } = command;
  const lead = ctx.directory.organization(leadOrgId);
  if (lead === undefined || !isRegulator(lead)) {
    throw violate('SI-1', 'LeadNotARegulator', { leadOrgId });
  }
  const supportOrgIds = [...new Set(command.supportOrgIds)];
  if (supportOrgIds.includes(leadOrgId)) throw violate('SI-1', 'LeadAmongSupport', { leadOrgId });
  const unknown = supportOrgIds.filter((id) => ctx.directory.organization(id) === undefined);
  if (unknown.length > 0) throw violate('SI-1', 'UnknownOrganization', { orgIds: unknown });
  if (compareLocalDates(internalDeadline, item.deadline) > 0) {
    throw violate('SI-1', 'InternalDeadlineAfterDeadline', {
      internalDeadline,
      deadline: item.deadline,
    });
  }
  return [
    {
      type: 'ItemAssigned',
      data: { ...eventBase(ctx, item.itemId), leadOrgId, supportOrgIds, internalDeadline },
    },
  ];
}
