export {
  DEFAULT_CONSENSUS_RULE,
  POSITIONS,
  type Ballot,
  type ConsensusRule,
  type GroupTally,
  type Position,
} from './lib/rule';
export { evaluateConsensus, tallyBallots, type ConsensusResult, type Tally } from './lib/evaluate';
export {
  describeRule,
  describeUnmet,
  stakeholderGroupName,
  type Language,
  type UnmetCondition,
} from './lib/messages';
export { atLeastAsStrict, loosenings, type Loosening } from './lib/minimum';
