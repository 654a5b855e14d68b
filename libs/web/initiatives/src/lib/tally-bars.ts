import {
  STAKEHOLDER_GROUPS,
  VOTE_POSITIONS,
  type Initiative,
  type StakeholderGroup,
  type VotePosition,
} from '@helix/contract';

export interface BarSegment {
  position: VotePosition;
  count: number;
  /** Whole percent of the group's votes; the segments of one bar add up to exactly 100 (or all 0). */
  percent: number;
}

export interface GroupBar {
  group: StakeholderGroup;
  total: number;
  segments: BarSegment[];
}

/**
 * Whole percentages that add up to 100, by largest remainder, so a bar is always full and the
 * printed numbers agree with it. All zeros when there is nothing to share.
 */
export function percentages(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + Math.max(0, count), 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((count) => (Math.max(0, count) * 100) / total);
  const floors = exact.map(Math.floor);
  let missing = 100 - floors.reduce((sum, value) => sum + value, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - floors[index] }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (missing <= 0) break;
    floors[index] += 1;
    missing -= 1;
  }
  return floors;
}

/** One stacked bar per stakeholder group that voted, in the usual group order. */
export function groupBars(tally: Initiative['tally']): GroupBar[] {
  return STAKEHOLDER_GROUPS.flatMap((group) => {
    const counts = tally.byGroup[group];
    if (!counts) return [];
    const values = VOTE_POSITIONS.map((position) => counts[position] ?? 0);
    const total = values.reduce((sum, value) => sum + value, 0);
    if (total === 0) return [];
    const shares = percentages(values);
    return [
      {
        group,
        total,
        segments: VOTE_POSITIONS.map((position, index) => ({
          position,
          count: values[index],
          percent: shares[index],
        })),
      },
    ];
  });
}

/** Votes per position over all groups. */
export function totalsByPosition(tally: Initiative['tally']): Record<VotePosition, number> {
  const totals = Object.fromEntries(VOTE_POSITIONS.map((position) => [position, 0])) as Record<
    VotePosition,
    number
  >;
  for (const counts of Object.values(tally.byGroup)) {
    if (!counts) continue;
    for (const position of VOTE_POSITIONS) totals[position] += counts[position] ?? 0;
  }
  return totals;
}
