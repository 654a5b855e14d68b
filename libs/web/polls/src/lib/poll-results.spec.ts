import type { Poll } from '@helix/contract';
import { computePollResults, roundToTotal } from './poll-results';

const A = 'a'.repeat(24);
const B = 'b'.repeat(24);
const C = 'c'.repeat(24);

function poll(overrides: Partial<Poll>): Poll {
  return {
    id: 'f'.repeat(24),
    roomId: 'e'.repeat(24),
    question: 'Which first?',
    status: 'open',
    multiple: false,
    anonymous: false,
    resultsVisibility: 'always',
    resultsHidden: false,
    options: [
      { id: A, label: 'Labs', votes: 0 },
      { id: B, label: 'Grants', votes: 0 },
      { id: C, label: 'Hubs', votes: 0 },
    ],
    voters: 0,
    byGroup: {},
    myVote: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    openedAt: '2026-01-01T00:00:00.000Z',
    closesAt: null,
    closedAt: null,
    resultThreadId: null,
    ...overrides,
  };
}

describe('roundToTotal', () => {
  it('adds up to the total, giving the extra points to the largest remainders', () => {
    expect(roundToTotal([100 / 3, 100 / 3, 100 / 3], 100)).toEqual([34, 33, 33]);
    expect(roundToTotal([62.5, 37.5], 100)).toEqual([63, 37]);
    expect(roundToTotal([50, 50], 100)).toEqual([50, 50]);
    expect(roundToTotal([0, 0], 100)).toEqual([0, 0]);
  });
});

describe('computePollResults', () => {
  it('shows zeros and no leader before the first vote', () => {
    const results = computePollResults(poll({}));
    expect(results.voters).toBe(0);
    expect(results.options.map((option) => [option.percent, option.share, option.leading])).toEqual([
      [0, 0, false],
      [0, 0, false],
      [0, 0, false],
    ]);
    expect(results.groups).toEqual([]);
    expect(results.hasHiddenGroups).toBe(false);
  });

  it('gives single-choice percentages of voters that add up to 100, and marks my vote and the leader', () => {
    const results = computePollResults(
      poll({
        voters: 3,
        options: [
          { id: A, label: 'Labs', votes: 1 },
          { id: B, label: 'Grants', votes: 1 },
          { id: C, label: 'Hubs', votes: 1 },
        ],
        myVote: [B],
      }),
    );
    expect(results.options.map((option) => option.percent)).toEqual([34, 33, 33]);
    expect(results.options.map((option) => option.mine)).toEqual([false, true, false]);
    expect(results.options.every((option) => option.leading)).toBe(true);
  });

  it('counts multiple-choice percentages against voters, so they may pass 100 in total', () => {
    const results = computePollResults(
      poll({
        multiple: true,
        voters: 4,
        options: [
          { id: A, label: 'Labs', votes: 4 },
          { id: B, label: 'Grants', votes: 3 },
          { id: C, label: 'Hubs', votes: 0 },
        ],
      }),
    );
    expect(results.options.map((option) => option.percent)).toEqual([100, 75, 0]);
    expect(results.options.map((option) => option.share)).toEqual([1, 0.75, 0]);
    expect(results.options.map((option) => option.leading)).toEqual([true, false, false]);
  });

  it('splits each option by stakeholder group in the contract order', () => {
    const results = computePollResults(
      poll({
        voters: 4,
        options: [
          { id: A, label: 'Labs', votes: 3 },
          { id: B, label: 'Grants', votes: 1 },
          { id: C, label: 'Hubs', votes: 0 },
        ],
        byGroup: {
          government: { [A]: 1, [B]: 0, [C]: 0 },
          university: { [A]: 2, [B]: 1, [C]: 0 },
        },
      }),
    );
    expect(results.groups).toEqual(['university', 'government']);
    expect(results.options[0].groups).toEqual([
      { group: 'university', votes: 2, share: 0.5 },
      { group: 'government', votes: 1, share: 0.25 },
    ]);
    expect(results.options[0].hiddenVotes).toBe(0);
    expect(results.hasHiddenGroups).toBe(false);
  });

  it('keeps votes of groups an anonymous poll holds back as a separate, unnamed part', () => {
    const results = computePollResults(
      poll({
        anonymous: true,
        voters: 5,
        options: [
          { id: A, label: 'Labs', votes: 4 },
          { id: B, label: 'Grants', votes: 1 },
          { id: C, label: 'Hubs', votes: 0 },
        ],
        // Three university voters are shown; the lone business voter is not.
        byGroup: { university: { [A]: 3, [B]: 0, [C]: 0 } },
      }),
    );
    expect(results.groups).toEqual(['university']);
    expect(results.options[0]).toMatchObject({ votes: 4, hiddenVotes: 1, hiddenShare: 0.2 });
    expect(results.options[1]).toMatchObject({ votes: 1, hiddenVotes: 1 });
    expect(results.hasHiddenGroups).toBe(true);
  });
});
