import { LoadError, Spinner, useDocumentTitle } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { useOutbox } from '../api/people';

/** E-mail kept because no SMTP_URL is set: an admin can read a link to the person at the desk. */
export function Outbox() {
  const { t } = useTranslation();
  useDocumentTitle(t('people.outbox'));
  const outbox = useOutbox();
  return (
    <section aria-labelledby="outbox-heading" className="hx-stack">
      <h1 id="outbox-heading">{t('people.outbox')}</h1>
      <p>{t('people.outboxIntro')}</p>
      {outbox.isPending ? <Spinner /> : null}
      {outbox.isError ? (
        <LoadError message={outbox.error.message} onRetry={() => void outbox.refetch()} />
      ) : null}
      {outbox.data?.length === 0 ? <p>{t('people.outboxEmpty')}</p> : null}
      <ul className="hx-card-list">
        {outbox.data?.map((message) => (
          <li key={message.id} className="hx-card">
            <strong>{message.subject}</strong>
            <div>
              {t('people.to')}: {message.to} · {new Date(message.createdAt).toLocaleString()}
            </div>
            {/* The plain-text body: rendered as text, never as HTML. */}
            <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{message.text}</pre>
          </li>
        ))}
      </ul>
    </section>
  );
}
