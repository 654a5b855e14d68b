import {
  OPINION_MIN_VOTES,
  STAKEHOLDER_GROUPS,
  type GroupVotes,
  type StakeholderGroup,
  type StatementVote,
} from '@helix/contract';
import { kmeans } from 'ml-kmeans';
import { PCA } from 'ml-pca';

/**
 * The math of statements that bridge groups, after Pol.is (compdemocracy/polis, math/src/polismath/math/):
 * pure functions over votes, so the tests can check them against results computed by hand.
 */

export interface VoteCast {
  voterId: string;
  group: StakeholderGroup;
  vote: StatementVote;
}

export interface VotedStatement {
  id: string;
  votes: VoteCast[];
}

/** Pol.is codes a vote as agree −1, disagree +1, pass 0. */
const VOTE_VALUE: Record<StatementVote, number> = { agree: -1, disagree: 1, pass: 0 };

/** 90 % one-sided: the z both of Pol.is's tests must exceed for a statement to represent a group. */
export const Z_90 = 1.2816;
export const MAX_REPRESENTATIVE = 5;
export const MAX_OPINION_GROUPS = 5;
/** Fewer placed participants than this make no groups worth showing. */
export const MIN_PLACED = 4;

const emptyCounts = (): GroupVotes => ({ agree: 0, disagree: 0, pass: 0, seen: 0 });

function countVotes(votes: Iterable<VoteCast>): GroupVotes {
  const counts = emptyCounts();
  for (const { vote } of votes) {
    counts[vote] += 1;
    counts.seen += 1;
  }
  return counts;
}

// ---- (1) group-aware consensus over the declared stakeholder groups ----

export interface Consensus {
  id: string;
  consensus: number;
  supportedByAll: boolean;
  byGroup: Partial<Record<StakeholderGroup, GroupVotes>>;
}

/**
 * ∏ over `groups` of (agree_g + 1) / (seen_g + 2): high only when every group agrees, since one group that
 * disagrees (or has not seen it) pulls the product down. A statement is supported by all when in every group
 * more voters agree than disagree. Most bridging first: supported by all, then by the product.
 */
export function groupConsensus(
  statements: VotedStatement[],
  groups: readonly StakeholderGroup[],
): Consensus[] {
  return statements
    .map((statement) => {
      const byGroup: Partial<Record<StakeholderGroup, GroupVotes>> = {};
      for (const group of groups)
        byGroup[group] = countVotes(statement.votes.filter((v) => v.group === group));
      const consensus = groups.reduce((product, group) => {
        const counts = byGroup[group] ?? emptyCounts();
        return product * ((counts.agree + 1) / (counts.seen + 2));
      }, 1);
      const supportedByAll =
        groups.length > 0 &&
        groups.every((group) => {
          const counts = byGroup[group] ?? emptyCounts();
          return counts.agree > counts.disagree;
        });
      return { id: statement.id, consensus, supportedByAll, byGroup };
    })
    .sort((a, b) => Number(b.supportedByAll) - Number(a.supportedByAll) || b.consensus - a.consensus);
}

/** The declared groups that voted at all, in the contract's order. */
export function votingGroups(statements: VotedStatement[]): StakeholderGroup[] {
  const seen = new Set(statements.flatMap((statement) => statement.votes.map((vote) => vote.group)));
  return STAKEHOLDER_GROUPS.filter((group) => seen.has(group));
}

// ---- (2) opinion groups from the votes ----

export interface PlacedParticipant {
  voterId: string;
  group: StakeholderGroup;
  x: number;
  y: number;
  cluster: number;
}

export interface OpinionMap {
  participants: PlacedParticipant[];
  clusters: number;
  silhouette: number;
}

/**
 * Pol.is's map: each participant with at least min(7, statements) votes is a row of the vote matrix, a missing
 * vote is filled with the statement's mean, PCA takes it to 2 components, and a participant's projection is
 * scaled by √(statements / their votes) so that few votes do not pull them to the middle. k-means runs for
 * k = 2 … 5 and the k with the highest silhouette wins. Null when too few participants or statements.
 */
