import { useCurrentUser } from '@helix/web/data-access';
import type { Initiative } from '@helix/contract';
import { ActionError, Button, CardSection } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { useAnswerPartnership } from '../api/answer-partnership';
import { invitationFor } from '../lib/partners';

/**
 * For a person of an invited organisation (same name and stakeholder group): accept or decline the invitation
 * on its behalf, until voting closes. The last answer counts, so a confirmed one can still be withdrawn.
 */
export function PartnerInvitation({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const { data: user } = useCurrentUser();
  const answer = useAnswerPartnership(initiative.id);
  const invitation = invitationFor(initiative, user);
  if (!invitation) return null;
  const { organization, status } = invitation.partner;
  return (
    <CardSection
      headingId="invitation-heading"
      title={t('initiatives.invitation.title', { organization })}
      testId="partner-invitation"
      className="hx-partner-invitation"
    >
      <p role="status" data-testid="invitation-status">
        {t(`initiatives.invitation.${status}`, { organization })}
      </p>
      <div className="hx-row">
        {status !== 'confirmed' ? (
          <Button disabled={answer.isPending} onClick={() => answer.mutate('accept')}>
            {t('initiatives.invitation.accept', { organization })}
          </Button>
        ) : null}
        {status !== 'declined' ? (
          <Button variant="secondary" disabled={answer.isPending} onClick={() => answer.mutate('decline')}>
            {t('initiatives.invitation.decline')}
          </Button>
        ) : null}
      </div>
      <ActionError error={answer.error} />
    </CardSection>
  );
}
