import { useForumsTranslation } from '../i18n/register';
import type { Forum } from '@helix/contract';
import { useCurrentUser } from '@helix/web/data-access';
import { Button, CardSection, LoadError, Spinner, useDocumentTitle } from '@helix/web/ui';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCreateForum, useForums } from '../api/forums-api';
import { canOrganize } from '../lib/can-organize';
import { formatInZone } from '../lib/zoned-time';
import { ForumForm } from './forum-form';

function ForumItem({ forum, organizes }: { forum: Forum; organizes: boolean }) {
  const { t, i18n } = useForumsTranslation();
  const headingId = `forum-${forum.id}`;
  const date = (iso: string) => formatInZone(iso, forum.timeZone, i18n.language, 'date');
  return (
    <li>
      <article className="hx-card" aria-labelledby={headingId} data-testid="forum-item">
        <h2 id={headingId} className="hx-card__title">
          {forum.title}
        </h2>
        <p className="hx-card__meta">
          <span className={`hx-badge hx-forums-status--${forum.status}`}>
            {t(`forums.status.${forum.status}`)}
          </span>{' '}
          {t('forums.dates', { from: date(forum.startsAt), to: date(forum.endsAt) })}
          {forum.venue ? ` · ${forum.venue}` : ''}
        </p>
        <div className="hx-row">
          {organizes ? (
            <Link to={`/forums/${forum.id}`}>{t('forums.list.manage', { forum: forum.title })}</Link>
          ) : null}
          <Link to={`/forums/${forum.id}/agenda`}>{t('forums.list.agenda')}</Link>
          {forum.outcomePublished ? (
            <Link to={`/outcome/${forum.slug}`}>{t('forums.list.outcome')}</Link>
          ) : null}
        </div>
      </article>
    </li>
  );
}

/** Every edition of the forum: this year's live one, drafts for their organizers, last year's archive. */
export function ForumsPage() {
  const { t } = useForumsTranslation();
  useDocumentTitle(t('forums.list.title'));
  const forums = useForums();
  const { data: user } = useCurrentUser();
  const [creating, setCreating] = useState(false);
  const create = useCreateForum();
  const navigate = useNavigate();
  const isAdmin = !!user?.roles.includes('admin');

  return (
    <div className="hx-forums">
      <h1>{t('forums.list.title')}</h1>
      <p>{t('forums.list.intro')}</p>
      {isAdmin && !creating ? (
        <Button onClick={() => setCreating(true)}>{t('forums.list.new')}</Button>
      ) : null}
      {creating ? (
        <CardSection headingId="forum-new" title={t('forums.list.new')}>
          <ForumForm
            pending={create.isPending}
            error={create.error}
            submitLabel={t('forums.list.create')}
            onSubmit={(request) =>
              create.mutate(request, { onSuccess: (forum) => void navigate(`/forums/${forum.id}`) })
            }
          />
          <Button variant="ghost" onClick={() => setCreating(false)}>
            {t('common.cancel')}
          </Button>
        </CardSection>
      ) : null}
      {forums.isPending ? <Spinner /> : null}
      {forums.isError ? (
        <LoadError message={t('forums.loadFailed')} onRetry={() => void forums.refetch()} />
      ) : null}
      {forums.data ? (
        <ul className="hx-card-list">
          {forums.data.map((forum) => (
            <ForumItem key={forum.id} forum={forum} organizes={canOrganize(user, forum)} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
