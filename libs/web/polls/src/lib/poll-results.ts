import { STAKEHOLDER_GROUPS, type Poll, type StakeholderGroup } from '@helix/contract';

export interface GroupShare {
  group: StakeholderGroup;
  votes: number;
  /** Width of this group's part of the bar: a fraction of all voters, 0..1. */
  share: number;
}

export interface OptionResult {
  id: string;
  label: string;
  votes: number;
  /** Share of voters who chose this option, rounded for display. */
  percent: number;
  /** Width of the whole bar: a fraction of all voters, 0..1. */
  share: number;
  groups: GroupShare[];
  /** Votes from groups an anonymous poll does not show yet. */
  hiddenVotes: number;
  hiddenShare: number;
  mine: boolean;
  leading: boolean;
}

export interface PollResults {
  voters: number;
  options: OptionResult[];
  /** Groups with a split to show, in the contract's order. */
  groups: StakeholderGroup[];
  /** Some votes come from groups an anonymous poll keeps back. */
  hasHiddenGroups: boolean;
}

/**
 * Rounds percentages so that they add up to `total` (largest remainder), which a single-choice poll's
 * audience expects; a 33/33/33 split otherwise reads as a counting error on the projector.
 */
export function roundToTotal(values: readonly number[], total: number): number[] {
  const floors = values.map(Math.floor);
  let missing = total - floors.reduce((sum, value) => sum + value, 0);
  const byRemainder = values
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index, remainder } of byRemainder) {
    if (missing <= 0 || remainder === 0) break;
    floors[index] += 1;
    missing -= 1;
  }
  return floors;
}

/**
 * What the result bars show: per option the share of voters who chose it and its split by stakeholder
 * group. Percentages are of voters, so in a multiple-choice poll they may add up to more than 100.
 */
export function computePollResults(
  poll: Pick<Poll, 'options' | 'voters' | 'byGroup' | 'multiple' | 'myVote'>,
): PollResults {
  const voters = Math.max(0, poll.voters);
  const exact = poll.options.map((option) => (voters > 0 ? (option.votes / voters) * 100 : 0));
  const totalVotes = poll.options.reduce((sum, option) => sum + option.votes, 0);
  const percents =
    !poll.multiple && voters > 0 && totalVotes === voters
      ? roundToTotal(exact, 100)
      : exact.map((value) => Math.round(value));
  const groups = STAKEHOLDER_GROUPS.filter((group) => poll.byGroup[group] !== undefined);
  const mine = new Set(poll.myVote ?? []);
  const most = Math.max(0, ...poll.options.map((option) => option.votes));
  let hasHiddenGroups = false;

  const options = poll.options.map((option, index): OptionResult => {
    const split = groups.map((group) => ({ group, votes: poll.byGroup[group]?.[option.id] ?? 0 }));
    const shown = split.reduce((sum, part) => sum + part.votes, 0);
    const hiddenVotes = Math.max(0, option.votes - shown);
    if (hiddenVotes > 0) hasHiddenGroups = true;
    const fraction = (votes: number): number => (voters > 0 ? Math.min(1, votes / voters) : 0);
    return {
      id: option.id,
      label: option.label,
      votes: option.votes,
      percent: percents[index],
      share: fraction(option.votes),
      groups: split.map((part) => ({ ...part, share: fraction(part.votes) })),
      hiddenVotes,
      hiddenShare: fraction(hiddenVotes),
      mine: mine.has(option.id),
      leading: most > 0 && option.votes === most,
    };
  });
  return { voters, options, groups, hasHiddenGroups };
}
