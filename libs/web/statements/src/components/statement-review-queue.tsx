import { isModerator, useCurrentUser } from '@helix/web/data-access';
import { Button, LoadError } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { useModerateStatement, useStatements } from '../api/statements-api';

/** Moderators' queue of statements waiting for review, oldest first. */
export function StatementReviewQueue({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const { data: user } = useCurrentUser();
  const moderator = isModerator(user);
  const statements = useStatements(roomId);
  const moderate = useModerateStatement(roomId);
  if (!moderator) return null;
  const pending = (statements.data ?? []).filter((statement) => statement.status === 'pending');
  const title = t('statements.review.title', { count: pending.length });
  return (
    <section className="hx-card" aria-label={title} data-testid="statement-review">
      <h2>{title}</h2>
      {statements.isError ? (
        <LoadError message={t('statements.loadFailed')} onRetry={() => void statements.refetch()} />
      ) : null}
      {pending.length ? (
        <ul className="hx-statement-review">
          {pending.map((statement) => (
            <li key={statement.id} className="hx-statement-review__item">
              <p>{statement.text}</p>
              <div className="hx-row">
                <Button
                  size="small"
                  disabled={moderate.isPending}
                  aria-label={t('statements.review.approveLabel', { text: statement.text })}
                  onClick={() => moderate.mutate({ statementId: statement.id, status: 'approved' })}
                >
                  {t('statements.review.approve')}
                </Button>
                <Button
                  size="small"
                  variant="danger"
                  disabled={moderate.isPending}
                  aria-label={t('statements.review.rejectLabel', { text: statement.text })}
                  onClick={() => moderate.mutate({ statementId: statement.id, status: 'rejected' })}
                >
                  {t('statements.review.reject')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : statements.isSuccess ? (
        <p className="hx-muted">{t('statements.review.empty')}</p>
      ) : null}
      {moderate.isError ? (
        <p className="hx-error" role="alert">
          {moderate.error.message}
        </p>
      ) : null}
    </section>
  );
}
