import { useForumsTranslation } from '../i18n/register';
import type { Agenda, AgendaSession, Forum, Room } from '@helix/contract';
import { useCurrentUser } from '@helix/web/data-access';
import { Button, CardSection, LoadError, SelectField, Spinner, useDocumentTitle } from '@helix/web/ui';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useAgenda, useForum, useForumRooms } from '../api/forums-api';
import { canOrganize } from '../lib/can-organize';
import { formatInZone } from '../lib/zoned-time';
import { SessionForm } from './session-form';

function SessionCard({
  session,
  forum,
  room,
  marker,
  editable,
  rooms,
  place,
}: {
  /** Where on the page: a session can be both under "Now" and in the programme. */
  place: 'highlight' | 'programme';
  session: AgendaSession;
  forum: Forum;
  room: Room | undefined;
  marker: 'now' | 'next' | null;
  editable: boolean;
  rooms: Room[];
}) {
  const { t, i18n } = useForumsTranslation();
  const [editing, setEditing] = useState(false);
  const time = (iso: string) => formatInZone(iso, forum.timeZone, i18n.language, 'time');
  const headingId = `session-${place}-${session.id}`;
  return (
    <li>
      <article
        className={`hx-card hx-forums-session${marker ? ` hx-forums-session--${marker}` : ''}`}
        aria-labelledby={headingId}
        data-testid="agenda-session"
      >
        <p className="hx-card__meta">
          <time dateTime={session.startsAt}>{time(session.startsAt)}</time>–
          <time dateTime={session.endsAt}>{time(session.endsAt)}</time>
          {room ? (
            <>
              {' · '}
              <Link to={`/rooms/${room.id}`}>{room.title}</Link>
            </>
          ) : null}
          {marker ? <span className="hx-badge hx-badge--open"> {t(`forums.agenda.${marker}`)}</span> : null}
          {session.endedAt ? <span className="hx-badge"> {t('forums.agenda.ended')}</span> : null}
        </p>
        <h3 id={headingId} className="hx-card__title">
          {session.title}
        </h3>
        {session.speakers.length ? (
          <p>{t('forums.agenda.with', { speakers: session.speakers.join(', ') })}</p>
        ) : null}
        {session.description ? <p className="hx-text">{session.description}</p> : null}
        {session.opensQa || session.pollId ? (
          <p className="hx-muted">
            {[
              session.opensQa ? t('forums.agenda.opensQaShort') : '',
              session.pollId ? t('forums.agenda.opensPollShort') : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        ) : null}
        {editable && !session.endedAt && !editing ? (
          <Button size="small" variant="secondary" onClick={() => setEditing(true)}>
            {t('forums.agenda.edit', { session: session.title })}
          </Button>
        ) : null}
        {editing ? (
          <SessionForm
            session={session}
            rooms={rooms}
            timeZone={forum.timeZone}
            defaultRoomId={session.roomId}
            onDone={() => setEditing(false)}
          />
        ) : null}
      </article>
    </li>
  );
}

/** Sessions grouped by the forum's calendar day. */
function byDay(
  sessions: AgendaSession[],
  timeZone: string,
  language: string,
): Array<[string, AgendaSession[]]> {
  const days = new Map<string, AgendaSession[]>();
  for (const session of sessions) {
    const day = formatInZone(session.startsAt, timeZone, language, 'date');
    days.set(day, [...(days.get(day) ?? []), session]);
  }
  return [...days];
}

function AgendaView({
  forum,
  agenda,
  rooms,
  roomId,
  editable,
}: {
  forum: Forum;
  agenda: Agenda;
  rooms: Room[];
  roomId: string;
  editable: boolean;
}) {
  const { t, i18n } = useForumsTranslation();
  const [adding, setAdding] = useState(false);
  const roomsById = new Map(rooms.map((room) => [room.id, room]));
  const sessions = agenda.sessions.filter((session) => !roomId || session.roomId === roomId);
  const now = sessions.filter((session) => agenda.now.includes(session.id));
  const next = sessions.find((session) => session.startsAt > agenda.at && !agenda.now.includes(session.id));
  const marker = (session: AgendaSession) =>
    agenda.now.includes(session.id) ? 'now' : session.id === next?.id ? 'next' : null;
  const card = (session: AgendaSession, place: 'highlight' | 'programme') => (
    <SessionCard
      key={session.id}
      session={session}
      forum={forum}
      room={roomsById.get(session.roomId)}
      marker={marker(session)}
      place={place}
      editable={editable}
      rooms={rooms}
    />
  );
  const highlighted = (session: AgendaSession) => card(session, 'highlight');
  const inProgramme = (session: AgendaSession) => card(session, 'programme');
  return (
    <>
      <section aria-labelledby="agenda-now" className="hx-forums-now" data-testid="agenda-now">
        <h2 id="agenda-now">{t('forums.agenda.nowTitle')}</h2>
        {now.length ? (
          <ul className="hx-card-list">{now.map(highlighted)}</ul>
        ) : (
          <p>{t('forums.agenda.nothingNow')}</p>
        )}
        <h2>{t('forums.agenda.nextTitle')}</h2>
        {next ? (
          <ul className="hx-card-list">{highlighted(next)}</ul>
        ) : (
          <p>{t('forums.agenda.nothingNext')}</p>
        )}
      </section>
      {editable ? (
        adding ? (
          <CardSection headingId="session-new" title={t('forums.agenda.new')}>
            <SessionForm
              rooms={rooms.filter((room) => !room.archived)}
              timeZone={forum.timeZone}
              defaultRoomId={roomId || rooms[0]?.id || ''}
              onDone={() => setAdding(false)}
            />
          </CardSection>
        ) : (
          <Button onClick={() => setAdding(true)}>{t('forums.agenda.new')}</Button>
        )
      ) : null}
      <h2>{t('forums.agenda.all')}</h2>
      {sessions.length ? (
        byDay(sessions, forum.timeZone, i18n.language).map(([day, items]) => (
          <section key={day} aria-label={day}>
            <h3>{day}</h3>
            <ul className="hx-card-list">{items.map(inProgramme)}</ul>
          </section>
        ))
      ) : (
        <p>{t('forums.agenda.empty')}</p>
      )}
    </>
  );
}

/** A forum's agenda, or one room's (`?room=`), on the forum's clock, with what runs now and what comes next. */
export function AgendaPage() {
  const { forumId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const roomId = search.get('room') ?? '';
  const { t } = useForumsTranslation();
  const { data: user } = useCurrentUser();
  const forum = useForum(forumId);
  const editable = !!forum.data && canOrganize(user, forum.data) && forum.data.status !== 'closed';
  const rooms = useForumRooms(forumId, false);
  const agenda = useAgenda(forumId);
  useDocumentTitle(forum.data ? t('forums.agenda.documentTitle', { forum: forum.data.title }) : undefined);

  if (forum.isPending || agenda.isPending || rooms.isPending) return <Spinner />;
  if (forum.isError || agenda.isError || rooms.isError)
    return (
      <LoadError
        message={t('forums.loadFailed')}
        onRetry={() => void Promise.all([forum.refetch(), agenda.refetch(), rooms.refetch()])}
      />
    );
  return (
    <div className="hx-forums">
      <p>
        <Link to="/forums">{t('forums.list.title')}</Link>
      </p>
      <h1>{t('forums.agenda.title', { forum: forum.data.title })}</h1>
      <p className="hx-muted">{t('forums.agenda.zone', { zone: forum.data.timeZone })}</p>
      <SelectField
        label={t('forums.agenda.filter')}
        value={roomId}
        options={[
          { value: '', label: t('forums.agenda.allRooms') },
          ...rooms.data.map((room) => ({ value: room.id, label: room.title })),
        ]}
        onChange={(event) => setSearch(event.target.value ? { room: event.target.value } : {})}
      />
      <AgendaView
        forum={forum.data}
        agenda={agenda.data}
        rooms={rooms.data}
        roomId={roomId}
        editable={editable}
      />
    </div>
  );
}
