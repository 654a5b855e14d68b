import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** What a participant sees at a console URL: plainly that it is for moderators, and a way back. */
export function ModeratorsOnly({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  return (
    <section className="hx-card" aria-labelledby="moderators-only-heading" data-testid="moderators-only">
      <h1 id="moderators-only-heading">{t('moderation.onlyModerators.title')}</h1>
      <p>{t('moderation.onlyModerators.body')}</p>
      <p>
        <Link to={`/rooms/${encodeURIComponent(roomId)}`}>{t('moderation.onlyModerators.back')}</Link>
      </p>
    </section>
  );
}
