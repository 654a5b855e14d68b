import {
  describeRule,
  describeUnmet,
  evaluateConsensus,
  type ConsensusResult,
  type ConsensusRule,
  type Language,
} from '@helix/consensus';
import type { Initiative } from '@helix/contract';
import { toAmendment } from './amendments';
import { isJoint } from './partners';
import { toPledge } from './pledges';
import type { InitiativeWithVotes } from './schemas/initiative.schema';

type Verdict = Pick<ConsensusResult, 'reached' | 'conditions' | 'tally'>;

/** The verdict now: the frozen one once voting closed, else `rule` applied to the current votes. */
export const verdictOf = (record: InitiativeWithVotes, rule: ConsensusRule): Verdict =>
  record.outcome ?? evaluateConsensus(rule, Object.values(record.votes));

/** The contract's view of an initiative under `rule`, as `viewerId` sees it (null: as every member does). */
export function toInitiative(
  record: InitiativeWithVotes & { forumId: string },
  rule: ConsensusRule,
  verdict: Verdict,
  viewerId: string | null,
  language: Language,
): Initiative {
  const votes = Object.values(record.votes);
  const mine = viewerId ? record.votes[viewerId] : undefined;
  return {
    id: record._id.toHexString(),
    title: record.title,
    summary: record.summary,
    roomId: record.roomId,
    forumId: record.forumId,
    proposer: record.proposer,
    partners: record.partners.map((partner) => ({
      organization: partner.organization,
      stakeholderGroup: partner.stakeholderGroup,
      status: partner.status,
      respondedBy: partner.respondedBy,
      respondedAt: partner.respondedAt?.toISOString() ?? null,
    })),
    joint: isJoint(record.partners),
    status: record.status,
    rule,
    ruleText: describeRule(rule, language),
    closesAt: record.closesAt?.toISOString() ?? null,
    openedAt: record.openedAt?.toISOString() ?? null,
    closedAt: record.closedAt?.toISOString() ?? null,
    withdrawnBy: record.withdrawnBy ?? null,
    withdrawnAt: record.withdrawnAt?.toISOString() ?? null,
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
        wouldChange: vote.wouldChange ?? '',
        at: vote.at.toISOString(),
      })),
    myVote: mine
      ? {
          position: mine.position,
          reason: mine.reason,
          wouldChange: mine.wouldChange ?? null,
          revision: mine.revision ?? 1,
        }
      : null,
    revision: record.revision ?? 1,
    pledges: (record.pledges ?? []).map((pledge) => toPledge(record._id.toHexString(), pledge, new Date())),
    amendments: (record.amendments ?? []).map((amendment, index) =>
      toAmendment(record, amendment, index + 1),
    ),
    source: record.source,
    createdAt: record.createdAt.toISOString(),
  };
}
