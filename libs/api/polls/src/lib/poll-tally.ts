import { ANONYMOUS_GROUP_MIN_VOTERS, type StakeholderGroup } from '@helix/contract';

export interface PollTally {
  votes: Record<string, number>;
  voters: number;
  byGroup: Partial<Record<StakeholderGroup, Record<string, number>>>;
}

export interface CountedBallot {
  group: StakeholderGroup;
  optionIds: string[];
}

/**
 * Counts ballots per option and per stakeholder group. In an anonymous poll a group's split is left
 * out until it has enough voters, so a lone member of a group cannot be identified by the split.
 */
export function tallyBallots(optionIds: string[], ballots: CountedBallot[], anonymous: boolean): PollTally {
  const votes = Object.fromEntries(optionIds.map((id) => [id, 0]));
  const byGroup: PollTally['byGroup'] = {};
  const votersByGroup = new Map<StakeholderGroup, number>();
  for (const ballot of ballots) {
    votersByGroup.set(ballot.group, (votersByGroup.get(ballot.group) ?? 0) + 1);
    const groupCounts = (byGroup[ballot.group] ??= Object.fromEntries(optionIds.map((id) => [id, 0])));
    for (const optionId of ballot.optionIds) {
      if (!(optionId in votes)) continue;
      votes[optionId] += 1;
      groupCounts[optionId] += 1;
    }
  }
  if (anonymous) {
    for (const [group, voters] of votersByGroup) {
      if (voters < ANONYMOUS_GROUP_MIN_VOTERS) delete byGroup[group];
    }
  }
  return { votes, voters: ballots.length, byGroup };
}
