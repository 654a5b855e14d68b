import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '@helix/contract';
import { tallyBallots, type CountedBallot, type PollTally } from './poll-tally';

describe('tallyBallots', () => {
  const options = ['a', 'b', 'c'];
  const ballot = (group: StakeholderGroup, ...optionIds: string[]): CountedBallot => ({ group, optionIds });

  it('counts options, voters and the split by group', () => {
    const tally = tallyBallots(
      options,
      [ballot('university', 'a', 'b'), ballot('university', 'a'), ballot('business', 'c')],
      false,
    );
    expect(tally).toEqual({
      votes: { a: 2, b: 1, c: 1 },
      voters: 3,
      byGroup: { university: { a: 2, b: 1, c: 0 }, business: { a: 0, b: 0, c: 1 } },
    });
  });

  it('ignores options that are no longer in the poll', () => {
    expect(tallyBallots(['a'], [ballot('business', 'gone')], false).votes).toEqual({ a: 0 });
  });

  it('hides a split that totals minus the shown groups would give away', () => {
    // University yes, yes, no and one government no: `university yes 2, no 1` beside `yes 2, no 2` says the
    // government voter chose no.
    const yesNo = ['yes', 'no'];
    const tally = tallyBallots(
      yesNo,
      [
        ballot('university', 'yes'),
        ballot('university', 'yes'),
        ballot('university', 'no'),
        ballot('government', 'no'),
      ],
      true,
    );
    expect(tally).toEqual({ votes: { yes: 2, no: 2 }, voters: 4, byGroup: {} });
  });

  it('hides a group whose members all chose alike, since that says what each of them chose', () => {
    const ballots = [
      ...Array.from({ length: 5 }, () => ballot('government', 'a')),
      ...['a', 'b', 'c', 'a', 'b'].map((option) => ballot('business', option)),
    ];
    expect(tallyBallots(options, ballots, true).byGroup).toEqual({});
  });

  it('shows every group whose split and whose remainder keep each ballot hidden', () => {
    const ballots = [
      ...['a', 'b', 'c', 'a'].map((option) => ballot('university', option)),
      ...['a', 'b', 'c'].map((option) => ballot('business', option)),
      ...['b', 'c', 'a', 'b'].map((option) => ballot('civil_society', option)),
      ...['a', 'a'].map((option) => ballot('government', option)),
    ];
    // Government (2 voters) cannot be shown, nor left alone as the rest: it goes with the smallest group shown.
    expect(tallyBallots(options, ballots, true).byGroup).toEqual({
      university: { a: 2, b: 1, c: 1 },
      civil_society: { a: 1, b: 2, c: 1 },
    });
  });
});

/*
 * No anonymous poll lets anyone derive one person's choice from the split by group: checked on every
 * assignment of choices to up to 7 voters in up to 4 groups, over 2 or 3 options, single and multiple choice.
 *
 * The observer knows who voted and in which group, sees everything the API shows (totals, voters, the split
 * of the groups it shows, and so which it leaves out), and may be one of the voters, knowing their own ballot.
 * A voter's choice (their whole ballot) is DERIVABLE by that observer when every assignment of ballots to the
 * voters that the API would show exactly the same way, and that gives the observer their own ballot, gives
 * that voter the same ballot.
 *
 * The totals alone sometimes make a choice derivable (everyone chose alike; or 2 yes and 1 no, seen by the
 * one who said no), and no tally can avoid that without hiding the result itself. So the check is: whatever
 * is derivable from what the API shows is derivable from the totals alone. The split adds nothing.
 */
