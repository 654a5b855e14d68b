import { formatDateTime } from '@helix/web/data-access';
import { Spinner } from '@helix/web/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVoteHistory } from '../api/get-vote-history';
import { PersonLabel } from './initiative-bits';

/** Every vote cast and changed, for moderators; loaded when opened. */
export function VoteHistory({ initiativeId }: { initiativeId: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const history = useVoteHistory(initiativeId, open);
  return (
    <details className="hx-vote-history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('initiatives.history.title')}</summary>
      {history.isPending && open ? <Spinner /> : null}
      {history.isError ? (
        <p className="hx-error" role="alert">
          {t('initiatives.history.loadFailed')}
        </p>
      ) : null}
      {history.data ? (
        history.data.length ? (
          <ol className="hx-vote-history__list">
            {history.data.map((entry, index) => (
              <li key={`${entry.at}-${index}`}>
                <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>{' '}
                <PersonLabel user={entry.user} />
                {': '}
                <strong>{t(`initiatives.positions.${entry.position}`)}</strong>
                {entry.reason ? <span className="hx-text"> — {entry.reason}</span> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="hx-muted">{t('initiatives.history.empty')}</p>
        )
      ) : null}
    </details>
  );
}
