import { PLEDGE_KINDS, type Initiative, type Pledge } from '@helix/contract';
import { formatDateTime, isModerator, useClientKey, useCurrentUser } from '@helix/web/data-access';
import { ActionError, Button, SelectField, TextAreaField, TextField } from '@helix/web/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreatePledge, usePledgeProgress } from '../api/pledges';

/** One pledge: what, by whom, when, how far; an overdue one says so in words as well as colour. */
export function PledgeSummary({ pledge }: { pledge: Pledge }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <p>
        <strong>{pledge.organization}</strong> · {t(`initiatives.pledges.kind.${pledge.kind}`)}:{' '}
        {pledge.description}
        {pledge.amount ? ` (${pledge.amount})` : ''}
      </p>
      <p className="hx-muted">
        {t('initiatives.pledges.due', {
          owner: pledge.owner,
          date: formatDateTime(pledge.dueDate, i18n.language),
          status: t(`initiatives.pledges.status.${pledge.status}`),
        })}
      </p>
      <p>
        <progress
          className="hx-pledge__progress"
          value={pledge.percent}
          max={100}
          aria-label={pledge.description}
        />{' '}
        {t('initiatives.pledges.percent', { percent: pledge.percent })}
        {pledge.overdue ? (
          <span className="hx-badge hx-pledge__overdue" data-testid="pledge-overdue">
            <span aria-hidden="true">⚠ </span>
            {t('initiatives.pledges.overdue')}
          </span>
        ) : null}
      </p>
    </>
  );
}

function ProgressForm({ initiative, pledge }: { initiative: Initiative; pledge: Pledge }) {
  const { t } = useTranslation();
  const progress = usePledgeProgress(initiative.id);
  const [percent, setPercent] = useState(String(pledge.percent));
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    progress.mutate(
      { pledgeId: pledge.id, percent: Number(percent), note: note.trim() },
      { onSuccess: () => setNote('') },
    );
  };
  return (
    <form onSubmit={submit} className="hx-pledge__form">
      <TextField
        label={t('initiatives.pledges.percentLabel')}
        type="number"
        min={0}
        max={100}
        value={percent}
        required
        onChange={(event) => setPercent(event.target.value)}
      />
      <TextField
        label={t('initiatives.pledges.note')}
        value={note}
        maxLength={1000}
        required
        onChange={(event) => setNote(event.target.value)}
      />
      <Button type="submit" disabled={progress.isPending || !note.trim()}>
        {t('initiatives.pledges.report')}
      </Button>
      <ActionError error={progress.error} />
    </form>
  );
}

function NewPledgeForm({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const create = useCreatePledge(initiative.id);
  const clientKey = useClientKey();
  const [kind, setKind] = useState<Pledge['kind']>('people');
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        kind,
        description: description.trim(),
        owner: owner.trim(),
        dueDate: new Date(dueDate).toISOString(),
        clientId: clientKey.take(),
      },
      {
        onSuccess: () => {
          setDescription('');
          clientKey.renew();
        },
      },
    );
  };
  return (
    <details className="hx-amendment-form">
      <summary>{t('initiatives.pledges.add')}</summary>
      <form onSubmit={submit}>
        <SelectField
          label={t('initiatives.pledges.kindLabel')}
          value={kind}
          options={PLEDGE_KINDS.map((value) => ({ value, label: t(`initiatives.pledges.kind.${value}`) }))}
          onChange={(event) => setKind(event.target.value as Pledge['kind'])}
        />
        <TextAreaField
          label={t('initiatives.pledges.description')}
          value={description}
          maxLength={1000}
          rows={2}
          required
          onChange={(event) => setDescription(event.target.value)}
        />
        <TextField
          label={t('initiatives.pledges.owner')}
          value={owner}
          maxLength={120}
          required
          onChange={(event) => setOwner(event.target.value)}
        />
        <TextField
          label={t('initiatives.pledges.dueDate')}
          type="date"
          value={dueDate}
          required
          onChange={(event) => setDueDate(event.target.value)}
        />
        <Button type="submit" disabled={create.isPending || !description.trim() || !owner.trim() || !dueDate}>
          {t('initiatives.pledges.save')}
        </Button>
        <ActionError error={create.error} />
      </form>
    </details>
  );
}

/** After adoption: what the confirmed partners committed, how far each is, and which are overdue. */
export function PledgesSection({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const { data: user } = useCurrentUser();
  const moderator = isModerator(user);
  const partnerOf = (organization: string) =>
    initiative.partners.some(
      (partner) =>
        partner.status === 'confirmed' &&
        partner.organization === organization &&
        partner.organization === user?.organization &&
        partner.stakeholderGroup === user?.stakeholderGroup,
    );
  const canPledge = moderator || (!!user && partnerOf(user.organization));
  if (initiative.status !== 'adopted') return null;
  return (
    <section aria-labelledby="pledges-heading" data-testid="pledges">
      <h2 id="pledges-heading">{t('initiatives.pledges.title', { count: initiative.pledges.length })}</h2>
      {initiative.pledges.length ? (
        <ul className="hx-card-list">
          {initiative.pledges.map((pledge) => (
            <li key={pledge.id} className="hx-card" data-testid="pledge" data-overdue={pledge.overdue}>
              <PledgeSummary pledge={pledge} />
              {moderator || partnerOf(pledge.organization) ? (
                <ProgressForm initiative={initiative} pledge={pledge} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hx-muted">{t('initiatives.pledges.none')}</p>
      )}
      {canPledge ? <NewPledgeForm initiative={initiative} /> : null}
    </section>
  );
}
