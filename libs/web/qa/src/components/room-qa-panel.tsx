import { mayModerateRoom, roomPresenterPath, useCurrentUser } from '@helix/web/data-access';
import { LoadError, NewTabLink, Spinner } from '@helix/web/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuestions } from '../api/get-questions';
import { useRoomSettings } from '../api/get-room-settings';
import { useQaLive } from '../hooks/use-qa-live';
import { groupQuestions } from '../lib/question-groups';
import { AskQuestionForm } from './ask-question-form';
import { FoldedQuestions } from './folded-questions';
import { QuestionList } from './question-list';
import { QuestionReviewQueue } from './question-review-queue';

/** The Q&A's heading, which the room page's section links bring into view and focus. */
export const QA_HEADING_ID = 'qa-heading';

/**
 * Audience Q&A in a room: ask (optionally anonymously), upvote, and follow the list live, most
 * upvoted first. Moderators also review, answer, dismiss and reopen questions here.
 */
export function RoomQaPanel({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  useQaLive(roomId);
  const { data: user } = useCurrentUser();
  const moderator = mayModerateRoom(user, roomId);
  const questions = useQuestions(roomId);
  const settings = useRoomSettings(roomId);
  const groups = useMemo(() => groupQuestions(questions.data ?? []), [questions.data]);
  const review = settings.data?.qaReview ?? false;

  return (
    <section className="hx-qa" id="qa" aria-labelledby={QA_HEADING_ID} data-testid="room-qa">
      <h2 id={QA_HEADING_ID} tabIndex={-1}>
        {t('qa.title')}
      </h2>
      {moderator ? (
        <p className="hx-row">
          <NewTabLink href={roomPresenterPath(roomId)}>{t('qa.presenterLink')}</NewTabLink>
        </p>
      ) : null}
      <AskQuestionForm roomId={roomId} review={review && !moderator} />
      {moderator && (review || groups.pending.length > 0) ? (
        <QuestionReviewQueue roomId={roomId} headingLevel={3} />
      ) : null}
      {!moderator && groups.pending.length ? (
        <>
          <h3>{t('qa.mineWaiting')}</h3>
          <QuestionList questions={groups.pending} moderator={false} label={t('qa.mineWaiting')} />
        </>
      ) : null}
      <h3>{t('qa.openTitle')}</h3>
      {questions.isPending ? <Spinner /> : null}
      {questions.isError ? (
        <LoadError message={t('qa.loadFailed')} onRetry={() => void questions.refetch()} />
      ) : null}
      {groups.open.length ? (
        <QuestionList questions={groups.open} moderator={moderator} label={t('qa.openTitle')} />
      ) : questions.isSuccess ? (
        <p className="hx-muted">{t('qa.empty')}</p>
      ) : null}
      <FoldedQuestions status="answered" questions={groups.answered} moderator={moderator} />
      <FoldedQuestions status="dismissed" questions={groups.dismissed} moderator={moderator} />
    </section>
  );
}
