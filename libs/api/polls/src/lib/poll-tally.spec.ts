import { tallyBallots } from './poll-tally';

describe('tallyBallots', () => {
  const options = ['a', 'b', 'c'];

  it('counts options, voters and the split by group', () => {
    const tally = tallyBallots(
      options,
      [
        { group: 'university', optionIds: ['a', 'b'] },
        { group: 'university', optionIds: ['a'] },
        { group: 'business', optionIds: ['c'] },
      ],
      false,
    );
    expect(tally).toEqual({
      votes: { a: 2, b: 1, c: 1 },
      voters: 3,
      byGroup: { university: { a: 2, b: 1, c: 0 }, business: { a: 0, b: 0, c: 1 } },
    });
  });

  it('hides the split of a group too small to stay anonymous', () => {
    const tally = tallyBallots(
      options,
      [
        { group: 'government', optionIds: ['a'] },
        ...Array.from({ length: 3 }, () => ({ group: 'civil_society' as const, optionIds: ['b'] })),
      ],
      true,
    );
    expect(tally.byGroup).toEqual({ civil_society: { a: 0, b: 3, c: 0 } });
    expect(tally.votes).toEqual({ a: 1, b: 3, c: 0 });
  });

  it('ignores options that are no longer in the poll', () => {
    expect(tallyBallots(['a'], [{ group: 'business', optionIds: ['gone'] }], false).votes).toEqual({ a: 0 });
  });
});
