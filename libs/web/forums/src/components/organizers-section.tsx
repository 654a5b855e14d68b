import type { Forum } from '@helix/contract';
import { ActionError, Button, CardSection, LoadError, Spinner, TextField } from '@helix/web/ui';
import { useState, type FormEvent } from 'react';
import { useAddOrganizer, useOrganizers, useRemoveOrganizer } from '../api/forums-api';
import { useForumsTranslation } from '../i18n/register';

/** Who organizes the forum besides the admins: named by the email of their account. */
export function OrganizersSection({ forum }: { forum: Forum }) {
  const { t } = useForumsTranslation();
  const organizers = useOrganizers(forum.id);
  const add = useAddOrganizer(forum.id);
  const remove = useRemoveOrganizer(forum.id);
  const [email, setEmail] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (email.trim()) add.mutate(email.trim(), { onSuccess: () => setEmail('') });
  };
  return (
    <CardSection headingId="forum-organizers" title={t('forums.organizers.title')}>
      {organizers.isPending ? <Spinner /> : null}
      {organizers.isError ? (
        <LoadError message={t('forums.loadFailed')} onRetry={() => void organizers.refetch()} />
      ) : null}
      {organizers.data?.length ? (
        <ul>
          {organizers.data.map((person) => (
            <li key={person.id} className="hx-row">
              <span>
                {person.displayName} ({person.organization}, {person.email})
              </span>
              {forum.status !== 'closed' ? (
                <Button
                  size="small"
                  variant="ghost"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(person.id)}
                >
                  {t('forums.organizers.remove', { name: person.displayName })}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : organizers.data ? (
        <p>{t('forums.organizers.none')}</p>
      ) : null}
      <ActionError error={remove.error} />
      {forum.status !== 'closed' ? (
        <form className="hx-form" onSubmit={submit} noValidate>
          <TextField
            type="email"
            label={t('forums.organizers.email')}
            hint={t('forums.organizers.emailHint')}
            value={email}
            autoComplete="off"
            onChange={(event) => setEmail(event.target.value)}
          />
          <ActionError error={add.error} />
          <Button type="submit" disabled={add.isPending}>
            {t('forums.organizers.add')}
          </Button>
        </form>
      ) : null}
    </CardSection>
  );
}