describe('an anonymous split never lets anyone derive a choice that the totals alone do not', () => {
  type Assignment = number[];

  /** Group sizes in every order that matters: partitions of n voters into at most 4 groups. */
  function partitions(n: number, max = n, parts = 4): number[][] {
    if (n === 0) return [[]];
    if (parts === 0) return [];
    const found: number[][] = [];
    for (let first = Math.min(n, max); first >= 1; first--)
      for (const rest of partitions(n - first, first, parts - 1)) found.push([first, ...rest]);
    return found;
  }

  /** Every ballot one voter can cast, as option ids. */
  const ballotsOf = (optionIds: string[], multiple: boolean): string[][] =>
    multiple
      ? Array.from({ length: 2 ** optionIds.length - 1 }, (_, mask) =>
          optionIds.filter((_id, bit) => (mask + 1) & (1 << bit)),
        )
      : optionIds.map((id) => [id]);

  function* assignments(voters: number, choices: number): Generator<Assignment> {
    const current = new Array<number>(voters).fill(0);
    for (;;) {
      yield [...current];
      let position = 0;
      while (position < voters && ++current[position] === choices) current[position++] = 0;
      if (position === voters) return;
    }
  }

  const shown = (tally: PollTally, optionIds: string[]): string =>
    JSON.stringify([
      tally.voters,
      optionIds.map((id) => tally.votes[id]),
      STAKEHOLDER_GROUPS.map((group) => optionIds.map((id) => tally.byGroup[group]?.[id] ?? null)),
    ]);

  /**
   * For each assignment, observer (index `voters` is the outsider) and other voter, whether that voter's ballot
   * is derivable when the observer sees `views[i]` of assignment `i`.
   */
  function derivable(all: Assignment[], voters: number, views: string[]): Uint8Array {
    const pinned = new Uint8Array(all.length * (voters + 1) * voters);
    const classes = new Map<string, number[]>();
    all.forEach((_a, index) => {
      const key = views[index];
      const members = classes.get(key);
      if (members) members.push(index);
      else classes.set(key, [index]);
    });
    for (const members of classes.values()) {
      for (let observer = 0; observer <= voters; observer++) {
        const byOwnBallot = new Map<number, number[]>();
        for (const index of members) {
          const own = observer === voters ? -1 : all[index][observer];
          const same = byOwnBallot.get(own);
          if (same) same.push(index);
          else byOwnBallot.set(own, [index]);
        }
        for (const consistent of byOwnBallot.values()) {
          for (let voter = 0; voter < voters; voter++) {
            if (voter === observer) continue;
            const first = all[consistent[0]][voter];
            if (!consistent.every((index) => all[index][voter] === first)) continue;
            for (const index of consistent) pinned[(index * (voters + 1) + observer) * voters + voter] = 1;
          }
        }
      }
    }
    return pinned;
  }

  const cases = [
    ...[2, 3].flatMap((count) => [1, 2, 3, 4, 5, 6, 7].map((voters) => ({ count, voters, multiple: false }))),
    ...[1, 2, 3, 4, 5, 6, 7].map((voters) => ({ count: 2, voters, multiple: true })),
    ...[1, 2, 3, 4, 5, 6].map((voters) => ({ count: 3, voters, multiple: true })),
  ];

  it.each(cases)('$count options, $voters voters, multiple: $multiple', ({ count, voters, multiple }) => {
    const optionIds = ['a', 'b', 'c'].slice(0, count);
    const ballots = ballotsOf(optionIds, multiple);
    const all = [...assignments(voters, ballots.length)];
    let splitsShown = 0;
    for (const sizes of partitions(voters)) {
      const groups = sizes.flatMap((size, index) =>
        Array<StakeholderGroup>(size).fill(STAKEHOLDER_GROUPS[index]),
      );
      const tallies = all.map((a) =>
        tallyBallots(
          optionIds,
          a.map((choice, voter) => ({ group: groups[voter], optionIds: ballots[choice] })),
          true,
        ),
      );
      const views = tallies.map((tally) => shown(tally, optionIds));
      const totals = tallies.map((tally) => JSON.stringify([tally.voters, tally.votes]));
      const fromView = derivable(all, voters, views);
      const fromTotals = derivable(all, voters, totals);
      const leaks = fromView.findIndex((pinned, index) => pinned === 1 && fromTotals[index] === 0);
      if (leaks >= 0) {
        const assignment = Math.floor(leaks / ((voters + 1) * voters));
        const observer = Math.floor(leaks / voters) % (voters + 1);
        throw new Error(
          `groups ${sizes.join('+')}: ballots ${JSON.stringify(all[assignment].map((choice) => ballots[choice]))} ` +
            `shown as ${views[assignment]} let ${observer === voters ? 'an outsider' : `voter ${observer}`} ` +
            `derive voter ${leaks % voters}'s ballot`,
        );
      }
      splitsShown += tallies.filter((tally) => Object.keys(tally.byGroup).length > 1).length;
    }
    // Splits of more than one group do appear once there are enough voters: the check is not vacuous.
    if (voters >= 6 && count === 3) expect(splitsShown).toBeGreaterThan(0);
  });
});
