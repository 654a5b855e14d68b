import {
  ANONYMOUS_GROUP_MIN_VOTERS,
  STAKEHOLDER_GROUPS,
  type FormatResult,
  type PollKind,
  type RatingSummary,
  type StakeholderGroup,
} from '@helix/contract';

/** A ballot of a word cloud, ranking or rating, as these counts read it. */
export interface FormatBallot {
  group: StakeholderGroup;
  /** For a ranking: every option, first place first. */
  optionIds: string[];
  /** For a word cloud: the answers, already normalised. */
  words?: string[];
  /** For a rating: the score given to each option rated. */
  ratings?: Record<string, number>;
}

export interface FormatPoll {
  kind: PollKind;
  optionIds: string[];
  scale: number | null;
  anonymous: boolean;
}

/**
 * The same answer typed by different people counts once: case, spacing, the Russian "ё" and punctuation at
 * either end do not make a different word.
 */
export function normaliseAnswer(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '');
}

/** Counts the ballots of a word cloud, ranking or rating; null for a choice poll, which `tallyBallots` counts. */
export function tallyFormat(poll: FormatPoll, ballots: FormatBallot[]): FormatResult | null {
  const shown = groupsShown(ballots, poll.anonymous);
  const split = <T>(count: (members: FormatBallot[]) => T) => {
    const byGroup: Partial<Record<StakeholderGroup, T>> = {};
    for (const group of STAKEHOLDER_GROUPS)
      if (shown.has(group)) byGroup[group] = count(ballots.filter((ballot) => ballot.group === group));
    return byGroup;
  };
  switch (poll.kind) {
    case 'choice':
      return null;
    case 'word_cloud':
      return {
        kind: 'word_cloud',
        words: wordCounts(ballots),
        byGroup: split((members) =>
          Object.fromEntries(wordCounts(members).map(({ word, count }) => [word, count])),
        ),
        hiddenWords: [],
      };
    case 'ranking':
      return {
        kind: 'ranking',
        points: bordaPoints(poll.optionIds, ballots),
        byGroup: split((members) => bordaPoints(poll.optionIds, members)),
      };
    case 'rating': {
      const scale = poll.scale ?? 5;
      return {
        kind: 'rating',
        scale,
        ratings: ratingSummaries(poll.optionIds, scale, ballots),
        byGroup: split((members) => ratingSummaries(poll.optionIds, scale, members)),
      };
    }
  }
}

/** Each answer with how many people gave it, most first, then alphabetically. */
export function wordCounts(ballots: FormatBallot[]): Array<{ word: string; count: number }> {
  const counts = new Map<string, number>();
  for (const ballot of ballots)
    for (const word of new Set(ballot.words ?? [])) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
}

/** Borda count: of n options, the first place earns n−1 points, the next n−2, … the last 0. */
export function bordaPoints(optionIds: string[], ballots: FormatBallot[]): Record<string, number> {
  const points = Object.fromEntries(optionIds.map((id) => [id, 0]));
  const last = optionIds.length - 1;
  for (const ballot of ballots)
    ballot.optionIds.forEach((id, place) => {
      if (id in points) points[id] += last - place;
    });
  return points;
}

export function ratingSummaries(
  optionIds: string[],
  scale: number,
  ballots: FormatBallot[],
): Record<string, RatingSummary> {
  return Object.fromEntries(
    optionIds.map((id) => {
      const scores = ballots.map((ballot) => ballot.ratings?.[id]).filter((score) => score !== undefined);
      const distribution = Array.from({ length: scale }, (_, index) =>
        scores.reduce((count, score) => count + (score === index + 1 ? 1 : 0), 0),
      );
      const mean = scores.length ? scores.reduce((sum, score) => sum + score, 0) / scores.length : null;
      return [id, { count: scores.length, mean: mean === null ? null : round(mean), distribution }];
    }),
  );
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The groups whose split is shown. In an anonymous poll only groups with at least ANONYMOUS_GROUP_MIN_VOTERS
 * voters, while the groups left out keep that many together too (or none), so that the totals minus the
 * shown groups do not single anyone out either.
 */
export function groupsShown(ballots: FormatBallot[], anonymous: boolean): Set<StakeholderGroup> {
  const voters = new Map<StakeholderGroup, number>();
  for (const ballot of ballots) voters.set(ballot.group, (voters.get(ballot.group) ?? 0) + 1);
  if (!anonymous) return new Set(voters.keys());
  const shown = [...voters.keys()]
    .filter((group) => (voters.get(group) ?? 0) >= ANONYMOUS_GROUP_MIN_VOTERS)
    .sort((a, b) => (voters.get(b) ?? 0) - (voters.get(a) ?? 0));
  const restVoters = () =>
    [...voters].reduce((sum, [group, count]) => sum + (shown.includes(group) ? 0 : count), 0);
  while (shown.length && restVoters() > 0 && restVoters() < ANONYMOUS_GROUP_MIN_VOTERS) shown.pop();
  return new Set(shown);
}
