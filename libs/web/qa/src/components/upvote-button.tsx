import type { Question } from '@helix/contract';
import { formatNumber } from '@helix/web/data-access';
import { useTranslation } from 'react-i18next';
import { useUpvoteQuestion } from '../api/upvote-question';

/** One tap toggles the caller's upvote; the pressed state and the count are part of its name. */
export function UpvoteButton({ question }: { question: Question }) {
  const { t, i18n } = useTranslation();
  const upvote = useUpvoteQuestion(question);
  return (
    <div className="hx-upvote">
      <button
        type="button"
        className="hx-upvote__button"
        aria-pressed={question.upvotedByMe}
        aria-label={t('qa.upvote', { count: question.upvotes })}
        data-testid="upvote"
        onClick={() => upvote.mutate(!question.upvotedByMe)}
      >
        <span aria-hidden="true" className="hx-upvote__arrow">
          ▲
        </span>
        <span className="hx-upvote__count" data-testid="upvotes">
          {formatNumber(question.upvotes, i18n.language)}
        </span>
      </button>
      {upvote.isError ? (
        <p className="hx-error hx-upvote__error" role="alert">
          {t('qa.upvoteFailed', { message: upvote.error.message })}
        </p>
      ) : null}
    </div>
  );
}

/** The count alone: on one's own question, and where upvoting is over (answered) or not open (pending, dismissed). */
export function UpvoteCount({ question }: { question: Question }) {
  const { t } = useTranslation();
  return (
    <span className="hx-upvote__static" data-testid="upvotes-static">
      {t('qa.upvotes', { count: question.upvotes })}
    </span>
  );
}
