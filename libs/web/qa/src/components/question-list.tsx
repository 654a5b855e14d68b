import type { Question } from '@helix/contract';
import { QuestionItem } from './question-item';

export function QuestionList({
  questions,
  moderator,
  label,
}: {
  questions: readonly Question[];
  moderator: boolean;
  label: string;
}) {
  return (
    <ul className="hx-questions" aria-label={label}>
      {questions.map((question) => (
        <li key={question.id}>
          <QuestionItem question={question} moderator={moderator} />
        </li>
      ))}
    </ul>
  );
}
