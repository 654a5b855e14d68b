import { VOTE_POSITIONS, type StakeholderGroup, type VotePosition } from '@helix/contract';

export const POSITIONS = VOTE_POSITIONS;
export type Position = VotePosition;

export interface ConsensusRule {
  /** Votes needed in all, abstentions included. */
  quorum: number;
  /** Stakeholder groups that must have voted. */
  minGroups: number;
  /** In every group with an opinion: agree / (agree + disagree) must reach this. */
  groupThreshold: number;
  /** Blocks tolerated; one more stops consensus. */
  maxBlocks: number;
}

/**
 * The forum's default: at least 6 votes from at least 3 of the 4 stakeholder groups; in each group that
 * took a side, two thirds of its agree/disagree votes agree; and nobody blocks. Abstaining counts as
 * taking part (it stands aside) but neither for nor against.
 */
export const DEFAULT_CONSENSUS_RULE: ConsensusRule = {
  quorum: 6,
  minGroups: 3,
  groupThreshold: 2 / 3,
  maxBlocks: 0,
};

export interface Ballot {
  group: StakeholderGroup;
  position: Position;
}

export type GroupTally = Record<Position, number>;
