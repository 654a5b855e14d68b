import type { Initiative } from '@helix/contract';
import {
  formatDateTime,
  isModerator,
  useConnectionState,
  useCurrentUser,
  useRooms,
} from '@helix/web/data-access';
import { ActionError, Button, Spinner, useDocumentTitle } from '@helix/web/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCloseVoting } from '../api/close-voting';
import { useInitiative } from '../api/get-initiative';
import { useInitiativeRoom } from '../hooks/use-initiatives-live';
import { useCountdown } from '../hooks/use-now';
import { AmendmentsSection } from './amendments-section';
import { ConsensusPanel } from './consensus-panel';
import { PartnerList, PersonLabel, ProposerOnlyNote, StatusBadge, TimeLeft } from './initiative-bits';
import { ObjectionsList } from './objections-list';
import { OpenVotingForm } from './open-voting-form';
import { PartnerInvitation } from './partner-invitation';
import { PledgesSection } from './pledges-section';
import { TallyBars, TallyTable } from './tally-view';
import { VoteHistory } from './vote-history';
import { VotePanel } from './vote-panel';
import { WithdrawDraft } from './withdraw-draft';

/** Without a room's live events (no room, or the socket is down) an open vote is polled every 5 s. */
const POLL_MS = 5_000;

/** The back link, the title and the status line every state of an initiative's page starts with. */
function InitiativeHeading({ initiative, children }: { initiative: Initiative; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <Link to="/initiatives">{t('initiatives.backToBoard')}</Link>
      </p>
      <h1>{initiative.title}</h1>
      <div className="hx-card__meta">
        <StatusBadge status={initiative.status} />
        {children}
      </div>
    </>
  );
}

/** What is left of a withdrawn draft: who took it back and when, for whoever had it open or follows a link. */
function WithdrawnInitiative({ initiative }: { initiative: Initiative }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="hx-initiative" data-testid="initiative" data-status={initiative.status}>
      <InitiativeHeading initiative={initiative} />
      <p role="status" data-testid="withdrawn-note">
        {t('initiatives.withdraw.done', {
          time: initiative.withdrawnAt ? formatDateTime(initiative.withdrawnAt, i18n.language) : '',
        })}
      </p>
      {initiative.withdrawnBy ? (
        <p>
          {t('initiatives.withdraw.by')} <PersonLabel user={initiative.withdrawnBy} />
        </p>
      ) : null}
    </article>
  );
}

export function InitiativePage() {
  const { t, i18n } = useTranslation();
  const { initiativeId = '' } = useParams();
  const connection = useConnectionState();
  const query = useInitiative(initiativeId, (initiative) =>
    initiative?.status === 'voting' && (!initiative.roomId || connection !== 'connected') ? POLL_MS : false,
  );
  const initiative = query.data;
  useInitiativeRoom(initiative?.roomId);
  useDocumentTitle(initiative?.title);
  const { data: user } = useCurrentUser();
  const rooms = useRooms();
  const close = useCloseVoting(initiativeId);
  const left = useCountdown(initiative?.closesAt ?? null, initiative?.status === 'voting');

  if (query.isPending) return <Spinner />;
  if (!initiative) {
    return (
      <div role="alert">
        <p className="hx-error">{t('initiatives.page.loadFailed')}</p>
        <Link to="/initiatives">{t('initiatives.backToBoard')}</Link>
      </div>
    );
  }

  if (initiative.status === 'withdrawn') return <WithdrawnInitiative initiative={initiative} />;

  const moderator = isModerator(user);
  const proposer = !!user && user.id === initiative.proposer.id;
  const votingOpen = initiative.status === 'voting' && (!initiative.closesAt || left !== null);
  const room = initiative.roomId ? rooms.data?.find((item) => item.id === initiative.roomId) : undefined;
  const source = initiative.source;

  return (
    <article className="hx-initiative" data-testid="initiative" data-status={initiative.status}>
      <InitiativeHeading initiative={initiative}>
        <TimeLeft initiative={initiative} />
        {initiative.closedAt ? (
          <span>
            {t('initiatives.page.closedAt', { time: formatDateTime(initiative.closedAt, i18n.language) })}
          </span>
        ) : null}
      </InitiativeHeading>
      <p>
        {t('initiatives.page.proposedBy')} <PersonLabel user={initiative.proposer} />
      </p>
      {initiative.roomId ? (
        <p>
          {t('initiatives.page.room')}{' '}
          <Link to={`/rooms/${initiative.roomId}`}>{room?.title ?? t('initiatives.page.openRoom')}</Link>
        </p>
      ) : null}
      {source ? (
        <p data-testid="source-link">
          <Link to={`/rooms/${source.roomId}/threads/${source.threadId}`}>
            {t('initiatives.page.source')}
          </Link>
        </p>
      ) : null}
      <p className="hx-text hx-initiative__summary">{initiative.summary}</p>
      <h2>{t('initiatives.partners')}</h2>
      <PartnerList partners={initiative.partners} detailed />
      <ProposerOnlyNote initiative={initiative} />
      <PartnerInvitation initiative={initiative} />

      {initiative.status === 'draft' ? (
        <>
          {proposer ? (
            <p>
              <Link className="hx-button hx-button--secondary" to={`/initiatives/${initiative.id}/edit`}>
                {t('initiatives.page.edit')}
              </Link>
            </p>
          ) : null}
          <WithdrawDraft initiative={initiative} />
          {proposer || moderator ? (
            <OpenVotingForm initiative={initiative} />
          ) : (
            <p className="hx-muted">{t('initiatives.page.draftNote')}</p>
          )}
        </>
      ) : null}

      <ConsensusPanel initiative={initiative} />

      {initiative.status !== 'draft' ? (
        <>
          {initiative.status === 'voting' ? <VotePanel initiative={initiative} canVote={votingOpen} /> : null}
          <section aria-labelledby="tally-heading">
            <h2 id="tally-heading">{t('initiatives.tally.title', { count: initiative.tally.total })}</h2>
            <TallyBars tally={initiative.tally} />
            <TallyTable tally={initiative.tally} />
          </section>
          <ObjectionsList objections={initiative.objections} />
          <AmendmentsSection initiative={initiative} />
          <PledgesSection initiative={initiative} />
        </>
      ) : null}

      {moderator && initiative.status !== 'draft' ? (
        <section aria-labelledby="moderation-heading" className="hx-initiative__moderation">
          <h2 id="moderation-heading">{t('initiatives.page.moderation')}</h2>
          {initiative.status === 'voting' ? (
            <>
              <Button
                variant="danger"
                disabled={close.isPending}
                onClick={() => {
                  if (window.confirm(t('initiatives.page.confirmClose'))) close.mutate();
                }}
              >
                {t('initiatives.page.close')}
              </Button>
              <ActionError error={close.error} />
            </>
          ) : null}
          <VoteHistory initiativeId={initiative.id} />
        </section>
      ) : null}
    </article>
  );
}
