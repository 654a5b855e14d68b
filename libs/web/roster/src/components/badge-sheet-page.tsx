import type { RosterEntry } from '@helix/contract';
import { publicOrigin } from '@helix/web/data-access';
import { Button, LoadError, Spinner, useDocumentTitle } from '@helix/web/ui';
import { QRCodeSVG } from 'qrcode.react';
import { Link, useParams } from 'react-router';
import { useRoster } from '../api/roster';
import { useRosterTranslation } from '../i18n/register';
import { badgeLink } from '../lib/read-roster-file';

/** Eight badges of 95 × 69 mm fill an A4 page inside its 10 mm margins (roster.css). */
const BADGES_PER_PAGE = 8;

/** The printable badge sheet: every badge that has a working link, eight to an A4 page. */
export function BadgeSheetPage() {
  const { forumId = '' } = useParams();
  const { t } = useRosterTranslation();
  const roster = useRoster(forumId);
  useDocumentTitle(t('roster.sheet.title'));
  if (roster.isPending) return <Spinner />;
  if (roster.isError)
    return <LoadError message={t('roster.loadFailed')} onRetry={() => void roster.refetch()} />;
  const badges = roster.data.filter((entry) => entry.badgeToken);
  const pages = Array.from({ length: Math.ceil(badges.length / BADGES_PER_PAGE) }, (_, page) =>
    badges.slice(page * BADGES_PER_PAGE, (page + 1) * BADGES_PER_PAGE),
  );
  const origin = publicOrigin();
  return (
    <div className="hx-badge-sheet">
      <div className="hx-badge-sheet__tools">
        <p className="hx-row">
          <Link to={`/forums/${encodeURIComponent(forumId)}/roster`}>{t('roster.title')}</Link>
        </p>
        <h1>{t('roster.sheet.title')}</h1>
        <p>{t('roster.sheet.intro')}</p>
        <p className="hx-row">
          <span>{t('roster.sheet.count', { count: badges.length })}</span>
          <Button disabled={!badges.length} onClick={() => window.print()}>
            {t('roster.sheet.print')}
          </Button>
        </p>
        {badges.length ? null : <p>{t('roster.sheet.empty')}</p>}
      </div>
      {pages.map((page, index) => (
        <ul className="hx-badge-page" key={index}>
          {page.map((entry) => (
            <Badge key={entry.id} entry={entry} link={badgeLink(origin, entry.badgeToken as string)} />
          ))}
        </ul>
      ))}
    </div>
  );
}

function Badge({ entry, link }: { entry: RosterEntry; link: string }) {
  const { t } = useRosterTranslation();
  return (
    <li
      className={`hx-name-badge hx-name-badge--${entry.stakeholderGroup}`}
      data-testid="badge"
      data-link={link}
    >
      <div className="hx-name-badge__text">
        <p className="hx-name-badge__name">{entry.displayName}</p>
        <p className="hx-name-badge__organization">{entry.organization}</p>
        <p className="hx-name-badge__group">{t(`groups.${entry.stakeholderGroup}`)}</p>
      </div>
      <QRCodeSVG
        className="hx-name-badge__qr"
        value={link}
        size={104}
        marginSize={0}
        role="img"
        aria-label={t('roster.sheet.qr', { name: entry.displayName })}
      />
    </li>
  );
}
