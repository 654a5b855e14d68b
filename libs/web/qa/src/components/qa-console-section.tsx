import { CardSection, LoadError, Spinner } from '@helix/web/ui';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuestions } from '../api/get-questions';
import { useQaLive } from '../hooks/use-qa-live';
import { groupQuestions } from '../lib/question-groups';
import { FoldedQuestions } from './folded-questions';
import { QuestionList } from './question-list';
import { QuestionReviewQueue } from './question-review-queue';

/**
 * A room's moderator console: the questions waiting for review, then the open ones, most upvoted first, to
 * answer or dismiss, live; answered and dismissed ones folded below, where a moderator can reopen them.
 * `reviewSwitch` is the room setting's toggle, another feature's, so the app passes it in.
 */
export function QaConsoleSection({ roomId, reviewSwitch }: { roomId: string; reviewSwitch?: ReactNode }) {
  const { t } = useTranslation();
  useQaLive(roomId);
  const questions = useQuestions(roomId);
  const groups = useMemo(() => groupQuestions(questions.data ?? []), [questions.data]);
  return (
    <CardSection headingId="console-qa-heading" title={t('moderation.qa.title')} testId="console-qa">
      {reviewSwitch}
      <QuestionReviewQueue roomId={roomId} headingLevel={3} />
      <section aria-labelledby="console-qa-open-heading" data-testid="console-open-questions">
        <h3 id="console-qa-open-heading">{t('qa.openTitle')}</h3>
        {questions.isPending ? <Spinner /> : null}
        {questions.isError ? (
          <LoadError message={t('qa.loadFailed')} onRetry={() => void questions.refetch()} />
        ) : null}
        {groups.open.length ? (
          <QuestionList questions={groups.open} moderator label={t('qa.openTitle')} />
        ) : questions.isSuccess ? (
          <p className="hx-muted">{t('qa.noOpenQuestions')}</p>
        ) : null}
      </section>
      <FoldedQuestions status="answered" questions={groups.answered} moderator />
      <FoldedQuestions status="dismissed" questions={groups.dismissed} moderator />
    </CardSection>
  );
}
