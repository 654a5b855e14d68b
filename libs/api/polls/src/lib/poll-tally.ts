import {
  ANONYMOUS_GROUP_MIN_VOTERS,
  STAKEHOLDER_GROUPS,
  type FormatResult,
  type StakeholderGroup,
} from '@helix/contract';

export interface PollTally {
  votes: Record<string, number>;
  voters: number;
  byGroup: Partial<Record<StakeholderGroup, Record<string, number>>>;
  /** A word cloud's, ranking's or rating's own results (see format-tally.ts); absent for a choice poll. */
  format?: FormatResult | null;
}

export interface CountedBallot {
  group: StakeholderGroup;
  optionIds: string[];
}

/**
 * Counts ballots per option and per stakeholder group: the live results, the CSV export and the projector
 * all show this. In an anonymous poll the split by group is cut down so that it lets nobody work out one
 * person's choice (see `disclosedGroups`).
 */
export function tallyBallots(optionIds: string[], ballots: CountedBallot[], anonymous: boolean): PollTally {
  const known = new Set(optionIds);
  const counted = ballots.map((ballot) => ({
    group: ballot.group,
    optionIds: ballot.optionIds.filter((id) => known.has(id)),
  }));
  const byGroup: PollTally['byGroup'] = {};
  const shown = anonymous ? disclosedGroups(optionIds, counted) : new Set(counted.map((b) => b.group));
  for (const group of STAKEHOLDER_GROUPS) {
    const members = counted.filter((ballot) => ballot.group === group);
    if (members.length && shown.has(group)) byGroup[group] = countOptions(optionIds, members);
  }
  return { votes: countOptions(optionIds, counted), voters: ballots.length, byGroup };
}

function countOptions(optionIds: string[], ballots: CountedBallot[]): Record<string, number> {
  const counts = Object.fromEntries(optionIds.map((id) => [id, 0]));
  for (const ballot of ballots) for (const id of ballot.optionIds) counts[id] += 1;
  return counts;
}

/** Voters seen as one block of figures: how many, how many chose each option, and the distinct ballots cast. */
interface Block {
  voters: number;
  counts: number[];
  /** Each distinct ballot as 0/1 per option, by its key. */
  ballots: Map<string, number[]>;
}

function blockOf(optionIds: string[], ballots: CountedBallot[]): Block {
  const block: Block = { voters: ballots.length, counts: optionIds.map(() => 0), ballots: new Map() };
  for (const ballot of ballots) {
    const chose = optionIds.map((id) => (ballot.optionIds.includes(id) ? 1 : 0));
    chose.forEach((one, index) => (block.counts[index] += one));
    block.ballots.set(chose.join(''), chose);
  }
  return block;
}

const merged = (blocks: Block[]): Block => ({
  voters: blocks.reduce((sum, block) => sum + block.voters, 0),
  counts: blocks[0].counts.map((_, index) => blocks.reduce((sum, block) => sum + block.counts[index], 0)),
  ballots: new Map(blocks.flatMap((block) => [...block.ballots])),
});

/**
 * The groups whose split an anonymous poll shows. The totals are always shown, so the voters of the groups
 * left out form one more block whose split anyone can work out (totals minus the shown groups).
 *
 * Which groups to show is chosen from how many voted in each, which anyone may know anyway: each group with
 * enough voters, while the rest keeps enough voters too (the smallest shown groups join the rest until it
 * does). Then the split is shown only if every block (each shown group, and the rest) keeps its ballots
 * hidden, else not at all. A choice that looked at the ballots (leaving out just the one group that would
 * give a ballot away) would itself tell which group that is, and so narrow down its ballots.
 */
function disclosedGroups(optionIds: string[], ballots: CountedBallot[]): Set<StakeholderGroup> {
  const blocks = new Map<StakeholderGroup, Block>();
  for (const group of STAKEHOLDER_GROUPS) {
    const members = ballots.filter((ballot) => ballot.group === group);
    if (members.length) blocks.set(group, blockOf(optionIds, members));
  }
  const votersOf = (group: StakeholderGroup) => blocks.get(group)?.voters ?? 0;
  const shown = [...blocks.keys()]
    .filter((group) => votersOf(group) >= ANONYMOUS_GROUP_MIN_VOTERS)
    .sort((a, b) => votersOf(b) - votersOf(a));
  const rest = [...blocks.keys()].filter((group) => !shown.includes(group));
  const restVoters = () => rest.reduce((sum, group) => sum + votersOf(group), 0);
  while (rest.length && restVoters() < ANONYMOUS_GROUP_MIN_VOTERS && shown.length)
    rest.push(shown.pop() as StakeholderGroup);
  const blocksOf = (groups: StakeholderGroup[]) => groups.map((group) => blocks.get(group) as Block);
  const safe =
    shown.length > 0 &&
    blocksOf(shown).every(keepsBallotsHidden) &&
    (rest.length === 0 || keepsBallotsHidden(merged(blocksOf(rest))));
  return new Set(safe ? shown : []);
}

/**
 * Whether a block's figures leave every voter in it with more than one possible ballot, both to someone
 * outside it and to a voter in it who knows their own ballot.
 *
 * The voters of a block are interchangeable, so a ballot is pinned exactly when every voter in view must
 * have cast the same one: when each option was chosen by all of them or by none. A block needs at least
 * ANONYMOUS_GROUP_MIN_VOTERS voters besides, so two people comparing notes learn little more.
 */
function keepsBallotsHidden(block: Block): boolean {
  if (block.voters < ANONYMOUS_GROUP_MIN_VOTERS) return false;
  const allAlike = (voters: number, counts: number[]) =>
    counts.every((count) => count === 0 || count === voters);
  if (allAlike(block.voters, block.counts)) return false;
  return [...block.ballots.values()].every(
    (own) =>
      !allAlike(
        block.voters - 1,
        block.counts.map((count, index) => count - own[index]),
      ),
  );
}
