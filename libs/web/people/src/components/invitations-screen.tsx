import { INVITATION_ROLES, type Invitation, type InvitationRole } from '@helix/contract';
import { formatDateTime, useClientKey, useRooms } from '@helix/web/data-access';
import {
  ActionError,
  Button,
  CardSection,
  LoadError,
  SelectField,
  Spinner,
  TextField,
  useDocumentTitle,
} from '@helix/web/ui';
import { QRCodeSVG } from 'qrcode.react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCreateInvitation, useInvitations, useRevokeInvitation } from '../api/invitations';

const DAY_MS = 24 * 3_600_000;

function InvitationForm({ forumId }: { forumId: string }) {
  const { t, i18n } = useTranslation();
  const rooms = useRooms();
  const create = useCreateInvitation(forumId);
  const key = useClientKey();
  const [role, setRole] = useState<InvitationRole>('participant');
  const [roomIds, setRoomIds] = useState<string[]>([]);
  const [days, setDays] = useState('7');
  const [maxUses, setMaxUses] = useState('1');
  const [email, setEmail] = useState('');
  const forumRooms = (rooms.data ?? []).filter((room) => room.forumId === forumId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        role,
        roomIds: role === 'moderator' ? roomIds : [],
        expiresAt: new Date(Date.now() + Number(days) * DAY_MS).toISOString(),
        maxUses: Number(maxUses),
        email: email.trim() || undefined,
        language: i18n.language === 'ru' ? 'ru' : 'en',
        clientId: key.take(),
      },
      { onSuccess: () => key.renew() },
    );
  };
  const toggleRoom = (roomId: string, on: boolean) =>
    setRoomIds((current) => (on ? [...current, roomId] : current.filter((id) => id !== roomId)));

  return (
    <CardSection headingId="invitation-new" title={t('invitations.new')}>
      <form className="hx-stack" onSubmit={submit} onChange={() => key.renew()}>
        <SelectField
          label={t('invitations.role')}
          name="role"
          value={role}
          onChange={(event) => setRole(event.target.value as InvitationRole)}
          options={INVITATION_ROLES.map((value) => ({ value, label: t(`invitations.roles.${value}`) }))}
        />
        {role === 'moderator' ? (
          <fieldset className="hx-stack">
            <legend>{t('invitations.rooms')}</legend>
            {forumRooms.map((room) => (
              <label key={room.id} className="hx-check">
                <input
                  type="checkbox"
                  checked={roomIds.includes(room.id)}
                  onChange={(event) => toggleRoom(room.id, event.target.checked)}
                />
                {room.title}
              </label>
            ))}
          </fieldset>
        ) : null}
        <TextField
          label={t('invitations.days')}
          type="number"
          min={1}
          max={90}
          required
          value={days}
          onChange={(event) => setDays(event.target.value)}
        />
        <TextField
          label={t('invitations.maxUses')}
          type="number"
          min={1}
          max={1000}
          required
          value={maxUses}
          onChange={(event) => setMaxUses(event.target.value)}
        />
        <TextField
          label={t('invitations.email')}
          hint={t('invitations.emailHint')}
          type="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <Button type="submit" disabled={create.isPending || (role === 'moderator' && roomIds.length === 0)}>
          {t('invitations.create')}
        </Button>
        <ActionError error={create.error} />
      </form>
    </CardSection>
  );
}

function InvitationCard({ invitation, forumId }: { invitation: Invitation; forumId: string }) {
  const { t, i18n } = useTranslation();
  const revoke = useRevokeInvitation(forumId);
  const [copied, setCopied] = useState(false);
  const [showQr, setShowQr] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invitation.link);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin, a refused permission): the link is shown to copy by hand.
      setCopied(false);
    }
  };
  return (
    <li className="hx-card hx-stack" data-testid="invitation">
      <strong>
        {t(`invitations.roles.${invitation.role}`)} · {t(`invitations.status.${invitation.status}`)}
      </strong>
      <div>
        {t('invitations.usedOf', { count: invitation.uses.length, max: invitation.maxUses })} ·{' '}
        {t('invitations.until', { date: formatDateTime(invitation.expiresAt, i18n.language) })}
      </div>
      {invitation.email ? <div>{t('invitations.sentTo', { email: invitation.email })}</div> : null}
      {invitation.status === 'active' ? (
        <>
          <input
            className="hx-input"
            readOnly
            aria-label={t('invitations.link')}
            value={invitation.link}
            onFocus={(event) => event.target.select()}
          />
          <div className="hx-row">
            <Button size="small" variant="secondary" onClick={() => void copy()}>
              {copied ? t('invitations.copied') : t('invitations.copy')}
            </Button>
            <Button
              size="small"
              variant="secondary"
              aria-expanded={showQr}
              onClick={() => setShowQr(!showQr)}
            >
              {t('invitations.qr')}
            </Button>
            <Button size="small" disabled={revoke.isPending} onClick={() => revoke.mutate(invitation.id)}>
              {t('invitations.revoke')}
            </Button>
          </div>
          {showQr ? (
            <QRCodeSVG value={invitation.link} size={200} marginSize={2} title={t('invitations.qrTitle')} />
          ) : null}
        </>
      ) : null}
      {invitation.uses.length ? (
        <ul aria-label={t('invitations.uses')}>
          {invitation.uses.map((use) => (
            <li key={use.person.id}>
              {use.person.displayName} · {formatDateTime(use.at, i18n.language)}
            </li>
          ))}
        </ul>
      ) : null}
      <ActionError error={revoke.error} />
    </li>
  );
}

/** A forum's invitation links for its organizers: make one, share it, see who used it, revoke it. */
export function InvitationsScreen() {
  const { t } = useTranslation();
  const { forumId = '' } = useParams();
  useDocumentTitle(t('invitations.title'));
  const invitations = useInvitations(forumId);
  return (
    <section aria-labelledby="invitations-heading" className="hx-stack">
      <h1 id="invitations-heading">{t('invitations.title')}</h1>
      <InvitationForm forumId={forumId} />
      {invitations.isPending ? <Spinner /> : null}
      {invitations.isError ? (
        <LoadError message={invitations.error.message} onRetry={() => void invitations.refetch()} />
      ) : null}
      {invitations.data ? (
        invitations.data.length ? (
          <ul className="hx-card-list" aria-label={t('invitations.list')}>
            {invitations.data.map((invitation) => (
              <InvitationCard key={invitation.id} invitation={invitation} forumId={forumId} />
            ))}
          </ul>
        ) : (
          <p>{t('invitations.none')}</p>
        )
      ) : null}
    </section>
  );
}
