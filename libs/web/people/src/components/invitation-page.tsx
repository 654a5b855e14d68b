import type { InvitationPreview } from '@helix/contract';
import { ApiError, formatDateTime, useHasSession } from '@helix/web/data-access';
import { ActionError, Button, CardSection, Spinner, useDocumentTitle } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useAcceptInvitation, useInvitationPreview } from '../api/invitations';

/** Where an accepted invitation takes its person: the first room they moderate, else the rooms. */
const landingOf = (invitation: InvitationPreview): string =>
  invitation.role === 'moderator' && invitation.rooms[0] ? `/rooms/${invitation.rooms[0].id}` : '/rooms';

function Offer({ invitation }: { invitation: InvitationPreview }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <p>{t(`invitations.offer.${invitation.role}`, { forum: invitation.forum.title })}</p>
      {invitation.rooms.length ? (
        <ul aria-label={t('invitations.rooms')}>
          {invitation.rooms.map((room) => (
            <li key={room.id}>{room.title}</li>
          ))}
        </ul>
      ) : null}
      <p>{t('invitations.until', { date: formatDateTime(invitation.expiresAt, i18n.language) })}</p>
    </>
  );
}

/**
 * `/invite/:token`, for anyone holding the link: what it offers, then sign up or sign in (coming back
 * here), then accept. A link that no longer works says why.
 */
export function InvitationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('invitations.pageTitle'));
  const { token = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const signedIn = useHasSession();
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation(token);
  const back = { from: location.pathname };

  if (preview.isPending) return <Spinner />;
  if (preview.isError) {
    const missing = preview.error instanceof ApiError && preview.error.status === 404;
    return (
      <CardSection headingId="invitation-heading" title={t('invitations.pageTitle')}>
        <p role="alert">{missing ? t('invitations.unknown') : preview.error.message}</p>
      </CardSection>
    );
  }
  const invitation = preview.data;
  return (
    <CardSection headingId="invitation-heading" title={invitation.forum.title} testId="invitation-page">
      <Offer invitation={invitation} />
      {invitation.status !== 'active' ? (
        <p role="alert">{t(`invitations.closed.${invitation.status}`)}</p>
      ) : signedIn ? (
        <div className="hx-stack">
          <Button
            disabled={accept.isPending}
            onClick={() =>
              accept.mutate(undefined, { onSuccess: (result) => void navigate(landingOf(result.invitation)) })
            }
          >
            {t('invitations.accept')}
          </Button>
          <ActionError error={accept.error} />
        </div>
      ) : (
        <div className="hx-stack">
          <p>{t('invitations.signInFirst')}</p>
          <div className="hx-row">
            <Link className="hx-button" to="/sign-up" state={back}>
              {t('auth.createAccountLink')}
            </Link>
            <Link className="hx-button hx-button--secondary" to="/sign-in" state={back}>
              {t('auth.signIn')}
            </Link>
          </div>
        </div>
      )}
    </CardSection>
  );
}
