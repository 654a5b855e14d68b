import type { Initiative } from '@helix/contract';
import { formatDateTime, formatMessageTime } from '@helix/web/data-access';
import { useTranslation } from 'react-i18next';
import { PersonLabel } from './initiative-bits';

/** Disagreements and blocks with their reasons, attributed: a consensus process answers objections by name. */
export function ObjectionsList({ objections }: { objections: Initiative['objections'] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="objections-heading">
      <h2 id="objections-heading">{t('initiatives.objections.title', { count: objections.length })}</h2>
      {objections.length ? (
        <ul className="hx-objections">
          {objections.map((objection) => (
            <li
              key={objection.user.id}
              className={`hx-objection hx-objection--${objection.position}`}
              data-testid="objection"
              data-position={objection.position}
            >
              <p className="hx-objection__head">
                <span className={`hx-badge hx-objection__badge hx-objection__badge--${objection.position}`}>
                  <span aria-hidden="true">{objection.position === 'block' ? '⊘ ' : '✗ '}</span>
                  {t(`initiatives.positions.${objection.position}`)}
                </span>{' '}
                <PersonLabel user={objection.user} />{' '}
                <time
                  className="hx-muted"
                  dateTime={objection.at}
                  title={formatDateTime(objection.at, i18n.language)}
                >
                  {formatMessageTime(objection.at, i18n.language)}
                </time>
              </p>
              <blockquote className="hx-objection__reason hx-text">{objection.reason}</blockquote>
              {objection.wouldChange ? (
                <p className="hx-objection__change hx-text">
                  <strong>{t('initiatives.objections.wouldChange')}</strong> {objection.wouldChange}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hx-muted">{t('initiatives.objections.none')}</p>
      )}
    </section>
  );
}
