import type { ModerationEntry } from '@helix/contract';
import { formatDateTime, formatMessageTime } from '@helix/web/data-access';
import { CardSection, LoadError, Spinner } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { useModerationLog } from '../api/get-moderation-log';

/** `thread.pinned` → `thread_pinned`: a dot in an i18next key would nest it. */
const actionKey = (action: ModerationEntry['action']): string => action.replace(/\./g, '_');

function LogEntry({ entry, subject }: { entry: ModerationEntry; subject: string | undefined }) {
  const { t, i18n } = useTranslation();
  // A withdrawn draft is on no list the app names subjects from: its entry keeps the title.
  const named =
    subject ?? (entry.action === 'initiative.withdrawn' ? (entry.detail ?? undefined) : undefined);
  const projectorKind =
    entry.action === 'settings.projector' && entry.detail
      ? t(`moderation.projector.kinds.${entry.detail}`, { defaultValue: entry.detail })
      : undefined;
  return (
    <li className="hx-console__entry" data-testid="moderation-entry" data-action={entry.action}>
      <p className="hx-console__entry-head">
        <strong>{t(`moderation.log.actions.${actionKey(entry.action)}`, { what: projectorKind })}</strong>
        {named ? <span> {t('moderation.projector.target', { title: named })}</span> : null}
      </p>
      <p className="hx-card__meta">
        <span>
          {t('moderation.log.by', {
            name: entry.moderator.displayName,
            organization: entry.moderator.organization,
          })}
        </span>
        <time dateTime={entry.at} title={formatDateTime(entry.at, i18n.language)}>
          {formatMessageTime(entry.at, i18n.language)}
        </time>
      </p>
      {entry.reason ? <p>{t('moderation.log.reason', { reason: entry.reason })}</p> : null}
      {/* Only moderators read this log: the hidden text is kept here, and nowhere else. */}
      {(entry.action === 'message.hidden' || entry.action === 'message.deleted') && entry.detail ? (
        <figure className="hx-console__hidden-text">
          <figcaption>{t('moderation.log.hiddenText')}</figcaption>
          <blockquote>{entry.detail}</blockquote>
        </figure>
      ) : null}
    </li>
  );
}

/**
 * Who did what in the room, newest first. `subjects` names the threads, polls and initiatives the
 * entries point at, where the app knows them.
 */
export function ModerationLog({
  roomId,
  subjects,
}: {
  roomId: string;
  subjects?: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const log = useModerationLog(roomId);
  return (
    <CardSection headingId="moderation-log-heading" title={t('moderation.log.title')} testId="moderation-log">
      {log.isPending ? <Spinner /> : null}
      {log.isError ? (
        <LoadError message={t('moderation.log.loadFailed')} onRetry={() => void log.refetch()} />
      ) : null}
      {log.data && !log.data.length ? <p className="hx-muted">{t('moderation.log.empty')}</p> : null}
      {log.data?.length ? (
        <ol className="hx-console__log">
          {log.data.map((entry) => (
            <LogEntry
              key={entry.id}
              entry={entry}
              subject={entry.subjectId ? subjects?.get(entry.subjectId) : undefined}
            />
          ))}
        </ol>
      ) : null}
    </CardSection>
  );
}
