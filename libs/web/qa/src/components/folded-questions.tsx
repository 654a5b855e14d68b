import type { Question } from '@helix/contract';
import { useTranslation } from 'react-i18next';
import { QuestionList } from './question-list';

/** Answered or dismissed questions, folded away below the open ones; nothing when there are none. */
export function FoldedQuestions({
  status,
  questions,
  moderator,
}: {
  status: 'answered' | 'dismissed';
  questions: Question[];
  moderator: boolean;
}) {
  const { t } = useTranslation();
  if (!questions.length) return null;
  const label = t(`qa.${status}`, { count: questions.length });
  return (
    <details className="hx-qa__more" data-testid={`${status}-questions`}>
      <summary>{label}</summary>
      <QuestionList questions={questions} moderator={moderator} label={label} />
    </details>
  );
}
