import {
  POLL_KIND_OPTIONS_MIN,
  POLL_OPTION_MAX,
  POLL_OPTIONS_MAX,
  POLL_OPTIONS_MIN,
  POLL_QUESTION_MAX,
  type CreatePollRequest,
  type PollResultsVisibility,
  type PollKind,
  type RatingScale,
} from '@helix/contract';

export interface PollDraft {
  question: string;
  options: string[];
  multiple: boolean;
  anonymous: boolean;
  resultsVisibility: PollResultsVisibility;
  /** Absent: a choice poll. */
  kind?: PollKind;
  /** A rating's top score. */
  scale?: RatingScale;
}

export type PollDraftProblem =
  | { field: 'question'; reason: 'required' | 'tooLong' }
  | { field: 'options'; reason: 'tooFew' | 'tooMany' | 'duplicate' }
  | { field: 'option'; index: number; reason: 'required' | 'tooLong' };

export const emptyPollDraft = (): PollDraft => ({
  question: '',
  options: Array.from({ length: POLL_OPTIONS_MIN }, () => ''),
  multiple: false,
  anonymous: false,
  resultsVisibility: 'always',
});

/**
 * Checks a draft the way the API will (trimmed text, 2 to 10 options that differ ignoring case; a rating
 * from 1, a word cloud none), so a
 * moderator sees what to fix before sending. Blank option rows are dropped rather than refused.
 */
export function validatePollDraft(
  draft: PollDraft,
): { ok: true; request: CreatePollRequest } | { ok: false; problems: PollDraftProblem[] } {
  const problems: PollDraftProblem[] = [];
  const kind = draft.kind ?? 'choice';
  const question = draft.question.trim();
  if (!question) problems.push({ field: 'question', reason: 'required' });
  else if (question.length > POLL_QUESTION_MAX) problems.push({ field: 'question', reason: 'tooLong' });

  // A word cloud has no options; rows left from another kind are not sent.
  const options = kind === 'word_cloud' ? [] : draft.options.map((option) => option.trim());
  options.forEach((option, index) => {
    if (option.length > POLL_OPTION_MAX) problems.push({ field: 'option', index, reason: 'tooLong' });
  });
  const filled = options.filter(Boolean);
  const fewest = POLL_KIND_OPTIONS_MIN[kind];
  if (filled.length < fewest) {
    const firstBlank = options.findIndex((option) => !option);
    problems.push(
      firstBlank >= 0
        ? { field: 'option', index: firstBlank, reason: 'required' }
        : { field: 'options', reason: 'tooFew' },
    );
  } else if (filled.length > POLL_OPTIONS_MAX) {
    problems.push({ field: 'options', reason: 'tooMany' });
  }
  if (new Set(filled.map((option) => option.toLowerCase())).size !== filled.length) {
    problems.push({ field: 'options', reason: 'duplicate' });
  }
  if (problems.length) return { ok: false, problems };
  const base = {
    question,
    options: filled,
    anonymous: draft.anonymous,
    resultsVisibility: draft.resultsVisibility,
  };
  if (kind === 'choice') return { ok: true, request: { ...base, multiple: draft.multiple } };
  return { ok: true, request: { ...base, kind, ...(kind === 'rating' ? { scale: draft.scale ?? 5 } : {}) } };
}
