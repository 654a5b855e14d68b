import { describeRule, describeUnmet, evaluateConsensus, type Language } from '@helix/consensus';
import type { Initiative } from '@helix/contract';
import type { InitiativeRecord } from './schemas/initiative.schema';
import type { InitiativeVoteRecord } from './schemas/initiative-vote.schema';

/** The contract's view of an initiative: live tally and verdict while voting, the frozen ones after. */
export function toInitiative(
  record: InitiativeRecord,
  votes: InitiativeVoteRecord[],
  viewerId: string | null,
  language: Language,
): Initiative {
  const verdict = record.outcome ?? evaluateConsensus(record.rule, votes);
  const mine = viewerId ? votes.find((vote) => vote.userId === viewerId) : undefined;
  return {
    id: record._id.toHexString(),
    title: record.title,
    summary: record.summary,
    roomId: record.roomId,
    proposer: record.proposer,
    partners: record.partners,
    status: record.status,
    rule: record.rule,
    ruleText: describeRule(record.rule, language),
    closesAt: record.closesAt?.toISOString() ?? null,
    openedAt: record.openedAt?.toISOString() ?? null,
    closedAt: record.closedAt?.toISOString() ?? null,
    tally: verdict.tally,
    consensus: {
      reached: verdict.reached,
      unmet: verdict.conditions.map((condition) => describeUnmet(condition, language)),
      conditions: verdict.conditions,
    },
    objections: votes
      .filter((vote) => vote.position === 'disagree' || vote.position === 'block')
      .map((vote) => ({
        user: vote.user,
        position: vote.position as 'disagree' | 'block',
        reason: vote.reason ?? '',
        at: vote.at.toISOString(),
      })),
    myVote: mine ? { position: mine.position, reason: mine.reason } : null,
    source: record.source,
    createdAt: record.createdAt.toISOString(),
  };
}
