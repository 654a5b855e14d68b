import { useForumsTranslation } from '../i18n/register';
import type { Forum } from '@helix/contract';
import { useCurrentUser } from '@helix/web/data-access';
import { ActionError, Button, CardSection, LoadError, Spinner, useDocumentTitle } from '@helix/web/ui';
import { Dialog } from '@helix/web/ui/dialog';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useForum, useForumLifecycle, useUpdateForum } from '../api/forums-api';
import { canOrganize } from '../lib/can-organize';
import { ForumForm } from './forum-form';
import { ForumStatsSection } from './forum-stats';
import { OrganizersSection } from './organizers-section';
import { RoomsEditor } from './rooms-editor';

/** Opening makes this forum the one people find; closing turns it into a read-only archive. Both ask first. */
function Lifecycle({ forum }: { forum: Forum }) {
  const { t } = useForumsTranslation();
  const lifecycle = useForumLifecycle(forum.id);
  const publish = useUpdateForum(forum.id);
  const [asking, setAsking] = useState<'open' | 'close' | null>(null);
  const step = forum.status === 'draft' ? 'open' : forum.status === 'live' ? 'close' : null;
  return (
    <CardSection headingId="forum-lifecycle" title={t('forums.lifecycle.title')}>
      <p>
        {t('forums.lifecycle.status')}{' '}
        <strong className={`hx-badge hx-forums-status--${forum.status}`} data-testid="forum-status">
          {t(`forums.status.${forum.status}`)}
        </strong>
      </p>
      <p>{t(`forums.lifecycle.explain.${forum.status}`)}</p>
      <p>
        {t('forums.lifecycle.joinCode')}{' '}
        <code className="hx-forums-code" data-testid="join-code">
          {forum.joinCode}
        </code>
      </p>
      {step ? (
        <Button variant={step === 'close' ? 'danger' : 'primary'} onClick={() => setAsking(step)}>
          {t(`forums.lifecycle.${step}`)}
        </Button>
      ) : null}
      {forum.status === 'live' ? (
        <p>
          {forum.outcomePublished ? `${t('forums.lifecycle.published')} ` : null}
          <Button
            variant="secondary"
            disabled={publish.isPending}
            onClick={() => publish.mutate({ outcomePublished: !forum.outcomePublished })}
          >
            {forum.outcomePublished ? t('forums.lifecycle.unpublish') : t('forums.lifecycle.publish')}
          </Button>
        </p>
      ) : null}
      <ActionError error={lifecycle.error ?? publish.error} />
      {asking ? (
        <Dialog
          title={t(`forums.lifecycle.confirm.${asking}Title`, { forum: forum.title })}
          description={t(`forums.lifecycle.confirm.${asking}`)}
          onClose={() => setAsking(null)}
        >
          <div className="hx-dialog__actions">
            <Button variant="secondary" onClick={() => setAsking(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              variant={asking === 'close' ? 'danger' : 'primary'}
              disabled={lifecycle.isPending}
              onClick={() => lifecycle.mutate(asking, { onSettled: () => setAsking(null) })}
            >
              {t(`forums.lifecycle.${asking}`)}
            </Button>
          </div>
        </Dialog>
      ) : null}
    </CardSection>
  );
}

function Details({ forum }: { forum: Forum }) {
  const { t } = useForumsTranslation();
  const update = useUpdateForum(forum.id);
  if (forum.status === 'closed') return <p>{t('forums.closedReadOnly')}</p>;
  return (
    <CardSection headingId="forum-details" title={t('forums.details')}>
      <ForumForm
        key={forum.id}
        forum={forum}
        pending={update.isPending}
        error={update.error}
        submitLabel={t('common.save')}
        onSubmit={(request) => update.mutate(request)}
      />
      {update.isSuccess ? <p role="status">{t('forums.saved')}</p> : null}
    </CardSection>
  );
}

/** The organizer's workspace for one forum: its details, lifecycle, rooms, numbers and archive. */
export function ForumPage() {
  const { forumId = '' } = useParams();
  const { t } = useForumsTranslation();
  const forum = useForum(forumId);
  const { data: user } = useCurrentUser();
  useDocumentTitle(forum.data ? t('forums.manage.documentTitle', { forum: forum.data.title }) : undefined);

  if (forum.isPending) return <Spinner />;
  if (forum.isError)
    return <LoadError message={t('forums.loadFailed')} onRetry={() => void forum.refetch()} />;
  const current = forum.data;
  if (!canOrganize(user, current)) return <p role="alert">{t('forums.organizersOnly')}</p>;
  return (
    <div className="hx-forums">
      <p>
        <Link to="/forums">{t('forums.list.title')}</Link>
      </p>
      <h1>{current.title}</h1>
      <div className="hx-row">
        <Link to={`/forums/${current.id}/agenda`}>{t('forums.list.agenda')}</Link>
        <Link to={`/forums/${current.id}/roster`}>{t('forums.list.roster')}</Link>
        <Link to={`/forums/${current.id}/invitations`}>{t('invitations.manage')}</Link>
        {current.outcomePublished ? (
          <Link to={`/outcome/${current.slug}`}>{t('forums.list.outcome')}</Link>
        ) : null}
      </div>
      <Lifecycle forum={current} />
      <ForumStatsSection forumId={current.id} />
      <RoomsEditor forum={current} />
      <OrganizersSection forum={current} />
      <Details forum={current} />
    </div>
  );
}
