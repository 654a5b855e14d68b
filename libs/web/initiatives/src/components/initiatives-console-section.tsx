import type { Initiative } from '@helix/contract';
import { CardSection, LoadError, Spinner } from '@helix/web/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useInitiatives } from '../api/get-initiatives';

/**
 * A room's moderator console: the room's initiatives being voted on, each with its vote count and
 * `projectorButton`, which switches the room's projector to it (another feature's, passed in by the app).
 */
export function InitiativesConsoleSection({
  roomId,
  projectorButton,
}: {
  roomId: string;
  projectorButton: (initiative: Initiative) => ReactNode;
}) {
  const { t } = useTranslation();
  const initiatives = useInitiatives({ roomId, status: 'voting' });
  return (
    <CardSection
      headingId="console-initiatives-heading"
      title={t('moderation.initiatives.title')}
      testId="console-initiatives"
    >
      {initiatives.isPending ? <Spinner /> : null}
      {initiatives.isError ? (
        <LoadError message={t('initiatives.board.loadFailed')} onRetry={() => void initiatives.refetch()} />
      ) : null}
      {initiatives.data && !initiatives.data.length ? (
        <p className="hx-muted">{t('moderation.initiatives.empty')}</p>
      ) : null}
      {initiatives.data?.length ? (
        <ul className="hx-console__list">
          {initiatives.data.map((initiative) => (
            <li key={initiative.id} className="hx-console__item" data-testid="console-initiative">
              <h3>
                <Link to={`/initiatives/${initiative.id}`}>{initiative.title}</Link>
              </h3>
              <p className="hx-card__meta">
                {t('moderation.initiatives.votes', { count: initiative.tally.total })}
              </p>
              <div className="hx-row">{projectorButton(initiative)}</div>
            </li>
          ))}
        </ul>
      ) : null}
    </CardSection>
  );
}
