import { ActionError, Button, CardSection } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { useDecideGroupChange, usePendingGroupChanges } from '../api/people';

/** Requests to move to another group, for the admins and organizers who decide them; nothing for others. */
export function GroupChangeRequests() {
  const { t } = useTranslation();
  const pending = usePendingGroupChanges();
  const decide = useDecideGroupChange();
  if (!pending.data) return null;
  return (
    <CardSection headingId="group-changes-heading" title={t('people.groupChanges')}>
      {pending.data.length === 0 ? <p>{t('people.groupChangesNone')}</p> : null}
      <ul className="hx-card-list" aria-labelledby="group-changes-heading">
        {pending.data.map((change) => (
          <li key={change.id} className="hx-stack">
            <div>
              <strong>{change.person.displayName}</strong>, {change.person.organization}
            </div>
            <div>
              {t('people.groupChangeFromTo', {
                from: t(`groups.${change.from}`),
                to: t(`groups.${change.to}`),
              })}
            </div>
            {change.reason ? <q>{change.reason}</q> : null}
            <div className="hx-row">
              <Button
                size="small"
                disabled={decide.isPending}
                aria-label={`${t('people.approve')}: ${change.person.displayName}`}
                onClick={() => decide.mutate({ id: change.id, decision: 'approve' })}
              >
                {t('people.approve')}
              </Button>
              <Button
                size="small"
                variant="secondary"
                disabled={decide.isPending}
                aria-label={`${t('people.decline')}: ${change.person.displayName}`}
                onClick={() => decide.mutate({ id: change.id, decision: 'decline' })}
              >
                {t('people.decline')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <ActionError error={decide.error} />
    </CardSection>
  );
}
