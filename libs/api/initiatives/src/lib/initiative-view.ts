import {
  describeRule,
  describeUnmet,
  evaluateConsensus,
  type ConsensusResult,
  type Language,
} from '@helix/consensus';
import type { Initiative } from '@helix/contract';
import type { InitiativeRecord } from './schemas/initiative.schema';

type Verdict = Pick<ConsensusResult, 'reached' | 'conditions' | 'tally'>;

/** The verdict now: the frozen one once voting closed, else the rule applied to the current votes. */
export const verdictOf = (record: InitiativeRecord): Verdict =>
  record.outcome ?? evaluateConsensus(record.rule, Object.values(record.votes ?? {}));

/** The contract's view of an initiative as `viewerId` sees it (null: as every member does). */
export function toInitiative(
  record: InitiativeRecord,
  verdict: Verdict,
  viewerId: string | null,
  language: Language,
): Initiative {
  const votes = Object.values(record.votes ?? {});
  const mine = viewerId ? record.votes?.[viewerId] : undefined;
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
