import type { Initiative } from '@helix/contract';
import { ActionError, Button, CardSection, TextField } from '@helix/web/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenVoting } from '../api/open-voting';
import {
  localDateTimeValue,
  openVotingForm,
  toOpenVotingRequest,
  type OpenVotingErrors,
  type OpenVotingForm as Form,
} from '../lib/initiative-draft';

const RULE_FIELDS: readonly { key: keyof Form; min: number; max?: number }[] = [
  { key: 'quorum', min: 1 },
  { key: 'minGroups', min: 1, max: 4 },
  { key: 'threshold', min: 50, max: 100 },
  { key: 'maxBlocks', min: 0 },
];

/** Opens voting with an optional closing time and optional changes to the consensus rule. */
export function OpenVotingForm({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const open = useOpenVoting(initiative.id);
  const [form, setForm] = useState<Form>(() => openVotingForm(initiative.rule));
  const [errors, setErrors] = useState<OpenVotingErrors>({});
  const [minimum] = useState(() => localDateTimeValue(Date.now()));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = toOpenVotingRequest(form, initiative.rule, Date.now());
    setErrors(result.errors);
    if (result.request) open.mutate(result.request);
  };
  const field = (key: keyof Form) => ({
    value: form[key],
    error: errors[key] ? t(`initiatives.open.errors.${errors[key]}`) : undefined,
    onChange: (event: { target: { value: string } }) =>
      setForm((current) => ({ ...current, [key]: event.target.value })),
  });

  const closesAt = field('closesAt');

  return (
    <CardSection
      headingId="open-voting-heading"
      title={t('initiatives.open.title')}
      className="hx-open-voting"
    >
      <form className="hx-form" onSubmit={submit} noValidate>
        <TextField
          type="datetime-local"
          label={t('initiatives.open.closesAt')}
          hint={t('initiatives.open.closesAtHint')}
          min={minimum}
          {...closesAt}
        />
        <fieldset className="hx-open-voting__rule">
          <legend>{t('initiatives.open.rule')}</legend>
          <p className="hx-field__hint">{t('initiatives.open.ruleHint')}</p>
          <div className="hx-open-voting__grid">
            {RULE_FIELDS.map(({ key, min, max }) => (
              <TextField
                key={key}
                type="number"
                inputMode="numeric"
                min={min}
                max={max}
                label={t(`initiatives.open.${key}`)}
                {...field(key)}
              />
            ))}
          </div>
        </fieldset>
        <ActionError error={open.error} />
        <Button type="submit" disabled={open.isPending}>
          {t('initiatives.open.submit')}
        </Button>
      </form>
    </CardSection>
  );
}
