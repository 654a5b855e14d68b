import { stakeholderGroupName, type Language } from '@helix/consensus';
import { STAKEHOLDER_GROUPS } from '@helix/contract';
import type { PollTally } from './poll-tally';
import type { PollRecord } from './schemas/poll.schema';

const HEADER: Record<Language, [question: string, option: string, total: string]> = {
  en: ['Question', 'Option', 'Total'],
  ru: ['Вопрос', 'Вариант', 'Всего'],
};

/**
 * One row per option with the question it answers, its total and its count in each stakeholder group,
 * the groups named as people read them: the file makes sense without the app beside it.
 */
export function pollResultsRows(poll: PollRecord, tally: PollTally, language: Language): unknown[][] {
  const rows = poll.options.map((option) => [
    poll.question,
    option.label,
    tally.votes[option.id] ?? 0,
    ...STAKEHOLDER_GROUPS.map((group) => tally.byGroup[group]?.[option.id] ?? ''),
  ]);
  const groups = STAKEHOLDER_GROUPS.map((group) => stakeholderGroupName(group, language));
  return [[...HEADER[language], ...groups], ...rows];
}
