import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '@helix/contract';
import { describeUnmet, type Language, type UnmetCondition } from './messages';
import { POSITIONS, type Ballot, type ConsensusRule, type GroupTally, type Position } from './rule';

export interface Tally {
  total: number;
  byGroup: Partial<Record<StakeholderGroup, GroupTally>>;
}

export interface ConsensusResult {
  reached: boolean;
  /** One plain sentence per condition not met, in the requested language. */
  unmet: string[];
  /** The same conditions, structured, for clients that word them themselves. */
  conditions: UnmetCondition[];
  tally: Tally;
}

/** Ratios are compared with a tolerance, so 7 of 10 meets a 0.7 threshold despite binary floating point. */
const EPSILON = 1e-9;

const emptyTally = (): GroupTally =>
  Object.fromEntries(POSITIONS.map((position) => [position, 0])) as Record<Position, number>;

export function tallyBallots(ballots: Ballot[]): Tally {
  const byGroup: Tally['byGroup'] = {};
  for (const ballot of ballots) (byGroup[ballot.group] ??= emptyTally())[ballot.position] += 1;
  return { total: ballots.length, byGroup };
}

/**
 * Decides whether a rule is met by a set of ballots: a pure function, so the same answer is given
 * live, at closing time and in tests. See DEFAULT_CONSENSUS_RULE for what each condition means.
 */
export function evaluateConsensus(
  rule: ConsensusRule,
  ballots: Ballot[],
  language: Language = 'en',
): ConsensusResult {
  const tally = tallyBallots(ballots);
  const groups = STAKEHOLDER_GROUPS.filter((group) => tally.byGroup[group]);
  const conditions: UnmetCondition[] = [];

  if (tally.total < rule.quorum) conditions.push({ kind: 'quorum', votes: tally.total, needed: rule.quorum });

  if (groups.length < rule.minGroups) {
    const missing = STAKEHOLDER_GROUPS.filter((group) => !tally.byGroup[group]);
    conditions.push({ kind: 'groups', voted: groups.length, needed: rule.minGroups, missing });
  }

  for (const group of groups) {
    const { agree, disagree } = tally.byGroup[group] as GroupTally;
    // A group that only abstained took no side, so it cannot fall short of the threshold.
    if (agree + disagree === 0) continue;
    if (agree / (agree + disagree) + EPSILON < rule.groupThreshold) {
      conditions.push({ kind: 'threshold', group, agree, disagree, threshold: rule.groupThreshold });
    }
  }

  const blockingGroups = groups.filter((group) => (tally.byGroup[group] as GroupTally).block > 0);
  const blocks = blockingGroups.reduce((sum, group) => sum + (tally.byGroup[group] as GroupTally).block, 0);
  if (blocks > rule.maxBlocks)
    conditions.push({ kind: 'blocks', blocks, allowed: rule.maxBlocks, groups: blockingGroups });

  return {
    reached: conditions.length === 0,
    unmet: conditions.map((condition) => describeUnmet(condition, language)),
    conditions,
    tally,
  };
}
