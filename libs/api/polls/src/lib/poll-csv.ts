import { STAKEHOLDER_GROUPS } from '@helix/contract';
import { stringify } from 'csv-stringify/sync';
import type { PollTally } from './poll-tally';
import type { PollRecord } from './schemas/poll.schema';

/** A byte-order mark, so spreadsheet programs read the UTF-8 (Cyrillic) text correctly. */
const BOM = '\uFEFF';

/** One row per option: its total and its count in each stakeholder group. */
export function pollResultsCsv(poll: PollRecord, tally: PollTally): string {
  const rows = poll.options.map((option) => [
    option.label,
    tally.votes[option.id] ?? 0,
    ...STAKEHOLDER_GROUPS.map((group) => tally.byGroup[group]?.[option.id] ?? ''),
  ]);
  return (
    BOM + stringify([['option', 'total', ...STAKEHOLDER_GROUPS], ...rows], { quoted_match: /[",\n\r;]/ })
  );
}
