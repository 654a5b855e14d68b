import { describeRule, type ConsensusRule } from '@helix/consensus';
import { formatDateTime, isModerator, useCurrentUser } from '@helix/web/data-access';
import { ActionError, Button, CardSection, LoadError, Spinner } from '@helix/web/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsensusRule } from '../api/get-consensus-rule';
import { useUpdateConsensusRule } from '../api/update-consensus-rule';
import { useLanguage } from '../hooks/use-language';
import {
  parseRuleForm,
  ruleChanges,
  ruleForm,
  type RuleErrors,
  type RuleForm,
} from '../lib/initiative-draft';
import { RuleFields } from './rule-fields';

/**
 * The forum's minimum consensus rule, on the board for moderators to set (proposers see it where they open
 * voting). Voting opens with it or a stricter rule; votes already open keep theirs.
 */
export function ConsensusMinimumSection() {
  const { data: user } = useCurrentUser();
  return isModerator(user) ? <MinimumSettings /> : null;
}

function MinimumSettings() {
  const { t } = useTranslation();
  const language = useLanguage();
  const settings = useConsensusRule();
  const changed = settings.data?.updatedAt && settings.data.updatedBy ? settings.data : null;
  return (
    <CardSection
      headingId="forum-minimum-heading"
      title={t('initiatives.minimum.title')}
      testId="forum-minimum-section"
      className="hx-forum-minimum"
    >
      {settings.isPending ? <Spinner /> : null}
      {settings.isError ? (
        <LoadError message={t('initiatives.minimum.loadFailed')} onRetry={() => void settings.refetch()} />
      ) : null}
      {settings.data ? (
        <>
          <p data-testid="forum-minimum-text">{describeRule(settings.data.minimum, language)}</p>
          <p className="hx-muted">{t('initiatives.minimum.explain')}</p>
          {changed ? (
            <p className="hx-muted">
              {t('initiatives.minimum.updated', {
                name: changed.updatedBy?.displayName,
                time: formatDateTime(changed.updatedAt as string, language),
              })}
            </p>
          ) : null}
          <MinimumForm minimum={settings.data.minimum} />
        </>
      ) : null}
    </CardSection>
  );
}

function MinimumForm({ minimum }: { minimum: ConsensusRule }) {
  const { t } = useTranslation();
  const update = useUpdateConsensusRule();
  const [form, setForm] = useState<RuleForm>(() => ruleForm(minimum));
  const [errors, setErrors] = useState<RuleErrors>({});
  const [saved, setSaved] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const parsed = parseRuleForm(form);
    setErrors(parsed.errors);
    if (!parsed.rule) return;
    const changes = ruleChanges(parsed.rule, minimum);
    if (!Object.keys(changes).length) {
      setSaved(true);
      return;
    }
    update.mutate(changes, { onSuccess: () => setSaved(true) });
  };

  return (
    <form className="hx-form" onSubmit={submit} noValidate>
      <fieldset className="hx-open-voting__rule">
        <legend>{t('initiatives.minimum.legend')}</legend>
        <RuleFields
          form={form}
          errors={errors}
          onChange={(key, value) => {
            setSaved(false);
            setForm((current) => ({ ...current, [key]: value }));
          }}
        />
      </fieldset>
      <ActionError error={update.error} />
      <div className="hx-row">
        <Button type="submit" disabled={update.isPending}>
          {t('initiatives.minimum.save')}
        </Button>
        <p role="status" className="hx-muted" data-testid="forum-minimum-saved">
          {saved ? t('initiatives.minimum.saved') : ''}
        </p>
      </div>
    </form>
  );
}
