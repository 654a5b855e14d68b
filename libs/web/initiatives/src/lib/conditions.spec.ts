import type { Initiative } from '@helix/contract';
import { conditionStatuses } from './conditions';

const base: Pick<Initiative, 'consensus' | 'tally'> = {
  tally: {
    total: 3,
    byGroup: {
      university: { agree: 1, abstain: 0, disagree: 0, block: 0 },
      business: { agree: 1, abstain: 0, disagree: 0, block: 0 },
      government: { agree: 0, abstain: 0, disagree: 0, block: 1 },
    },
  },
  consensus: {
    reached: false,
    unmet: ['Blocked: 1 block (Government); at most 0 allowed.'],
    conditions: [{ kind: 'blocks', blocks: 1, allowed: 0, groups: ['government'] }],
  },
};

describe('conditionStatuses', () => {
  it('lists all four conditions and marks the unmet ones', () => {
    const statuses = conditionStatuses(base);
    expect(statuses.map((status) => [status.kind, status.met])).toEqual([
      ['quorum', true],
      ['groups', true],
      ['threshold', true],
      ['blocks', false],
    ]);
    expect(statuses[3].unmet).toEqual([{ kind: 'blocks', blocks: 1, allowed: 0, groups: ['government'] }]);
    expect(statuses[0].facts).toEqual({ votes: 3, groups: 3, blocks: 1 });
  });

  it('keeps one reason per group for the threshold, and ignores kinds it does not know', () => {
    const statuses = conditionStatuses({
      ...base,
      consensus: {
        reached: false,
        unmet: [],
        conditions: [
          { kind: 'threshold', group: 'university', agree: 1, disagree: 2, threshold: 0.6 },
          { kind: 'threshold', group: 'business', agree: 0, disagree: 1, threshold: 0.6 },
          { kind: 'something-new' } as unknown as Initiative['consensus']['conditions'][number],
        ],
      },
    });
    expect(statuses.find((status) => status.kind === 'threshold')?.unmet).toHaveLength(2);
    expect(statuses.filter((status) => !status.met)).toHaveLength(1);
  });
});
