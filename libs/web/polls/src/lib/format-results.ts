import {
  pollWinners,
  STAKEHOLDER_GROUPS,
  type FormatResult,
  type Poll,
  type RatingSummary,
  type StakeholderGroup,
} from '@helix/contract';

type ResultOf<K extends FormatResult['kind']> = Extract<FormatResult, { kind: K }>;

export interface CloudWord {
  word: string;
  count: number;
  /** Font size in em: the most given answer 3em, one given once 1em, the rest in between by count. */
  size: number;
}

/** A word cloud's words, sized by how many gave each. */
export function cloudWords(result: ResultOf<'word_cloud'>): CloudWord[] {
  const most = Math.max(1, ...result.words.map((word) => word.count));
  return result.words.map(({ word, count }) => ({
    word,
    count,
    size: most === 1 ? 2 : Math.round((1 + (2 * (count - 1)) / (most - 1)) * 100) / 100,
  }));
}

export interface RankedOption {
  id: string;
  label: string;
  points: number;
  /** The bar's length: points as a fraction of the most any option has, 0..1. */
  share: number;
  groups: Array<{ group: StakeholderGroup; points: number }>;
  leading: boolean;
}

/** A ranking's options, most points first (ties in the poll's order). */
export function rankedOptions(poll: Pick<Poll, 'options'>, result: ResultOf<'ranking'>): RankedOption[] {
  const most = Math.max(0, ...Object.values(result.points));
  return poll.options
    .map((option) => {
      const points = result.points[option.id] ?? 0;
      return {
        id: option.id,
        label: option.label,
        points,
        share: most ? points / most : 0,
        groups: groupsOf(result.byGroup).map((group) => ({
          group,
          points: result.byGroup[group]?.[option.id] ?? 0,
        })),
        leading: most > 0 && points === most,
      };
    })
    .sort((a, b) => b.points - a.points);
}

export interface RatedOption {
  id: string;
  label: string;
  summary: RatingSummary;
  /** Each score with how many gave it and its bar: a fraction of the most given score, 0..1. */
  scores: Array<{ score: number; count: number; share: number }>;
  groups: Array<{ group: StakeholderGroup; summary: RatingSummary }>;
  leading: boolean;
}

/** A rating's options in the poll's order, each with its distribution of scores. */
export function ratedOptions(poll: Pick<Poll, 'options'>, result: ResultOf<'rating'>): RatedOption[] {
  const empty: RatingSummary = { count: 0, mean: null, distribution: [] };
  const best = Math.max(0, ...Object.values(result.ratings).map((rating) => rating.mean ?? 0));
  return poll.options.map((option) => {
    const summary = result.ratings[option.id] ?? empty;
    const most = Math.max(1, ...summary.distribution);
    return {
      id: option.id,
      label: option.label,
      summary,
      scores: summary.distribution.map((count, index) => ({ score: index + 1, count, share: count / most })),
      groups: groupsOf(result.byGroup).map((group) => ({
        group,
        summary: result.byGroup[group]?.[option.id] ?? empty,
      })),
      leading: best > 0 && summary.mean === best,
    };
  });
}

/**
 * The option a closed poll's result points to, for taking it further: the first of those that came first
 * (a word cloud's words are no option).
 */
export function winningOption(
  poll: Pick<Poll, 'status' | 'kind' | 'options' | 'formatResult'>,
): { id: string; label: string } | null {
  if (poll.status !== 'closed' || poll.kind === 'word_cloud') return null;
  const [first] = pollWinners(poll);
  return poll.options.find((option) => option.id === first) ?? null;
}

const groupsOf = (byGroup: Partial<Record<StakeholderGroup, unknown>>): StakeholderGroup[] =>
  STAKEHOLDER_GROUPS.filter((group) => byGroup[group] !== undefined);