export function opinionMap(statements: VotedStatement[], seed = 42): OpinionMap | null {
  const columns = statements.filter((statement) => statement.votes.length > 0);
  if (columns.length < 2) return null;
  const rows = new Map<string, { group: StakeholderGroup; votes: Map<number, number> }>();
  columns.forEach((statement, column) => {
    for (const { voterId, group, vote } of statement.votes) {
      let row = rows.get(voterId);
      if (!row) rows.set(voterId, (row = { group, votes: new Map() }));
      row.votes.set(column, VOTE_VALUE[vote]);
    }
  });
  const minimum = Math.min(OPINION_MIN_VOTES, columns.length);
  // In voter order: the same votes give the same map on every instance and after a restart, however the
  // ballots were read (k-means++ seeds from the rows in order).
  const placed = [...rows]
    .filter(([, row]) => row.votes.size >= minimum)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (placed.length < MIN_PLACED) return null;

  const means = columns.map((_, column) => {
    const values = placed.flatMap(([, row]) => (row.votes.has(column) ? [row.votes.get(column) ?? 0] : []));
    return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0;
  });
  const matrix = placed.map(([, row]) => columns.map((_, column) => row.votes.get(column) ?? means[column]));
  const components = Math.min(2, columns.length, placed.length - 1);
  const projected = new PCA(matrix, { center: true, scale: false, method: 'covarianceMatrix' })
    .predict(matrix, { nComponents: components })
    .to2DArray()
    .map((point, index) => {
      const scale = Math.sqrt(columns.length / placed[index][1].votes.size);
      return [point[0] * scale, (point[1] ?? 0) * scale];
    });

  let best: { clusters: number[]; k: number; silhouette: number } | null = null;
  const maxK = Math.min(MAX_OPINION_GROUPS, placed.length - 1);
  for (let k = 2; k <= maxK; k++) {
    const { clusters } = kmeans(projected, k, { initialization: 'kmeans++', seed });
    const score = silhouette(projected, clusters);
    if (!best || score > best.silhouette + 1e-9) best = { clusters, k, silhouette: score };
  }
  if (!best) return null;
  const order = relabelBySize(best.clusters);
  return {
    participants: placed.map(([voterId, row], index) => ({
      voterId,
      group: row.group,
      x: projected[index][0],
      y: projected[index][1],
      cluster: order.get(best.clusters[index]) ?? 0,
    })),
    clusters: order.size,
    silhouette: best.silhouette,
  };
}

/** Largest group first, so that group A is the largest on every recompute. */
function relabelBySize(clusters: number[]): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const cluster of clusters) sizes.set(cluster, (sizes.get(cluster) ?? 0) + 1);
  const ordered = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([cluster]) => cluster);
  return new Map(ordered.map((cluster, index) => [cluster, index]));
}

const distance = (a: number[], b: number[]): number => {
  const dx = a[0] - b[0];
  const dy = a[1] - b[1];
  return Math.sqrt(dx * dx + dy * dy);
};

/** The silhouette is taken over at most this many participants (every n-th), so a hall of 1,000 costs as 300. */
export const SILHOUETTE_SAMPLE = 300;

/**
 * The mean silhouette (Rousseeuw 1987): for each point, b = mean distance to the nearest other cluster,
 * a = mean distance within its own, s = (b − a) / max(a, b); a point alone in its cluster scores 0. Over a
 * sample of every n-th point beyond SILHOUETTE_SAMPLE: it is the O(n²) part of a recompute.
 */
