import type { ConsensusRule } from './rule';

/** A field of a rule that is looser than the forum's minimum allows, with the bound it must meet. */
export type Loosening =
  | { field: 'quorum' | 'minGroups' | 'groupThreshold'; value: number; atLeast: number }
  | { field: 'maxBlocks'; value: number; atMost: number };

/** Ratios are compared with a tolerance, so 2/3 sent as 0.6666666667 is not looser than 2/3. */
const EPSILON = 1e-9;

/**
 * Where `rule` is looser than `minimum`: fewer votes, fewer groups, a lower threshold or more blocks allowed.
 * A rule may only be as strict as the minimum or stricter; an empty list means it is.
 */
export function loosenings(rule: ConsensusRule, minimum: ConsensusRule): Loosening[] {
  const found: Loosening[] = [];
  for (const field of ['quorum', 'minGroups'] as const)
    if (rule[field] < minimum[field]) found.push({ field, value: rule[field], atLeast: minimum[field] });
  if (rule.groupThreshold + EPSILON < minimum.groupThreshold)
    found.push({ field: 'groupThreshold', value: rule.groupThreshold, atLeast: minimum.groupThreshold });
  if (rule.maxBlocks > minimum.maxBlocks)
    found.push({ field: 'maxBlocks', value: rule.maxBlocks, atMost: minimum.maxBlocks });
  return found;
}

/** `rule` made at least as strict as `minimum`, field by field. */
export const atLeastAsStrict = (rule: ConsensusRule, minimum: ConsensusRule): ConsensusRule => ({
  quorum: Math.max(rule.quorum, minimum.quorum),
  minGroups: Math.max(rule.minGroups, minimum.minGroups),
  groupThreshold: Math.max(rule.groupThreshold, minimum.groupThreshold),
  maxBlocks: Math.min(rule.maxBlocks, minimum.maxBlocks),
});
