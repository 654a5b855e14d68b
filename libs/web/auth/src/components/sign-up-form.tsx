import { PASSWORD_MIN_LENGTH, STAKEHOLDER_GROUPS, type StakeholderGroup } from '@helix/contract';
import { ApiError } from '@helix/web/data-access';
import { Button, SelectField, TextField, useDocumentTitle } from '@helix/web/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSignUp } from '../api/sign-up';

export function SignUpForm() {
  const { t } = useTranslation();
  const signUp = useSignUp();
  // Where the visitor was going (a room's QR link): kept when they switch to signing in.
  const { state } = useLocation();
  useDocumentTitle(t('auth.signUpTitle'));
  const [form, setForm] = useState({
    email: '',
    password: '',
    displayName: '',
    organization: '',
    stakeholderGroup: '' as StakeholderGroup | '',
  });
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (form.password.length < PASSWORD_MIN_LENGTH) {
      setPasswordError(t('auth.passwordTooShort', { count: PASSWORD_MIN_LENGTH }));
      return;
    }
    setPasswordError(null);
    if (!form.stakeholderGroup) return;
    signUp.mutate({
      email: form.email.trim(),
      password: form.password,
      displayName: form.displayName.trim(),
      organization: form.organization.trim(),
      stakeholderGroup: form.stakeholderGroup,
    });
  };

  const error = signUp.error
    ? signUp.error instanceof ApiError && signUp.error.status === 409
      ? t('auth.emailTaken')
      : t('errors.generic', { message: signUp.error.message })
    : null;

  return (
    <section aria-labelledby="sign-up-heading" className="hx-form">
      <h1 id="sign-up-heading">{t('auth.signUpTitle')}</h1>
      <form onSubmit={onSubmit}>
        <TextField
          label={t('auth.email')}
          type="email"
          name="email"
          autoComplete="email"
          required
          maxLength={254}
          value={form.email}
          onChange={set('email')}
        />
        <TextField
          label={t('auth.password')}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={200}
          hint={t('auth.passwordHint', { count: PASSWORD_MIN_LENGTH })}
          error={passwordError}
          value={form.password}
          onChange={set('password')}
        />
        <TextField
          label={t('auth.displayName')}
          name="displayName"
          autoComplete="name"
          required
          maxLength={80}
          value={form.displayName}
          onChange={set('displayName')}
        />
        <TextField
          label={t('auth.organization')}
          name="organization"
          autoComplete="organization"
          required
          maxLength={120}
          value={form.organization}
          onChange={set('organization')}
        />
        <SelectField
          label={t('auth.stakeholderGroup')}
          name="stakeholderGroup"
          required
          value={form.stakeholderGroup}
          onChange={set('stakeholderGroup')}
          placeholder={t('auth.chooseGroup')}
          options={STAKEHOLDER_GROUPS.map((group) => ({ value: group, label: t(`groups.${group}`) }))}
        />
        {error ? (
          <p className="hx-error" role="alert">
            {error}
          </p>
        ) : null}
        <Button type="submit" disabled={signUp.isPending}>
          {t('auth.createAccount')}
        </Button>
      </form>
      <p>
        {t('auth.haveAccount')}{' '}
        <Link to="/sign-in" state={state}>
          {t('auth.signInLink')}
        </Link>
      </p>
    </section>
  );
}
