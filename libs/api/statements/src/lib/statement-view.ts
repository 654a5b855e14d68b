import type { Statement, StatementStatus, StatementVote, StatementVoteCounts } from '@helix/contract';
import type { StatementBallot, StatementRecord } from './schemas/statement.schema';

/** Who reads a statement: a signed-in person, or `null` for the room's events, which everyone receives. */
export interface StatementViewer {
  id: string;
  moderator: boolean;
}

export const isPublic = (status: StatementStatus): boolean => status === 'approved';

export const canSee = (record: StatementRecord, viewer: StatementViewer): boolean =>
  viewer.moderator || isPublic(record.status) || record.authorId === viewer.id;

export function countBallots(ballots: Record<string, StatementBallot>): StatementVoteCounts {
  const counts: StatementVoteCounts = { agree: 0, disagree: 0, pass: 0 };
  for (const ballot of Object.values(ballots)) counts[ballot.vote] += 1;
  return counts;
}

export function toStatement(
  record: StatementRecord,
  votes: StatementVoteCounts,
  viewer: StatementViewer | null,
  myVote: StatementVote | null = null,
): Statement {
  return {
    id: record._id.toHexString(),
    roomId: record.roomId,
    text: record.text,
    status: record.status,
    votes,
    myVote: viewer ? myVote : null,
    mine: viewer !== null && record.authorId === viewer.id,
    createdAt: record.createdAt.toISOString(),
  };
}
