import { useForumsTranslation } from '../i18n/register';
import type { AgendaSession, Room, Translated } from '@helix/contract';
import { ActionError, Button, SelectField, TextAreaField, TextField } from '@helix/web/ui';
import { useState, type FormEvent } from 'react';
import { useCreateSession, useDraftPolls, useUpdateSession } from '../api/forums-api';
import { fromZonedInput, toZonedInput } from '../lib/zoned-time';
import { BilingualField, EMPTY, toLines, toTranslatable } from './bilingual-fields';

interface SessionDraft {
  roomId: string;
  title: Translated;
  description: Translated;
  speakers: string;
  startsAt: string;
  endsAt: string;
  opensQa: boolean;
  pollId: string;
}

const draftOf = (session: AgendaSession | undefined, roomId: string, timeZone: string): SessionDraft =>
  session
    ? {
        roomId: session.roomId,
        title: session.translations.title,
        description: session.translations.description,
        speakers: session.speakers.join('\n'),
        startsAt: toZonedInput(session.startsAt, timeZone),
        endsAt: toZonedInput(session.endsAt, timeZone),
        opensQa: session.opensQa,
        pollId: session.pollId ?? '',
      }
    : {
        roomId,
        title: EMPTY,
        description: EMPTY,
        speakers: '',
        startsAt: '',
        endsAt: '',
        opensQa: true,
        pollId: '',
      };

/** A session of the agenda: its room, times on the forum's clock, speakers, and what it opens at its start. */
export function SessionForm({
  session,
  rooms,
  timeZone,
  defaultRoomId,
  onDone,
}: {
  session?: AgendaSession;
  rooms: Room[];
  timeZone: string;
  defaultRoomId: string;
  onDone: () => void;
}) {
  const { t } = useForumsTranslation();
  const [draft, setDraft] = useState(() => draftOf(session, defaultRoomId, timeZone));
  const [invalid, setInvalid] = useState<string | null>(null);
  const create = useCreateSession();
  const update = useUpdateSession();
  const polls = useDraftPolls(draft.roomId);
  const mutation = session ? update : create;
  const set = <K extends keyof SessionDraft>(key: K, value: SessionDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const title = toTranslatable(draft.title);
    const startsAt = fromZonedInput(draft.startsAt, timeZone);
    const endsAt = fromZonedInput(draft.endsAt, timeZone);
    if (!title || !draft.roomId) return setInvalid(t('forums.form.required'));
    if (!startsAt || !endsAt) return setInvalid(t('forums.form.datesRequired'));
    if (startsAt >= endsAt) return setInvalid(t('forums.form.datesOrder'));
    setInvalid(null);
    const description = toTranslatable(draft.description);
    const body = {
      title,
      ...(description ? { description } : {}),
      speakers: toLines(draft.speakers),
      startsAt,
      endsAt,
      opensQa: draft.opensQa,
      pollId: draft.pollId || null,
    };
    if (session) update.mutate({ sessionId: session.id, ...body }, { onSuccess: onDone });
    else create.mutate({ roomId: draft.roomId, ...body }, { onSuccess: onDone });
  };

  return (
    <form className="hx-form" onSubmit={submit} noValidate>
      <SelectField
        label={t('forums.agenda.room')}
        value={draft.roomId}
        disabled={!!session}
        options={rooms.map((room) => ({ value: room.id, label: room.title }))}
        onChange={(event) => setDraft({ ...draft, roomId: event.target.value, pollId: '' })}
      />
      <BilingualField
        label={t('forums.agenda.sessionTitle')}
        value={draft.title}
        required
        maxLength={200}
        onChange={(v) => set('title', v)}
      />
      <div className="hx-forums-pair">
        <TextField
          type="datetime-local"
          label={t('forums.agenda.startsAt', { zone: timeZone })}
          value={draft.startsAt}
          required
          onChange={(event) => set('startsAt', event.target.value)}
        />
        <TextField
          type="datetime-local"
          label={t('forums.agenda.endsAt', { zone: timeZone })}
          value={draft.endsAt}
          required
          onChange={(event) => set('endsAt', event.target.value)}
        />
      </div>
      <TextAreaField
        label={t('forums.agenda.speakers')}
        hint={t('forums.agenda.speakersHint')}
        value={draft.speakers}
        onChange={(event) => set('speakers', event.target.value)}
      />
      <BilingualField
        label={t('forums.agenda.description')}
        value={draft.description}
        multiline
        maxLength={4000}
        onChange={(v) => set('description', v)}
      />
      <label className="hx-check">
        <input
          type="checkbox"
          checked={draft.opensQa}
          onChange={(event) => set('opensQa', event.target.checked)}
        />
        {t('forums.agenda.opensQa')}
      </label>
      <SelectField
        label={t('forums.agenda.poll')}
        hint={t('forums.agenda.pollHint')}
        value={draft.pollId}
        options={[
          { value: '', label: t('forums.agenda.noPoll') },
          ...(polls.data ?? []).map((poll) => ({ value: poll.id, label: poll.question })),
        ]}
        onChange={(event) => set('pollId', event.target.value)}
      />
      {invalid ? (
        <p className="hx-error" role="alert">
          {invalid}
        </p>
      ) : null}
      <ActionError error={mutation.error} />
      <div className="hx-row">
        <Button type="submit" disabled={mutation.isPending}>
          {session ? t('common.save') : t('forums.agenda.add')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
