import { useForumsTranslation } from '../i18n/register';
import {
  ROOM_KINDS,
  type Forum,
  type Room,
  type RoomKind,
  type Translated,
  type TranslatedList,
} from '@helix/contract';
import { ActionError, Button, CardSection, LoadError, SelectField, Spinner } from '@helix/web/ui';
import { useState, type FormEvent } from 'react';
import { useCreateRoom, useForumRooms, useReorderRooms, useUpdateRoom } from '../api/forums-api';
import { BilingualField, EMPTY, toLines, toTranslatable } from './bilingual-fields';

interface RoomDraft {
  kind: RoomKind;
  title: Translated;
  description: Translated;
  /** One key question a line. */
  keyQuestions: Translated;
}

const draftOf = (room?: Room): RoomDraft =>
  room
    ? {
        kind: room.kind,
        title: room.translations.title,
        description: room.translations.description,
        keyQuestions: {
          en: room.translations.keyQuestions.en.join('\n'),
          ru: room.translations.keyQuestions.ru.join('\n'),
        },
      }
    : { kind: 'track', title: EMPTY, description: EMPTY, keyQuestions: EMPTY };

const questionsOf = (draft: RoomDraft): TranslatedList => ({
  en: toLines(draft.keyQuestions.en),
  ru: toLines(draft.keyQuestions.ru),
});

function RoomForm({
  room,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  room?: Room;
  pending: boolean;
  error: Error | null;
  onSubmit: (draft: RoomDraft) => void;
  onCancel?: () => void;
}) {
  const { t } = useForumsTranslation();
  const [draft, setDraft] = useState(() => draftOf(room));
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const hasTitle = !!toTranslatable(draft.title);
    setMissing(!hasTitle);
    if (hasTitle) onSubmit(draft);
  };
  return (
    <form className="hx-form" onSubmit={submit} noValidate>
      <SelectField
        label={t('forums.rooms.kind')}
        value={draft.kind}
        options={ROOM_KINDS.map((kind) => ({ value: kind, label: t(`forums.rooms.kinds.${kind}`) }))}
        onChange={(event) => setDraft({ ...draft, kind: event.target.value as RoomKind })}
      />
      <BilingualField
        label={t('forums.rooms.roomTitle')}
        value={draft.title}
        required
        maxLength={200}
        onChange={(title) => setDraft({ ...draft, title })}
      />
      <BilingualField
        label={t('forums.rooms.description')}
        value={draft.description}
        multiline
        maxLength={4000}
        onChange={(description) => setDraft({ ...draft, description })}
      />
      <BilingualField
        label={t('forums.rooms.keyQuestions')}
        hint={t('forums.rooms.keyQuestionsHint')}
        value={draft.keyQuestions}
        multiline
        onChange={(keyQuestions) => setDraft({ ...draft, keyQuestions })}
      />
      {missing ? (
        <p className="hx-error" role="alert">
          {t('forums.rooms.titleRequired')}
        </p>
      ) : null}
      <ActionError error={error} />
      <div className="hx-row">
        <Button type="submit" disabled={pending}>
          {room ? t('common.save') : t('forums.rooms.add')}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function RoomRow({
  room,
  index,
  count,
  writable,
  onMove,
}: {
  room: Room;
  index: number;
  count: number;
  writable: boolean;
  onMove: (from: number, to: number) => void;
}) {
  const { t } = useForumsTranslation();
  const update = useUpdateRoom();
  const [editing, setEditing] = useState(false);
  const headingId = `room-edit-${room.id}`;
  return (
    <li>
      <article className="hx-card" aria-labelledby={headingId} data-testid="room-row">
        <h3 id={headingId} className="hx-card__title">
          {room.title}
        </h3>
        <p className="hx-card__meta">
          {t(`forums.rooms.kinds.${room.kind}`)}
          {room.archived ? <span className="hx-badge"> {t('forums.rooms.archived')}</span> : null}
        </p>
        {writable && !editing ? (
          <div className="hx-row">
            <Button size="small" variant="secondary" onClick={() => setEditing(true)}>
              {t('forums.rooms.edit', { room: room.title })}
            </Button>
            <Button
              size="small"
              variant="ghost"
              disabled={index === 0}
              aria-label={t('forums.rooms.moveUp', { room: room.title })}
              onClick={() => onMove(index, index - 1)}
            >
              ↑
            </Button>
            <Button
              size="small"
              variant="ghost"
              disabled={index === count - 1}
              aria-label={t('forums.rooms.moveDown', { room: room.title })}
              onClick={() => onMove(index, index + 1)}
            >
              ↓
            </Button>
            <Button
              size="small"
              variant={room.archived ? 'secondary' : 'danger'}
              disabled={update.isPending}
              onClick={() => update.mutate({ roomId: room.id, archived: !room.archived })}
            >
              {room.archived ? t('forums.rooms.restore') : t('forums.rooms.archive')}
            </Button>
          </div>
        ) : null}
        {editing ? (
          <RoomForm
            room={room}
            pending={update.isPending}
            error={update.error}
            onCancel={() => setEditing(false)}
            onSubmit={(draft) =>
              update.mutate(
                {
                  roomId: room.id,
                  kind: draft.kind,
                  title: toTranslatable(draft.title),
                  description: toTranslatable(draft.description),
                  keyQuestions: questionsOf(draft),
                },
                { onSuccess: () => setEditing(false) },
              )
            }
          />
        ) : (
          <ActionError error={update.error} />
        )}
      </article>
    </li>
  );
}

/** A forum's rooms: added, renamed, put in order and archived by its organizers, never deleted. */
export function RoomsEditor({ forum }: { forum: Forum }) {
  const { t } = useForumsTranslation();
  const rooms = useForumRooms(forum.id, true);
  const create = useCreateRoom(forum.id);
  const reorder = useReorderRooms(forum.id);
  const [formKey, setFormKey] = useState(0);
  const writable = forum.status !== 'closed';
  const list = rooms.data ?? [];
  const move = (from: number, to: number) => {
    const ids = list.map((room) => room.id);
    const [moved] = ids.splice(from, 1);
    ids.splice(to, 0, moved);
    reorder.mutate(ids);
  };
  return (
    <CardSection headingId="forum-rooms" title={t('forums.rooms.title')}>
      {rooms.isPending ? <Spinner /> : null}
      {rooms.isError ? (
        <LoadError message={t('forums.loadFailed')} onRetry={() => void rooms.refetch()} />
      ) : null}
      {list.length ? (
        <ol className="hx-card-list">
          {list.map((room, index) => (
            <RoomRow
              key={room.id}
              room={room}
              index={index}
              count={list.length}
              writable={writable}
              onMove={move}
            />
          ))}
        </ol>
      ) : rooms.data ? (
        <p>{t('forums.rooms.none')}</p>
      ) : null}
      <ActionError error={reorder.error} />
      {writable ? (
        <section aria-labelledby="room-new">
          <h3 id="room-new">{t('forums.rooms.new')}</h3>
          <RoomForm
            key={formKey}
            pending={create.isPending}
            error={create.error}
            onSubmit={(draft) =>
              create.mutate(
                {
                  kind: draft.kind,
                  title: toTranslatable(draft.title) ?? '',
                  description: toTranslatable(draft.description),
                  keyQuestions: questionsOf(draft),
                },
                { onSuccess: () => setFormKey((key) => key + 1) },
              )
            }
          />
        </section>
      ) : null}
    </CardSection>
  );
}
