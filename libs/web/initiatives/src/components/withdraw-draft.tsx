import { mayWithdrawInitiative, type Initiative } from '@helix/contract';
import { useCurrentUser } from '@helix/web/data-access';
import { ActionError, Button } from '@helix/web/ui';
import { Dialog } from '@helix/web/ui/dialog';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useForumOrganizerIds, useWithdrawInitiative } from '../api/withdraw-initiative';

/**
 * "Withdraw draft", for whoever may (its proposer, a moderator of its room, an organizer of its forum), after
 * a confirmation; the board is shown after it, without the draft.
 */
export function WithdrawDraft({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const { data: user } = useCurrentUser();
  const navigate = useNavigate();
  const withdraw = useWithdrawInitiative(initiative.id, () => void navigate('/initiatives'));
  const [asking, setAsking] = useState(false);
  // The forum's organizers are asked for only when nothing else already allows it.
  const allowedAnyway = mayWithdrawInitiative(user, initiative, []);
  const organizerIds = useForumOrganizerIds(initiative.forumId, !!user && !allowedAnyway);
  if (!mayWithdrawInitiative(user, initiative, organizerIds)) return null;

  return (
    <>
      <p>
        <Button variant="secondary" onClick={() => setAsking(true)}>
          {t('initiatives.withdraw.action')}
        </Button>
      </p>
      {asking ? (
        <Dialog
          title={t('initiatives.withdraw.confirmTitle', { title: initiative.title })}
          description={<p>{t('initiatives.withdraw.confirmExplained')}</p>}
          onClose={() => setAsking(false)}
        >
          <ActionError error={withdraw.error} />
          <div className="hx-row hx-dialog__actions">
            <Button variant="danger" disabled={withdraw.isPending} onClick={() => withdraw.mutate()}>
              {t('initiatives.withdraw.confirm')}
            </Button>
            <Button variant="secondary" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
