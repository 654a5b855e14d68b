import { useDocumentTitle } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { StatementResultsView } from './statement-results-view';

/** Full screen for the hall's projector, and readable on a phone: the results refresh every few seconds. */
export function StatementResultsPage({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('statements.results.title'));
  return (
    <main className="hx-statement-results-page">
      <h1>{t('statements.results.title')}</h1>
      <StatementResultsView roomId={roomId} />
    </main>
  );
}
