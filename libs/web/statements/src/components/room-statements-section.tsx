import { CardSection, NewTabLink } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { statementsPath, statementsResultsPath } from '../lib/paths';

/** The statements section's heading, which the room page's section links bring into view and focus. */
export const STATEMENTS_HEADING_ID = 'statements-heading';

/** The room page's way in: vote on statements one at a time, or open their results for the projector. */
export function RoomStatementsSection({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  return (
    <CardSection
      headingId={STATEMENTS_HEADING_ID}
      title={t('statements.title')}
      testId="room-statements"
      className="hx-statements-section"
    >
      <p className="hx-muted">{t('statements.intro')}</p>
      <div className="hx-row">
        <Link className="hx-button hx-button--primary" to={statementsPath(roomId)}>
          {t('statements.vote')}
        </Link>
        <NewTabLink href={statementsResultsPath(roomId)}>{t('statements.results.open')}</NewTabLink>
      </div>
    </CardSection>
  );
}