export function silhouette(allPoints: number[][], allClusters: number[]): number {
  const stride = Math.ceil(allPoints.length / SILHOUETTE_SAMPLE);
  const points = allPoints.filter((_, index) => index % stride === 0);
  const clusters = allClusters.filter((_, index) => index % stride === 0);
  if (new Set(clusters).size < 2) return 0;
  const labels = Math.max(...clusters) + 1;
  const sizes = new Array<number>(labels).fill(0);
  for (const cluster of clusters) sizes[cluster] += 1;
  const sums = new Float64Array(labels);
  let total = 0;
  for (let index = 0; index < points.length; index++) {
    sums.fill(0);
    for (let other = 0; other < points.length; other++)
      if (other !== index) sums[clusters[other]] += distance(points[index], points[other]);
    const own = clusters[index];
    if (sizes[own] < 2) continue;
    const a = sums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let label = 0; label < labels; label++)
      if (label !== own && sizes[label] > 0) b = Math.min(b, sums[label] / sizes[label]);
    const spread = Math.max(a, b);
    total += spread === 0 ? 0 : (b - a) / spread;
  }
  return total / points.length;
}

// ---- (3) representative statements of each opinion group ----

/** Pol.is's one-proportion test, +1 smoothed: is the share of `successes` in `n` above one half? */
export function proportionTest(successes: number, n: number): number {
  const [s, m] = [successes + 1, n + 1];
  return 2 * Math.sqrt(m) * (s / m - 0.5);
}

/** Pol.is's two-proportion z-test, +1 smoothed: is the share inside the group above the share outside it? */
export function twoProportionTest(successIn: number, successOut: number, nIn: number, nOut: number): number {
  const [s1, s2, n1, n2] = [successIn + 1, successOut + 1, nIn + 1, nOut + 1];
  const pooled = (s1 + s2) / (n1 + n2);
  if (pooled === 1) return 0;
  return (s1 / n1 - s2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
}

export interface Representative {
  id: string;
  direction: 'agree' | 'disagree';
  share: number;
  ratio: number;
}

/**
 * For each cluster, the statements on which it stands apart from everyone else placed: share p = (1 + n_g) /
 * (2 + seen_g) of agreeing (or disagreeing) members, its ratio to the same share outside the group, kept when
 * both the share test and the two-proportion test exceed 1.2816 (90 %), best first by ratio·z·share·z, top 5.
 */
export function representativeStatements(statements: VotedStatement[], map: OpinionMap): Representative[][] {
  const clusterOf = new Map(
    map.participants.map((participant) => [participant.voterId, participant.cluster]),
  );
  return Array.from({ length: map.clusters }, (_, cluster) => {
    const found: Array<Representative & { rank: number }> = [];
    for (const statement of statements) {
      const placedVotes = statement.votes.filter((vote) => clusterOf.has(vote.voterId));
      const inside = countVotes(placedVotes.filter((vote) => clusterOf.get(vote.voterId) === cluster));
      const outside = countVotes(placedVotes.filter((vote) => clusterOf.get(vote.voterId) !== cluster));
      const candidates = (['agree', 'disagree'] as const).map((direction) => {
        const share = (1 + inside[direction]) / (2 + inside.seen);
        const ratio = share / ((1 + outside[direction]) / (2 + outside.seen));
        const shareZ = proportionTest(inside[direction], inside.seen);
        const ratioZ = twoProportionTest(inside[direction], outside[direction], inside.seen, outside.seen);
        return {
          id: statement.id,
          direction,
          share,
          ratio,
          shareZ,
          ratioZ,
          rank: ratio * ratioZ * share * shareZ,
        };
      });
      const kept = candidates
        .filter((candidate) => candidate.shareZ > Z_90 && candidate.ratioZ > Z_90)
        .sort((a, b) => b.rank - a.rank)[0];
      if (kept)
        found.push({
          id: kept.id,
          direction: kept.direction,
          share: kept.share,
          ratio: kept.ratio,
          rank: kept.rank,
        });
    }
    return found
      .sort((a, b) => b.rank - a.rank)
      .slice(0, MAX_REPRESENTATIVE)
      .map(({ id, direction, share, ratio }) => ({ id, direction, share, ratio }));
  });
}
