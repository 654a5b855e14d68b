import { STAKEHOLDER_GROUPS, type StakeholderGroup, type User } from '@helix/contract';
import { useClientKey, useCurrentUser } from '@helix/web/data-access';
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
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { downloadMyData, useOwnGroupChanges, useRequestGroupChange, useUpdateProfile } from '../api/profile';
import { DeleteAccountDialog } from './delete-account-dialog';

function ProfileForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [organization, setOrganization] = useState(user.organization);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ displayName, organization });
  };
  return (
    <form className="hx-form" onSubmit={onSubmit}>
      <TextField
        label={t('auth.displayName')}
        name="displayName"
        required
        maxLength={80}
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
      />
      <TextField
        label={t('auth.organization')}
        name="organization"
        required
        maxLength={120}
        value={organization}
        onChange={(event) => setOrganization(event.target.value)}
      />
      <div className="hx-row">
        <Button type="submit" disabled={update.isPending}>
          {t('profile.save')}
        </Button>
        {update.isSuccess ? <span role="status">{t('profile.saved')}</span> : null}
      </div>
      <ActionError error={update.error} />
    </form>
  );
}

/** The group decides whose consensus a vote counts for: it is asked for, and an organizer decides. */
function GroupChangeSection({ user }: { user: User }) {
  const { t } = useTranslation();
  const changes = useOwnGroupChanges();
  const request = useRequestGroupChange();
  const clientKey = useClientKey();
  const others = STAKEHOLDER_GROUPS.filter((group) => group !== user.stakeholderGroup);
  const [group, setGroup] = useState<StakeholderGroup>(others[0]);
  const [reason, setReason] = useState('');
  const pending = changes.data?.pending;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(
      { group, reason: reason.trim() || undefined, clientId: clientKey.take() },
      {
        onSuccess: () => {
          clientKey.renew();
          setReason('');
        },
      },
    );
  };
  return (
    <CardSection headingId="profile-group" title={t('auth.stakeholderGroup')}>
      <p>
        {t('profile.groupNow', { group: t(`groups.${user.stakeholderGroup}`) })} {t('profile.groupWhy')}
      </p>
      {changes.isPending ? <Spinner /> : null}
      {pending ? (
        <p role="status">
          <strong>{t('profile.groupPending', { group: t(`groups.${pending.to}`) })}</strong>
        </p>
      ) : null}
      <form className="hx-form" onSubmit={onSubmit}>
        <SelectField
          label={t('profile.groupNew')}
          name="group"
          value={group}
          onChange={(event) => {
            setGroup(event.target.value as StakeholderGroup);
            clientKey.renew();
          }}
          options={others.map((value) => ({ value, label: t(`groups.${value}`) }))}
        />
        <TextField
          label={t('profile.groupReason')}
          name="reason"
          maxLength={500}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            clientKey.renew();
          }}
        />
        <Button type="submit" variant="secondary" disabled={request.isPending}>
          {pending ? t('profile.groupReplace') : t('profile.groupRequest')}
        </Button>
        <ActionError error={request.error} />
      </form>
    </CardSection>
  );
}

function LeavingSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  const [downloadError, setDownloadError] = useState<Error | null>(null);
  return (
    <CardSection headingId="profile-data" title={t('profile.yourData')}>
      <p>{t('profile.exportExplained')}</p>
      <div className="hx-row">
        <Button
          variant="secondary"
          onClick={() => {
            setDownloadError(null);
            downloadMyData().catch(setDownloadError);
          }}
        >
          {t('profile.export')}
        </Button>
        <Button variant="danger" onClick={() => setDeleting(true)}>
          {t('profile.delete')}
        </Button>
      </div>
      <ActionError error={downloadError} />
      {deleting ? (
        <DeleteAccountDialog
          onClose={() => setDeleting(false)}
          onDeleted={() => void navigate('/sign-in', { replace: true, state: { accountDeleted: true } })}
        />
      ) : null}
    </CardSection>
  );
}

/** One's own account: name and organization, a request to change group, one's data, and leaving. */
export function ProfilePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('profile.title'));
  const me = useCurrentUser();
  if (me.isPending) return <Spinner />;
  if (me.isError) return <LoadError message={me.error.message} onRetry={() => void me.refetch()} />;
  return (
    <section aria-labelledby="profile-heading" className="hx-stack">
      <h1 id="profile-heading">{t('profile.title')}</h1>
      <p>{me.data.email}</p>
      <ProfileForm user={me.data} />
      <GroupChangeSection user={me.data} />
      <LeavingSection />
    </section>
  );
}
