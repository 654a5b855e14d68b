import type { StakeholderGroup, StatementVote } from '@helix/contract';
import {
  groupConsensus,
  opinionMap,
  proportionTest,
  representativeStatements,
  silhouette,
  twoProportionTest,
  votingGroups,
  type VotedStatement,
} from './statement-math';

interface Voter {
  id: string;
  group: StakeholderGroup;
}

/** Statements whose votes are given as one letter per voter: a agree, d disagree, p pass, - not voted. */
function statementsFrom(voters: Voter[], rows: Record<string, string>): VotedStatement[] {
  const letters: Record<string, StatementVote> = { a: 'agree', d: 'disagree', p: 'pass' };
  return Object.entries(rows).map(([id, votes]) => ({
    id,
    votes: [...votes].flatMap((letter, index) =>
      letters[letter]
        ? [{ voterId: voters[index].id, group: voters[index].group, vote: letters[letter] }]
        : [],
    ),
  }));
}

const voters = (groups: StakeholderGroup[]): Voter[] =>
  groups.map((group, index) => ({ id: `v${index}`, group }));

describe('group-aware consensus', () => {
  // Three university voters, then three business voters.
  const six = voters(['university', 'university', 'university', 'business', 'business', 'business']);

  it('is the product over groups of (agree + 1) / (seen + 2)', () => {
    const [result] = groupConsensus(statementsFrom(six, { s: 'aaaaad' }), ['university', 'business']);
    // university 3 of 3: 4/5; business 2 of 3: 3/5.
    expect(result.consensus).toBeCloseTo((4 / 5) * (3 / 5), 12);
    expect(result.byGroup.university).toEqual({ agree: 3, disagree: 0, pass: 0, seen: 3 });
    expect(result.byGroup.business).toEqual({ agree: 2, disagree: 1, pass: 0, seen: 3 });
  });

  it('counts a pass as seen, and a group that has not seen a statement as one half', () => {
    const [result] = groupConsensus(statementsFrom(six, { s: 'ap----' }), ['university', 'business']);
    expect(result.consensus).toBeCloseTo((2 / 4) * (1 / 2), 12);
    expect(result.supportedByAll).toBe(false);
  });

  it('puts the statement every group supports first, even above one a single group loves more', () => {
    const ranked = groupConsensus(
      statementsFrom(six, {
        // Everyone in university, nobody in business: 4/5 · 1/5 = 0.16.
        partisan: 'aaaddd',
        // Two of three in each group: 3/5 · 3/5 = 0.36, supported by both.
        bridging: 'aadaad',
        // A majority in neither: 2/5 · 2/5.
        weak: 'addadd',
      }),
      ['university', 'business'],
    );
    expect(ranked.map((entry) => entry.id)).toEqual(['bridging', 'partisan', 'weak']);
    expect(ranked[0]).toMatchObject({ supportedByAll: true });
    expect(ranked[0].consensus).toBeCloseTo(0.36, 12);
    expect(ranked[1].consensus).toBeCloseTo(0.16, 12);
  });

  it('takes the declared groups that voted at all, in the contract’s order', () => {
    const mixed = voters(['civil_society', 'business', 'civil_society']);
    expect(votingGroups(statementsFrom(mixed, { s: 'aaa' }))).toEqual(['business', 'civil_society']);
  });
});

describe('the significance tests (Pol.is, +1 smoothed)', () => {
  it('match hand-computed values', () => {
    // (9 + 1) / (10 + 1) − ½, times 2√11.
    expect(proportionTest(9, 10)).toBeCloseTo(2 * Math.sqrt(11) * (10 / 11 - 0.5), 12);
    // p1 = 9/11, p2 = 2/11, pooled = 11/22.
    const expected = (9 / 11 - 2 / 11) / Math.sqrt(0.5 * 0.5 * (2 / 11));
    expect(twoProportionTest(8, 1, 10, 10)).toBeCloseTo(expected, 12);
    expect(twoProportionTest(9, 9, 9, 9)).toBe(0);
  });
});

describe('silhouette', () => {
  it('is near 1 for two tight clusters far apart and 0 with a single cluster', () => {
    const points = [
      [0, 0],
      [0, 1],
      [10, 0],
      [10, 1],
    ];
    // a = 1 for every point; b = mean of 10 and √101.
    const b = (10 + Math.sqrt(101)) / 2;
    expect(silhouette(points, [0, 0, 1, 1])).toBeCloseTo((b - 1) / b, 12);
    expect(silhouette(points, [0, 0, 0, 0])).toBe(0);
  });
});

