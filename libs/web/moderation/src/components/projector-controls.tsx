import type { Projector, ProjectorRequest } from '@helix/contract';
import { roomPresenterPath } from '@helix/web/data-access';
import { ActionError, Button, CardSection, LoadError, NewTabLink, Spinner } from '@helix/web/ui';
import { useTranslation } from 'react-i18next';
import { useRoomSettings } from '../api/get-room-settings';
import { useUpdateRoomSettings } from '../api/update-room-settings';

const isShown = (projector: Projector | undefined, target: ProjectorRequest): boolean =>
  !!projector && projector.kind === target.kind && (projector.targetId ?? null) === (target.targetId ?? null);

/**
 * One click puts a poll or an initiative's tally on the projector; a second click takes it off.
 * Pressed while it is what the projector shows.
 */
export function ProjectorButton({
  roomId,
  kind,
  targetId,
}: {
  roomId: string;
  kind: 'poll' | 'initiative';
  targetId: string;
}) {
  const { t } = useTranslation();
  const settings = useRoomSettings(roomId);
  const update = useUpdateRoomSettings(roomId);
  const shown = isShown(settings.data?.projector, { kind, targetId });
  return (
    <>
      <Button
        size="small"
        variant={shown ? 'primary' : 'secondary'}
        aria-pressed={shown}
        disabled={update.isPending || !settings.data}
        data-testid="projector-toggle"
        onClick={() =>
          update.mutate({ projector: shown ? { kind: 'nothing', targetId: null } : { kind, targetId } })
        }
      >
        {shown ? t('moderation.projector.shown') : t('moderation.projector.show')}
      </Button>
      <ActionError error={update.error} />
    </>
  );
}

/**
 * "On the projector now": what the room's presenter screen shows, the one-click switches that are not
 * tied to a poll or initiative (the Q&A, clear), and the presenter page to open on the hall's computer.
 * `describeTarget` names the poll or initiative shown (the app knows them; this feature does not).
 */
export function ProjectorCard({
  roomId,
  describeTarget,
}: {
  roomId: string;
  describeTarget: (projector: Projector) => string | undefined;
}) {
  const { t } = useTranslation();
  const settings = useRoomSettings(roomId);
  const update = useUpdateRoomSettings(roomId);
  const projector = settings.data?.projector;
  const qaShown = isShown(projector, { kind: 'qa', targetId: null });
  const target = projector ? describeTarget(projector) : undefined;

  return (
    <CardSection
      headingId="projector-heading"
      title={t('moderation.projector.title')}
      className="hx-console__projector"
    >
      {settings.isPending ? <Spinner /> : null}
      {settings.isError ? (
        <LoadError message={t('moderation.loadFailed')} onRetry={() => void settings.refetch()} />
      ) : null}
      {projector ? (
        // Polite: a screen reader hears what the projector switched to, also when another moderator did it.
        <p
          className="hx-console__now"
          data-testid="projector-now"
          data-kind={projector.kind}
          aria-live="polite"
        >
          <strong>{t(`moderation.projector.kinds.${projector.kind}`)}</strong>
          {projector.targetId ? (
            <span>
              {' '}
              {target
                ? t('moderation.projector.target', { title: target })
                : t('moderation.projector.targetUnknown')}
            </span>
          ) : null}
        </p>
      ) : null}
      <div className="hx-row" role="group" aria-label={t('moderation.projector.switches')}>
        <Button
          size="small"
          variant={qaShown ? 'primary' : 'secondary'}
          aria-pressed={qaShown}
          disabled={update.isPending || !projector}
          onClick={() => update.mutate({ projector: { kind: 'qa', targetId: null } })}
        >
          {t('moderation.projector.showQa')}
        </Button>
        <Button
          size="small"
          variant="secondary"
          disabled={update.isPending || !projector || projector.kind === 'nothing'}
          onClick={() => update.mutate({ projector: { kind: 'nothing', targetId: null } })}
        >
          {t('moderation.projector.clear')}
        </Button>
        <NewTabLink href={roomPresenterPath(roomId)}>{t('moderation.projector.openPresenter')}</NewTabLink>
      </div>
      <ActionError error={update.error} />
    </CardSection>
  );
}
