import type { Question } from '@helix/contract';
import { formatNumber } from '@helix/web/data-access';
import { Spinner } from '@helix/web/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuestions } from '../api/get-questions';
import { useQaLive } from '../hooks/use-qa-live';
import { topQuestions } from '../lib/question-groups';

/** Long questions get a smaller (still large) size so five of them fit on one screen. */
const LONG_QUESTION = 160;

function PresentQuestion({ question, rank }: { question: Question; rank: number }) {
  const { t, i18n } = useTranslation();
  const long = question.text.length > LONG_QUESTION;
  return (
    <li
      className={`hx-qa-present__item${rank === 0 ? ' hx-qa-present__item--top' : ''}${long ? ' hx-qa-present__item--long' : ''}`}
      data-testid="present-question"
      data-question-id={question.id}
    >
      <span className="hx-qa-present__votes" data-testid="present-upvotes">
        <span aria-hidden="true">▲ </span>
        {formatNumber(question.upvotes, i18n.language)}
        <span className="hx-visually-hidden"> {t('qa.upvotes', { count: question.upvotes })}</span>
      </span>
      <span className="hx-qa-present__body">
        <span className="hx-qa-present__text">{question.text}</span>
        <span className="hx-qa-present__author">
          {question.anonymous || !question.author ? t('qa.anonymous') : question.author.displayName}
        </span>
      </span>
    </li>
  );
}

/**
 * The projector's Q&A: the few most upvoted published questions not answered yet, in type big enough
 * for the back of the hall, following the room live.
 */
export function QuestionsPresentView({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  useQaLive(roomId);
  const questions = useQuestions(roomId);
  const top = useMemo(() => topQuestions(questions.data ?? []), [questions.data]);
  return (
    <div className="hx-qa-present" data-testid="qa-present">
      <h1 className="hx-present__question">{t('qa.present.title')}</h1>
      {questions.isPending ? <Spinner /> : null}
      {questions.isError ? <p role="alert">{t('qa.loadFailed')}</p> : null}
      {top.length ? (
        <ol className="hx-qa-present__list" aria-label={t('qa.present.list')}>
          {top.map((question, rank) => (
            <PresentQuestion key={question.id} question={question} rank={rank} />
          ))}
        </ol>
      ) : questions.isSuccess ? (
        <p className="hx-qa-present__empty">{t('qa.present.empty')}</p>
      ) : null}
    </div>
  );
}
