import { STAKEHOLDER_GROUPS } from '@helix/contract';
import type { PollTally } from './poll-tally';
import type { PollRecord } from './schemas/poll.schema';

/** One row per option: its total and its count in each stakeholder group. */
export function pollResultsRows(poll: PollRecord, tally: PollTally): unknown[][] {
  const rows = poll.options.map((option) => [
    option.label,
    tally.votes[option.id] ?? 0,
    ...STAKEHOLDER_GROUPS.map((group) => tally.byGroup[group]?.[option.id] ?? ''),
  ]);
  return [['option', 'total', ...STAKEHOLDER_GROUPS], ...rows];
}
