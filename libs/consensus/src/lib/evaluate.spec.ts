import type { StakeholderGroup } from '@helix/contract';
import { evaluateConsensus } from './evaluate';
import { describeRule } from './messages';
import { DEFAULT_CONSENSUS_RULE, type Ballot, type ConsensusRule, type Position } from './rule';

const U: StakeholderGroup = 'university';
const B: StakeholderGroup = 'business';
const G: StakeholderGroup = 'government';
const C: StakeholderGroup = 'civil_society';

/** `votes(U, 'agree', 3)` → three university ballots agreeing. */
const votes = (group: StakeholderGroup, position: Position, count = 1): Ballot[] =>
  Array.from({ length: count }, () => ({ group, position }));

const rule = (overrides: Partial<ConsensusRule> = {}): ConsensusRule => ({
  quorum: 6,
  minGroups: 3,
  groupThreshold: 0.6,
  maxBlocks: 0,
  ...overrides,
});

const broadSupport = [...votes(U, 'agree', 2), ...votes(B, 'agree', 2), ...votes(G, 'agree', 2)];

describe('evaluateConsensus', () => {
  it.each<[string, ConsensusRule, Ballot[], boolean, string[]]>([
    ['no votes at all', rule(), [], false, ['quorum', 'groups']],
    ['broad support from three groups', rule(), broadSupport, true, []],
    ['one vote short of quorum', rule(), broadSupport.slice(1), false, ['quorum']],
    ['exactly at quorum', rule({ quorum: 6 }), broadSupport, true, []],
    [
      'abstentions count towards quorum',
      rule(),
      [...votes(U, 'agree', 2), ...votes(B, 'agree'), ...votes(G, 'abstain', 3)],
      true,
      [],
    ],
    ['only one group likes it', rule(), votes(U, 'agree', 10), false, ['groups']],
    [
      'two of three groups needed',
      rule(),
      [...votes(U, 'agree', 3), ...votes(B, 'agree', 3)],
      false,
      ['groups'],
    ],
    [
      'exactly the groups needed',
      rule({ minGroups: 2 }),
      [...votes(U, 'agree', 3), ...votes(B, 'agree', 3)],
      true,
      [],
    ],
    [
      'exactly at the threshold (3 of 5 at 0.6)',
      rule(),
      [...votes(U, 'agree', 3), ...votes(U, 'disagree', 2), ...votes(B, 'agree'), ...votes(G, 'agree')],
      true,
      [],
    ],
    [
      'just under the threshold (2 of 4 at 0.6)',
      rule(),
      [...votes(U, 'agree', 2), ...votes(U, 'disagree', 2), ...votes(B, 'agree'), ...votes(G, 'agree')],
      false,
      ['threshold'],
    ],
    [
      'floating point at the threshold (7 of 10 at 0.7)',
      rule({ groupThreshold: 0.7, quorum: 12 }),
      [...votes(U, 'agree', 7), ...votes(U, 'disagree', 3), ...votes(B, 'agree'), ...votes(G, 'agree')],
      true,
      [],
    ],
    [
      'a group with only abstentions takes no side',
      rule(),
      [...votes(U, 'agree', 2), ...votes(B, 'agree', 2), ...votes(C, 'abstain', 2)],
      true,
      [],
    ],
    [
      'only abstentions everywhere',
      rule(),
      [...votes(U, 'abstain', 2), ...votes(B, 'abstain', 2), ...votes(G, 'abstain', 2)],
      true,
      [],
    ],
    [
      'every group must reach the threshold, not the total',
      rule(),
      [...votes(U, 'agree', 9), ...votes(B, 'agree'), ...votes(G, 'disagree', 2)],
      false,
      ['threshold'],
    ],
    ['one block stops broad support', rule(), [...broadSupport, ...votes(C, 'block')], false, ['blocks']],
    [
      'blocks up to maxBlocks are tolerated',
      rule({ maxBlocks: 1 }),
      [...broadSupport, ...votes(C, 'block')],
      true,
      [],
    ],
    [
      'a block does not count as disagree in the threshold',
      rule({ maxBlocks: 1 }),
      [...votes(U, 'agree', 2), ...votes(U, 'block'), ...votes(B, 'agree'), ...votes(G, 'agree', 2)],
      true,
      [],
    ],
    [
      'all conditions fail at once',
      rule(),
      [...votes(U, 'disagree'), ...votes(U, 'block')],
      false,
      ['quorum', 'groups', 'threshold', 'blocks'],
    ],
    [
      'the default rule wants two thirds',
      DEFAULT_CONSENSUS_RULE,
      [...votes(U, 'agree', 2), ...votes(U, 'disagree'), ...votes(B, 'agree', 2), ...votes(G, 'agree')],
      true,
      [],
    ],
    [
      'the default rule refuses less than two thirds',
      DEFAULT_CONSENSUS_RULE,
      [...votes(U, 'agree', 3), ...votes(U, 'disagree', 2), ...votes(B, 'agree'), ...votes(G, 'agree')],
      false,
      ['threshold'],
    ],
  ])('%s', (_case, consensusRule, ballots, reached, unmetKinds) => {
    const result = evaluateConsensus(consensusRule, ballots);
    expect(result.reached).toBe(reached);
    expect(result.conditions.map((condition) => condition.kind)).toEqual(unmetKinds);
    expect(result.unmet).toHaveLength(unmetKinds.length);
    expect(result.tally.total).toBe(ballots.length);
  });

  it('explains unmet conditions in plain English', () => {
    const result = evaluateConsensus(rule({ quorum: 10 }), [
      ...votes(U, 'agree', 2),
      ...votes(B, 'disagree', 2),
      ...votes(B, 'agree'),
      ...votes(U, 'block'),
    ]);
    expect(result.unmet).toEqual([
      'Only 6 votes of the 10 needed have been cast.',
      'Government and Civil society have not voted yet (2 of 3 groups needed).',
      'Business: 1 of 3 agree (33%); at least 60% is needed.',
      'Blocked: 1 block (Universities); at most 0 allowed.',
    ]);
    const almost = [...votes(U, 'agree', 2), ...votes(B, 'agree', 2), ...votes(C, 'agree')];
    expect(evaluateConsensus(rule(), almost).unmet).toEqual(['Only 5 votes of the 6 needed have been cast.']);
    expect(evaluateConsensus(rule({ quorum: 1 }), votes(U, 'agree')).unmet).toEqual([
      'Business, Government and Civil society have not voted yet (1 of 3 groups needed).',
    ]);
    expect(
      evaluateConsensus(rule({ quorum: 1, minGroups: 4 }), [
        ...votes(U, 'agree'),
        ...votes(B, 'agree'),
        ...votes(C, 'agree'),
      ]).unmet,
    ).toEqual(['Government has not voted yet (3 of 4 groups needed).']);
  });

  it('explains unmet conditions in Russian, with the right plural forms', () => {
    const result = evaluateConsensus(
      rule({ quorum: 25 }),
      [...votes(U, 'agree', 2), ...votes(B, 'disagree', 2), ...votes(B, 'agree'), ...votes(U, 'block', 2)],
      'ru',
    );
    expect(result.unmet).toEqual([
      'Подано 7 голосов из 25 необходимых.',
      'Ещё нет голосов от: Власть и Гражданское общество (проголосовали 2 из 3 необходимых групп).',
      'Бизнес: «за» 1 из 3 (33%), нужно не меньше 60%.',
      'Заблокировано: 2 блока (Университеты); допускается не больше 0.',
    ]);
    expect(evaluateConsensus(rule({ quorum: 3 }), votes(U, 'agree'), 'ru').unmet[0]).toBe(
      'Подано 1 голос из 3 необходимых.',
    );
  });
});

describe('describeRule', () => {
  it('counts in words that agree with the numbers, in English and Russian', () => {
    const one = { quorum: 1, minGroups: 1, groupThreshold: 0.5, maxBlocks: 1 };
    expect(describeRule(one, 'en')).toContain('at least 1 vote from at least 1 stakeholder group,');
    expect(describeRule(one, 'en')).toContain('no more than 1 block.');
    expect(describeRule({ ...one, quorum: 6, minGroups: 3, maxBlocks: 0 }, 'en')).toContain(
      'at least 6 votes from at least 3 stakeholder groups',
    );
    expect(describeRule(one, 'ru')).toContain('не меньше 1 голоса из не меньше чем 1 группы');
    expect(describeRule({ ...one, quorum: 5, minGroups: 3 }, 'ru')).toContain(
      'не меньше 5 голосов из не меньше чем 3 групп',
    );
  });
});
