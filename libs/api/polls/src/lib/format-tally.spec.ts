import { groupsShown, normaliseAnswer, tallyFormat, type FormatBallot } from './format-tally';

const ballot = (group: FormatBallot['group'], rest: Partial<FormatBallot>): FormatBallot => ({
  group,
  optionIds: [],
  ...rest,
});

describe('normaliseAnswer', () => {
  it('folds case, spacing, ё and punctuation at the ends', () => {
    expect(normaliseAnswer('  Open   Data! ')).toBe('open data');
    expect(normaliseAnswer('«Ёлка»')).toBe('елка');
    expect(normaliseAnswer('R&D')).toBe('r&d');
  });
});

describe('tallyFormat', () => {
  it('counts a word cloud once per person, most answered first, and per group', () => {
    const result = tallyFormat({ kind: 'word_cloud', optionIds: [], scale: null, anonymous: false }, [
      ballot('university', { words: ['talent', 'housing'] }),
      ballot('business', { words: ['talent', 'talent'] }),
      ballot('government', { words: ['housing', 'roads'] }),
      ballot('civil_society', { words: ['talent'] }),
    ]);
    expect(result).toEqual({
      kind: 'word_cloud',
      words: [
        { word: 'talent', count: 3 },
        { word: 'housing', count: 2 },
        { word: 'roads', count: 1 },
      ],
      byGroup: {
        university: { talent: 1, housing: 1 },
        business: { talent: 1 },
        government: { housing: 1, roads: 1 },
        civil_society: { talent: 1 },
      },
      hiddenWords: [],
    });
  });

  it('gives Borda points: n−1 for first … 0 for last', () => {
    // a b c → 2 1 0; b a c → 1 2 0; b c a → 0 2 1; c b a → 0 1 2. Totals a 3, b 6, c 3.
    const result = tallyFormat(
      { kind: 'ranking', optionIds: ['a', 'b', 'c'], scale: null, anonymous: false },
      [
        ballot('university', { optionIds: ['a', 'b', 'c'] }),
        ballot('business', { optionIds: ['b', 'a', 'c'] }),
        ballot('government', { optionIds: ['b', 'c', 'a'] }),
        ballot('government', { optionIds: ['c', 'b', 'a'] }),
      ],
    );
    expect(result).toEqual({
      kind: 'ranking',
      points: { a: 3, b: 6, c: 3 },
      byGroup: {
        university: { a: 2, b: 1, c: 0 },
        business: { a: 1, b: 2, c: 0 },
        government: { a: 0, b: 3, c: 3 },
      },
    });
  });

  it('gives a rating its mean and distribution, per option and per group', () => {
    const result = tallyFormat({ kind: 'rating', optionIds: ['x', 'y'], scale: 5, anonymous: false }, [
      ballot('university', { ratings: { x: 5, y: 1 } }),
      ballot('business', { ratings: { x: 4 } }),
      ballot('business', { ratings: { x: 2, y: 2 } }),
      ballot('civil_society', { ratings: { x: 4, y: 3 } }),
    ]);
    expect(result).toMatchObject({
      kind: 'rating',
      scale: 5,
      ratings: {
        // (5 + 4 + 2 + 4) / 4 = 3.75; (1 + 2 + 3) / 3 = 2.
        x: { count: 4, mean: 3.75, distribution: [0, 1, 0, 2, 1] },
        y: { count: 3, mean: 2, distribution: [1, 1, 1, 0, 0] },
      },
      byGroup: {
        business: {
          x: { count: 2, mean: 3, distribution: [0, 1, 0, 1, 0] },
          y: { count: 1, mean: 2, distribution: [0, 1, 0, 0, 0] },
        },
      },
    });
  });

  it('rounds a mean to two places and leaves it null while nobody rated', () => {
    const result = tallyFormat({ kind: 'rating', optionIds: ['x', 'y'], scale: 10, anonymous: false }, [
      ballot('university', { ratings: { x: 1 } }),
      ballot('university', { ratings: { x: 1 } }),
      ballot('university', { ratings: { x: 2 } }),
    ]);
    expect(result?.kind === 'rating' && result.ratings).toEqual({
      x: { count: 3, mean: 1.33, distribution: [2, 1, 0, 0, 0, 0, 0, 0, 0, 0] },
      y: { count: 0, mean: null, distribution: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
    });
  });

  it('counts nothing of its own for a choice poll', () => {
    expect(tallyFormat({ kind: 'choice', optionIds: ['a'], scale: null, anonymous: false }, [])).toBeNull();
  });
});

describe('groupsShown', () => {
  const voters = (counts: Partial<Record<FormatBallot['group'], number>>) =>
    Object.entries(counts).flatMap(([group, count]) =>
      Array.from({ length: count }, () => ballot(group as FormatBallot['group'], {})),
    );

  it('shows every group that voted when the poll is not anonymous', () => {
    expect([...groupsShown(voters({ university: 1, business: 2 }), false)]).toEqual([
      'university',
      'business',
    ]);
  });

  it('shows in an anonymous poll only groups of three or more, with the rest three or more or none', () => {
    expect([...groupsShown(voters({ university: 3, business: 4 }), true)].sort()).toEqual([
      'business',
      'university',
    ]);
    // The rest (business, 1) is too small alone: the smallest shown group joins it.
    expect([...groupsShown(voters({ university: 3, government: 5, business: 1 }), true)]).toEqual([
      'government',
    ]);
    expect([...groupsShown(voters({ university: 3, business: 1 }), true)]).toEqual([]);
  });
});
