import type { FormatResult, Poll } from '@helix/contract';
import { cloudWords, rankedOptions, ratedOptions, winningOption } from './format-results';

const A = 'a'.repeat(24);
const B = 'b'.repeat(24);

function poll(formatResult: FormatResult, overrides: Partial<Poll> = {}): Poll {
  return {
    id: 'f'.repeat(24),
    roomId: 'e'.repeat(24),
    question: 'Which first?',
    kind: formatResult.kind,
    status: 'closed',
    multiple: false,
    anonymous: false,
    options: [
      { id: A, label: 'Labs', votes: 0 },
      { id: B, label: 'Grants', votes: 0 },
    ],
    voters: 4,
    byGroup: {},
    myVote: null,
    formatResult,
    myWords: null,
    myRatings: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    openedAt: '2026-01-01T00:00:00.000Z',
    closedAt: '2026-01-01T01:00:00.000Z',
    resultThreadId: null,
    ...overrides,
  };
}

describe('cloudWords', () => {
  it('sizes the most given answer 3em, one given once 1em, the rest by count between', () => {
    const words = cloudWords({
      kind: 'word_cloud',
      words: [
        { word: 'talent', count: 5 },
        { word: 'housing', count: 3 },
        { word: 'roads', count: 1 },
      ],
      byGroup: {},
      hiddenWords: [],
    });
    expect(words.map((word) => word.size)).toEqual([3, 2, 1]);
  });

  it('gives every word one middle size when each was given once', () => {
    const words = cloudWords({
      kind: 'word_cloud',
      words: [{ word: 'a', count: 1 }],
      byGroup: {},
      hiddenWords: [],
    });
    expect(words[0].size).toBe(2);
  });
});

describe('rankedOptions', () => {
  it('puts the most points first, with bars relative to the top and the split by group', () => {
    const ranked = rankedOptions(
      poll({ kind: 'ranking', points: { [A]: 2, [B]: 4 }, byGroup: { business: { [A]: 1, [B]: 1 } } }),
      { kind: 'ranking', points: { [A]: 2, [B]: 4 }, byGroup: { business: { [A]: 1, [B]: 1 } } },
    );
    expect(ranked.map(({ label, share, leading }) => ({ label, share, leading }))).toEqual([
      { label: 'Grants', share: 1, leading: true },
      { label: 'Labs', share: 0.5, leading: false },
    ]);
    expect(ranked[0].groups).toEqual([{ group: 'business', points: 1 }]);
  });
});

describe('ratedOptions and winningOption', () => {
  const rating: FormatResult = {
    kind: 'rating',
    scale: 5,
    ratings: {
      [A]: { count: 2, mean: 4.5, distribution: [0, 0, 0, 1, 1] },
      [B]: { count: 2, mean: 2, distribution: [1, 0, 1, 0, 0] },
    },
    byGroup: {},
  };

  it('gives each score a bar relative to the most given one, and marks the best mean', () => {
    const [labs, grants] = ratedOptions(poll(rating), rating as Extract<FormatResult, { kind: 'rating' }>);
    expect(labs.scores.map((score) => score.share)).toEqual([0, 0, 0, 1, 1]);
    expect(labs.leading).toBe(true);
    expect(grants.leading).toBe(false);
  });

  it('names the winner of a closed choice, ranking or rating only, the first of those tied', () => {
    expect(winningOption(poll(rating))).toMatchObject({ id: A, label: 'Labs' });
    expect(winningOption(poll(rating, { status: 'open' }))).toBeNull();
    expect(winningOption(poll({ kind: 'word_cloud', words: [], byGroup: {}, hiddenWords: [] }))).toBeNull();
    const choice = (votes: number[]) =>
      poll(rating, {
        kind: 'choice',
        formatResult: null,
        options: [
          { id: A, label: 'Labs', votes: votes[0] },
          { id: B, label: 'Grants', votes: votes[1] },
        ],
      });
    expect(winningOption(choice([1, 3]))).toMatchObject({ id: B, label: 'Grants' });
    expect(winningOption(choice([2, 2]))).toMatchObject({ id: A });
    expect(winningOption(choice([0, 0]))).toBeNull();
  });
});