describe('opinion groups', () => {
  // Ten voters: 0–4 (university and government) against 5–9 (business and civil society) on s1–s8; all agree on s9.
  const ten = voters([
    'university',
    'university',
    'government',
    'government',
    'business',
    'business',
    'business',
    'civil_society',
    'civil_society',
    'university',
  ]);
  const rows = {
    s1: 'aaaaaddddd',
    s2: 'aaaaaddddd',
    s3: 'aaaaaddddd',
    s4: 'aaaaaddddd',
    s5: 'dddddaaaaa',
    s6: 'dddddaaaaa',
    s7: 'dddddaaaaa',
    s8: 'ddddpaaaaa',
    s9: 'aaaaaaaaaa',
  };
  const statements = statementsFrom(ten, rows);

  it('finds the two camps, whatever their declared groups', () => {
    const map = opinionMap(statements);
    expect(map).not.toBeNull();
    if (!map) return;
    expect(map.clusters).toBe(2);
    expect(map.participants).toHaveLength(10);
    const clusterOf = (id: string) =>
      map.participants.find((participant) => participant.voterId === id)?.cluster;
    const first = ['v0', 'v1', 'v2', 'v3', 'v4'].map(clusterOf);
    const second = ['v5', 'v6', 'v7', 'v8', 'v9'].map(clusterOf);
    expect(new Set(first).size).toBe(1);
    expect(new Set(second).size).toBe(1);
    expect(first[0]).not.toBe(second[0]);
    expect(map.silhouette).toBeGreaterThan(0.9);
  });

  it('finds three camps when there are three', () => {
    const nine = voters(Array(9).fill('university'));
    const three = statementsFrom(nine, {
      s1: 'aaadddddd',
      s2: 'aaadddddd',
      s3: 'dddaaaddd',
      s4: 'dddaaaddd',
      s5: 'ddddddaaa',
      s6: 'ddddddaaa',
      s7: 'aaaaaaaaa',
    });
    const map = opinionMap(three);
    expect(map?.clusters).toBe(3);
    const clusters = map?.participants.map((participant) => participant.cluster) ?? [];
    expect(new Set(clusters.slice(0, 3)).size).toBe(1);
    expect(new Set(clusters.slice(3, 6)).size).toBe(1);
    expect(new Set(clusters.slice(6, 9)).size).toBe(1);
    expect(new Set(clusters).size).toBe(3);
  });

  it('places only participants with at least 7 votes (or as many as there are statements)', () => {
    const partial = statementsFrom(ten, { ...rows, s1: 'aaaaaddd--', s2: 'aaaaaddd--', s3: 'aaaaaddd--' });
    // v8 and v9 voted on 6 of 9 statements.
    const placed = opinionMap(partial)?.participants.map((participant) => participant.voterId);
    expect(placed).toEqual(['v0', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7']);
    expect(opinionMap(statementsFrom(ten, { s1: rows.s1, s2: rows.s5 }))?.participants).toHaveLength(10);
    expect(opinionMap(statementsFrom(ten, { s1: rows.s1 }))).toBeNull();
  });

  it('names each camp’s own statements as representative, and not the one everybody shares', () => {
    const map = opinionMap(statements);
    if (!map) throw new Error('no map');
    const representative = representativeStatements(statements, map);
    const campOf = map.participants.find((participant) => participant.voterId === 'v0')?.cluster ?? -1;
    const mine = representative[campOf];
    const theirs = representative[1 - campOf];
    expect(mine).toHaveLength(5);
    for (const entry of [...mine, ...theirs]) expect(entry.id).not.toBe('s9');
    // s1–s4: the camp agrees 5 of 5 (6/7), the others 0 of 5 (1/7): ratio 6; s5–s7 it disagrees on, alike.
    const s1 = mine.find((entry) => entry.id === 's1');
    expect(s1).toMatchObject({ direction: 'agree' });
    expect(s1?.share).toBeCloseTo(6 / 7, 12);
    expect(s1?.ratio).toBeCloseTo(6, 12);
    expect(theirs.find((entry) => entry.id === 's5')).toMatchObject({ direction: 'agree' });
    // s8 has a pass in v0's camp: it ranks below the unanimous ones and is cut at five.
    expect(mine.map((entry) => entry.id)).not.toContain('s8');
  });

  it('ranks the statement all camps agree on first in the consensus', () => {
    const [first] = groupConsensus(statements, votingGroups(statements));
    expect(first).toMatchObject({ id: 's9', supportedByAll: true });
  });
});
