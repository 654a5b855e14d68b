import { atLeastAsStrict, describeRule, type ConsensusRule } from '@helix/consensus';
import type { Initiative } from '@helix/contract';
import { ActionError, Button, CardSection, LoadError, Spinner, TextField } from '@helix/web/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsensusRule } from '../api/get-consensus-rule';
import { useOpenVoting } from '../api/open-voting';
import { useLanguage } from '../hooks/use-language';
import {
  localDateTimeValue,
  openVotingForm,
  toOpenVotingRequest,
  type OpenVotingErrors,
  type OpenVotingForm as Form,
} from '../lib/initiative-draft';
import { RuleFields } from './rule-fields';

/**
 * Opens voting with an optional closing time and the forum's minimum consensus rule, or a stricter one:
 * the form says what the minimum is and refuses a looser value before the API would.
 */
export function OpenVotingForm({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const settings = useConsensusRule();
  return (
    <CardSection
      headingId="open-voting-heading"
      title={t('initiatives.open.title')}
      className="hx-open-voting"
    >
      {settings.isPending ? <Spinner /> : null}
      {settings.isError ? (
        <LoadError message={t('initiatives.minimum.loadFailed')} onRetry={() => void settings.refetch()} />
      ) : null}
      {settings.data ? (
        <OpenVotingFields
          key={JSON.stringify(settings.data.minimum)}
          initiative={initiative}
          minimum={settings.data.minimum}
        />
      ) : null}
    </CardSection>
  );
}

function OpenVotingFields({ initiative, minimum }: { initiative: Initiative; minimum: ConsensusRule }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const open = useOpenVoting(initiative.id);
  const [form, setForm] = useState<Form>(() => openVotingForm(atLeastAsStrict(initiative.rule, minimum)));
  const [errors, setErrors] = useState<OpenVotingErrors>({});
  const [earliest] = useState(() => localDateTimeValue(Date.now()));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = toOpenVotingRequest(form, minimum, Date.now());
    setErrors(result.errors);
    if (result.request) open.mutate(result.request);
  };

  return (
    <form className="hx-form" onSubmit={submit} noValidate>
      <TextField
        type="datetime-local"
        label={t('initiatives.open.closesAt')}
        hint={t('initiatives.open.closesAtHint')}
        min={earliest}
        value={form.closesAt}
        error={errors.closesAt ? t(`initiatives.open.errors.${errors.closesAt}`) : undefined}
        onChange={(event) => setForm((current) => ({ ...current, closesAt: event.target.value }))}
      />
      <fieldset className="hx-open-voting__rule">
        <legend>{t('initiatives.open.rule')}</legend>
        <p className="hx-field__hint" data-testid="forum-minimum">
          {t('initiatives.open.ruleHint', { rule: describeRule(minimum, language) })}
        </p>
        <RuleFields
          form={form}
          errors={errors}
          minimum={minimum}
          onChange={(key, value) => setForm((current) => ({ ...current, [key]: value }))}
        />
      </fieldset>
      <ActionError error={open.error} />
      <Button type="submit" disabled={open.isPending}>
        {t('initiatives.open.submit')}
      </Button>
    </form>
  );
}
