import { useForumsTranslation } from '../i18n/register';
import { STAKEHOLDER_GROUPS } from '@helix/contract';
import { CardSection, LoadError, Spinner } from '@helix/web/ui';
import { useForumStats } from '../api/forums-api';

/** The forum's numbers on one page, from the API's read models: who took part, by group, and what they made. */
export function ForumStatsSection({ forumId }: { forumId: string }) {
  const { t } = useForumsTranslation();
  const stats = useForumStats(forumId);
  return (
    <CardSection headingId="forum-stats" title={t('forums.stats.title')} testId="forum-stats">
      {stats.isPending ? <Spinner /> : null}
      {stats.isError ? (
        <LoadError message={t('forums.loadFailed')} onRetry={() => void stats.refetch()} />
      ) : null}
      {stats.data ? (
        <dl className="hx-forums-stats">
          <div>
            <dt>{t('forums.stats.people')}</dt>
            <dd>{stats.data.people.total}</dd>
          </div>
          {STAKEHOLDER_GROUPS.map((group) => (
            <div key={group} className="hx-forums-stats__group">
              <dt>{t(`groups.${group}`)}</dt>
              <dd>{stats.data?.people.byGroup[group] ?? 0}</dd>
            </div>
          ))}
          <div>
            <dt>{t('forums.stats.rooms')}</dt>
            <dd>{stats.data.rooms}</dd>
          </div>
          <div>
            <dt>{t('forums.stats.messages')}</dt>
            <dd>
              {t('forums.stats.messagesIn', { messages: stats.data.messages, threads: stats.data.threads })}
            </dd>
          </div>
          <div>
            <dt>{t('forums.stats.polls')}</dt>
            <dd>{t('forums.stats.pollsOf', stats.data.polls)}</dd>
          </div>
          <div>
            <dt>{t('forums.stats.questions')}</dt>
            <dd>{t('forums.stats.questionsOf', stats.data.questions)}</dd>
          </div>
          <div>
            <dt>{t('forums.stats.initiatives')}</dt>
            <dd>{t('forums.stats.initiativesOf', stats.data.initiatives)}</dd>
          </div>
        </dl>
      ) : null}
    </CardSection>
  );
}
