import type { Question } from '@helix/contract';
import { formatMessageTime } from '@helix/web/data-access';
import { useTranslation } from 'react-i18next';
import { QuestionModeration } from './question-moderation';
import { UpvoteButton, UpvoteCount } from './upvote-button';

/** Who asked, as the viewer may know it: anonymous questions name their author only to moderators and the asker. */
function AskedBy({ question }: { question: Question }) {
  const { t } = useTranslation();
  if (!question.author) return <span className="hx-question__author">{t('qa.anonymous')}</span>;
  return (
    <span className="hx-question__author">
      <span>
        <strong>{question.author.displayName}</strong>, {question.author.organization}
      </span>
      {question.anonymous ? <span className="hx-badge">{t('qa.askedAnonymously')}</span> : null}
    </span>
  );
}

const STATUS_NOTE: Partial<Record<Question['status'], string>> = {
  pending: 'qa.waitingForReview',
  answered: 'qa.answeredBadge',
  dismissed: 'qa.notPublished',
};

export function QuestionItem({ question, moderator }: { question: Question; moderator: boolean }) {
  const { t, i18n } = useTranslation();
  const note = STATUS_NOTE[question.status];
  return (
    <div
      className="hx-question"
      data-testid="question"
      data-question-id={question.id}
      data-status={question.status}
      data-mine={question.mine || undefined}
    >
      <div className="hx-question__vote">
        {/* One's own question shows its count: the server refuses a self-upvote. */}
        {question.status === 'approved' && !question.mine ? (
          <UpvoteButton question={question} />
        ) : (
          <UpvoteCount question={question} />
        )}
      </div>
      <div className="hx-question__body">
        <p className="hx-question__text hx-text">{question.text}</p>
        <p className="hx-question__meta">
          <AskedBy question={question} />
          <time dateTime={question.createdAt}>{formatMessageTime(question.createdAt, i18n.language)}</time>
          {question.mine ? <span className="hx-badge hx-badge--mine">{t('qa.yours')}</span> : null}
          {note ? (
            <span className={`hx-badge hx-question__status hx-question__status--${question.status}`}>
              {t(note)}
            </span>
          ) : null}
        </p>
        {moderator ? <QuestionModeration question={question} /> : null}
      </div>
    </div>
  );
}
