import { mayModerateRoom, useCurrentUser } from '@helix/web/data-access';
import { LoadError, Spinner } from '@helix/web/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuestions } from '../api/get-questions';
import { useRoomSettings } from '../api/get-room-settings';
import { useQaLive } from '../hooks/use-qa-live';
import { groupQuestions } from '../lib/question-groups';
import { QuestionList } from './question-list';

/**
 * Moderators' queue of questions waiting for review, oldest first, with who asked (also when
 * anonymous). It refetches whenever the room says a question is waiting (`question.pending`).
 */
export function QuestionReviewQueue({ roomId, headingLevel = 2 }: { roomId: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  useQaLive(roomId);
  const { data: user } = useCurrentUser();
  const questions = useQuestions(roomId);
  const settings = useRoomSettings(roomId);
  const pending = useMemo(() => groupQuestions(questions.data ?? []).pending, [questions.data]);
  if (!mayModerateRoom(user, roomId)) return null;

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const title = t('qa.review.title', { count: pending.length });
  return (
    <section className="hx-qa-review" aria-label={title} data-testid="question-review">
      <Heading>{title}</Heading>
      {settings.data ? (
        <p className="hx-muted" data-testid="qa-review-state">
          {settings.data.qaReview ? t('qa.review.on') : t('qa.review.off')}
        </p>
      ) : null}
      {questions.isPending ? <Spinner /> : null}
      {questions.isError ? (
        <LoadError message={t('qa.loadFailed')} onRetry={() => void questions.refetch()} />
      ) : null}
      {pending.length ? (
        <QuestionList questions={pending} moderator label={title} />
      ) : questions.isSuccess ? (
        <p className="hx-muted">{t('qa.review.empty')}</p>
      ) : null}
    </section>
  );
}
