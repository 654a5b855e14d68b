import { useDocumentTitle } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useStatementsLive } from '../api/use-statements-live';
import { statementsResultsPath } from '../lib/paths';
import { StatementReviewQueue } from './statement-review-queue';
import { SubmitStatementForm } from './submit-statement-form';
import { VotingCard } from './voting-card';

/** A room's statements on a phone: the card to vote on, a box to add one, and for moderators the queue. */
export function StatementsPage({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('statements.title'));
  useStatementsLive(roomId);
  return (
    <div className="hx-stack hx-statements">
      <h1>{t('statements.title')}</h1>
      <p className="hx-muted">{t('statements.intro')}</p>
      <VotingCard roomId={roomId} />
      <StatementReviewQueue roomId={roomId} />
      <section className="hx-card" aria-labelledby="submit-statement-heading">
        <h2 id="submit-statement-heading">{t('statements.submit.title')}</h2>
        <SubmitStatementForm roomId={roomId} />
      </section>
      <p>
        <Link to={statementsResultsPath(roomId)}>{t('statements.results.open')}</Link>
      </p>
    </div>
  );
}
