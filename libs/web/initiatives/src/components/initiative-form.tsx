import { STAKEHOLDER_GROUPS, type StakeholderGroup, type User } from '@helix/contract';
import { useRooms } from '@helix/web/data-access';
import { ActionError, Button, SelectField, TextAreaField, TextField } from '@helix/web/ui';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  hasErrors,
  newPartner,
  ORGANIZATION_MAX,
  SUMMARY_MAX,
  TITLE_MAX,
  validateDraft,
  type DraftErrors,
  type InitiativeDraft,
} from '../lib/initiative-draft';

/** Title, summary, room and partners of an initiative; the proposer's organisation is the fixed first partner. */
export function InitiativeForm({
  initial,
  user,
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  initial: InitiativeDraft;
  user: User;
  submitLabel: string;
  pending: boolean;
  error: Error | null;
  onSubmit: (draft: InitiativeDraft) => void;
}) {
  const { t } = useTranslation();
  const rooms = useRooms();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [focusPartner, setFocusPartner] = useState<string | null>(null);
  const formId = useId();
  const titleId = `${formId}-title`;
  const summaryId = `${formId}-summary`;
  const organizationId = (key: string) => `${formId}-${key}-organization`;

  useEffect(() => {
    // A partner row that was just added takes the focus, so typing can go straight on.
    if (focusPartner) document.getElementById(`${formId}-${focusPartner}-organization`)?.focus();
  }, [focusPartner, formId]);

  const update = (changes: Partial<InitiativeDraft>) => setDraft((current) => ({ ...current, ...changes }));
  const updatePartner = (
    key: string,
    changes: { organization?: string; stakeholderGroup?: StakeholderGroup | '' },
  ) =>
    update({
      partners: draft.partners.map((partner) => (partner.key === key ? { ...partner, ...changes } : partner)),
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateDraft(draft);
    setErrors(found);
    if (hasErrors(found)) {
      const first = found.title ? titleId : found.summary ? summaryId : null;
      if (first) document.getElementById(first)?.focus();
      return;
    }
    onSubmit(draft);
  };

  const errorText = (code: string | undefined) => (code ? t(`initiatives.form.errors.${code}`) : undefined);

  return (
    <form className="hx-form hx-initiative-form" onSubmit={submit} noValidate>
      {draft.source ? (
        <p className="hx-initiative-source" data-testid="form-source">
          {t('initiatives.form.fromMessage')}{' '}
          <Link to={`/rooms/${draft.source.roomId}/threads/${draft.source.threadId}`}>
            {t('initiatives.form.openThread')}
          </Link>
        </p>
      ) : null}
      <TextField
        label={t('initiatives.form.title')}
        value={draft.title}
        maxLength={TITLE_MAX}
        required
        id={titleId}
        error={errorText(errors.title)}
        onChange={(event) => update({ title: event.target.value })}
      />
      <TextAreaField
        label={t('initiatives.form.summary')}
        hint={t('initiatives.form.summaryHint')}
        value={draft.summary}
        maxLength={SUMMARY_MAX}
        rows={6}
        required
        id={summaryId}
        error={errorText(errors.summary)}
        onChange={(event) => update({ summary: event.target.value })}
      />
      <SelectField
        label={t('initiatives.form.room')}
        hint={t('initiatives.form.roomHint')}
        value={draft.roomId}
        onChange={(event) => update({ roomId: event.target.value })}
        options={[
          { value: '', label: t('initiatives.form.noRoom') },
          ...(rooms.data ?? []).map((room) => ({ value: room.id, label: room.title })),
        ]}
      />
      <fieldset className="hx-partners-field">
        <legend>{t('initiatives.form.partners')}</legend>
        <p className="hx-field__hint">{t('initiatives.form.partnersHint')}</p>
        <p className="hx-partner-fixed" data-testid="fixed-partner">
          <span className="hx-partner__org">{user.organization}</span>{' '}
          <span className={`hx-group-chip hx-group-chip--${user.stakeholderGroup}`}>
            {t(`groups.${user.stakeholderGroup}`)}
          </span>{' '}
          <span className="hx-muted">{t('initiatives.form.yourOrganization')}</span>
        </p>
        <ol className="hx-partner-rows">
          {draft.partners.map((partner, index) => {
            const number = index + 2;
            const rowError = errors.partners?.[partner.key];
            return (
              <li key={partner.key}>
                <fieldset className="hx-partner-row">
                  <legend>{t('initiatives.form.partnerN', { n: number })}</legend>
                  <TextField
                    label={t('initiatives.form.organization')}
                    value={partner.organization}
                    maxLength={ORGANIZATION_MAX}
                    id={organizationId(partner.key)}
                    error={rowError === 'organizationRequired' ? errorText(rowError) : undefined}
                    onChange={(event) => updatePartner(partner.key, { organization: event.target.value })}
                  />
                  <SelectField
                    label={t('initiatives.form.group')}
                    value={partner.stakeholderGroup}
                    error={rowError === 'groupRequired' ? errorText(rowError) : undefined}
                    onChange={(event) =>
                      updatePartner(partner.key, {
                        stakeholderGroup: event.target.value as StakeholderGroup | '',
                      })
                    }
                    options={[
                      { value: '', label: t('initiatives.form.chooseGroup') },
                      ...STAKEHOLDER_GROUPS.map((group) => ({ value: group, label: t(`groups.${group}`) })),
                    ]}
                  />
                  <Button
                    variant="secondary"
                    size="small"
                    onClick={() => {
                      const rest = draft.partners.filter((item) => item.key !== partner.key);
                      update({ partners: rest });
                      setFocusPartner(rest[Math.min(index, rest.length - 1)]?.key ?? null);
                    }}
                  >
                    {t('initiatives.form.removePartner', { n: number })}
                  </Button>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <Button
          variant="secondary"
          onClick={() => {
            const added = newPartner();
            update({ partners: [...draft.partners, added] });
            setFocusPartner(added.key);
          }}
        >
          {t('initiatives.form.addPartner')}
        </Button>
      </fieldset>
      <ActionError error={error} />
      <div className="hx-row">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
