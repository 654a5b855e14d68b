import type { Pledge } from '@helix/contract';
import type { PledgeRecord } from './schemas/initiative.schema';

/** Past its due date and not finished (done or dropped): worked out when read, from the read model. */
export const isOverdue = (pledge: PledgeRecord, now: Date): boolean =>
  pledge.dueDate < now && pledge.status !== 'done' && pledge.status !== 'dropped';

export const toPledge = (initiativeId: string, pledge: PledgeRecord, now: Date): Pledge => ({
  id: pledge.id,
  initiativeId,
  organization: pledge.organization,
  stakeholderGroup: pledge.stakeholderGroup,
  kind: pledge.kind,
  description: pledge.description,
  amount: pledge.amount,
  owner: pledge.owner,
  dueDate: pledge.dueDate.toISOString(),
  status: pledge.status,
  percent: pledge.percent,
  overdue: isOverdue(pledge, now),
  updates: pledge.updates.map((update) => ({ ...update, at: update.at.toISOString() })),
  createdBy: pledge.createdBy,
  createdAt: pledge.createdAt.toISOString(),
});
