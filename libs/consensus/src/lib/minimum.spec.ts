import { atLeastAsStrict, loosenings } from './minimum';
import { DEFAULT_CONSENSUS_RULE, type ConsensusRule } from './rule';

describe('loosenings', () => {
  const minimum: ConsensusRule = { quorum: 6, minGroups: 3, groupThreshold: 2 / 3, maxBlocks: 1 };

  it.each<[string, Partial<ConsensusRule>]>([
    ['the minimum itself', {}],
    ['more votes', { quorum: 40 }],
    ['every group', { minGroups: 4 }],
    ['a higher threshold', { groupThreshold: 0.75 }],
    ['the threshold as sent in decimals', { groupThreshold: 0.6666666667 }],
    ['fewer blocks allowed', { maxBlocks: 0 }],
  ])('finds nothing looser in %s', (_case, change) => {
    expect(loosenings({ ...minimum, ...change }, minimum)).toEqual([]);
  });

  it('names every field that is looser, with its bound', () => {
    expect(loosenings({ quorum: 1, minGroups: 1, groupThreshold: 0.5, maxBlocks: 3 }, minimum)).toEqual([
      { field: 'quorum', value: 1, atLeast: 6 },
      { field: 'minGroups', value: 1, atLeast: 3 },
      { field: 'groupThreshold', value: 0.5, atLeast: 2 / 3 },
      { field: 'maxBlocks', value: 3, atMost: 1 },
    ]);
  });
});

describe('atLeastAsStrict', () => {
  it('raises each field to the minimum and keeps what is stricter already', () => {
    expect(
      atLeastAsStrict({ quorum: 2, minGroups: 4, groupThreshold: 0.5, maxBlocks: 2 }, DEFAULT_CONSENSUS_RULE),
    ).toEqual({ quorum: 6, minGroups: 4, groupThreshold: 2 / 3, maxBlocks: 0 });
  });
});
