import type { UnmetCondition } from '@helix/consensus';
import { STAKEHOLDER_GROUPS, type Initiative } from '@helix/contract';
import { totalsByPosition } from './tally-bars';

export const CONDITION_KINDS = ['quorum', 'groups', 'threshold', 'blocks'] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

export interface ConditionStatus {
  kind: ConditionKind;
  met: boolean;
  /** The server's structured reasons, for describeUnmet (several for `threshold`: one per group). */
  unmet: UnmetCondition[];
  /** What the tally says for this condition, to word a met condition. */
  facts: { votes: number; groups: number; blocks: number };
}

function isUnmetCondition(value: { kind: string }): value is UnmetCondition {
  return (CONDITION_KINDS as readonly string[]).includes(value.kind);
}

/** All four conditions of the rule, met or not, in the rule's order. */
export function conditionStatuses(initiative: Pick<Initiative, 'consensus' | 'tally'>): ConditionStatus[] {
  const unmet = initiative.consensus.conditions.filter(isUnmetCondition);
  const groups = STAKEHOLDER_GROUPS.filter((group) => {
    const counts = initiative.tally.byGroup[group];
    return !!counts && counts.agree + counts.abstain + counts.disagree + counts.block > 0;
  }).length;
  const facts = {
    votes: initiative.tally.total,
    groups,
    blocks: totalsByPosition(initiative.tally).block,
  };
  return CONDITION_KINDS.map((kind) => {
    const reasons = unmet.filter((condition) => condition.kind === kind);
    return { kind, met: reasons.length === 0, unmet: reasons, facts };
  });
}
