import { groupBars, percentages, totalsByPosition } from './tally-bars';

describe('percentages', () => {
  it.each([
    [
      [1, 1, 1],
      [34, 33, 33],
    ],
    [
      [2, 0, 0, 1],
      [67, 0, 0, 33],
    ],
    [
      [1, 0, 0, 0],
      [100, 0, 0, 0],
    ],
    [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ],
    [
      [1, 1, 1, 1, 1, 1, 1],
      [15, 15, 14, 14, 14, 14, 14],
    ],
  ])('%j → %j', (counts, expected) => {
    const result = percentages(counts);
    expect(result).toEqual(expected);
    if (counts.some((count) => count > 0)) expect(result.reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe('groupBars', () => {
  const tally = {
    total: 6,
    byGroup: {
      government: { agree: 0, abstain: 0, disagree: 0, block: 1 },
      university: { agree: 2, abstain: 1, disagree: 0, block: 0 },
      business: { agree: 0, abstain: 0, disagree: 0, block: 0 },
      civil_society: { agree: 1, abstain: 0, disagree: 1, block: 0 },
    },
  };

  it('orders groups as everywhere else and leaves out groups without votes', () => {
    expect(groupBars(tally).map((bar) => bar.group)).toEqual(['university', 'government', 'civil_society']);
  });

  it('splits each group into the four positions with counts and shares', () => {
    const [university] = groupBars(tally);
    expect(university.total).toBe(3);
    expect(university.segments).toEqual([
      { position: 'agree', count: 2, percent: 67 },
      { position: 'abstain', count: 1, percent: 33 },
      { position: 'disagree', count: 0, percent: 0 },
      { position: 'block', count: 0, percent: 0 },
    ]);
  });

  it('adds positions up over the groups', () => {
    expect(totalsByPosition(tally)).toEqual({ agree: 3, abstain: 1, disagree: 1, block: 1 });
  });
});
