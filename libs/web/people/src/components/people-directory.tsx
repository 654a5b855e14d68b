import { ROLES, STAKEHOLDER_GROUPS, type Person, type Role, type StakeholderGroup } from '@helix/contract';
import { useCurrentUser, useRooms } from '@helix/web/data-access';
import {
  ActionError,
  Button,
  LoadError,
  SelectField,
  Spinner,
  TextField,
  useDocumentTitle,
} from '@helix/web/ui';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEndSessions, usePeople, usePersonSessions, useSetRoles } from '../api/people';
import { GroupChangeRequests } from './group-change-requests';

/** Moderator of chosen rooms, not forum-wide: each box grants or takes one room, logged like any role change. */
function ModeratedRooms({ person }: { person: Person }) {
  const { t } = useTranslation();
  const rooms = useRooms();
  const setRoles = useSetRoles();
  const toggle = (roomId: string, on: boolean) =>
    setRoles.mutate({
      id: person.id,
      roles: person.roles,
      moderatedRoomIds: on
        ? [...person.moderatedRoomIds, roomId]
        : person.moderatedRoomIds.filter((id) => id !== roomId),
    });
  return (
    <details>
      <summary>{t('people.moderatedRooms', { count: person.moderatedRoomIds.length })}</summary>
      <fieldset className="hx-stack" disabled={setRoles.isPending}>
        <legend className="hx-visually-hidden">{t('invitations.rooms')}</legend>
        {(rooms.data ?? []).map((room) => (
          <label key={room.id} className="hx-check">
            <input
              type="checkbox"
              checked={person.moderatedRoomIds.includes(room.id)}
              onChange={(event) => toggle(room.id, event.target.checked)}
            />
            {room.title}
          </label>
        ))}
      </fieldset>
      <ActionError error={setRoles.error} />
    </details>
  );
}

function PersonActions({ person }: { person: Person }) {
  const { t } = useTranslation();
  const setRoles = useSetRoles();
  const endSessions = useEndSessions();
  const [showSessions, setShowSessions] = useState(false);
  const sessions = usePersonSessions(person.id, showSessions);
  const isModerator = person.roles.includes('moderator');
  const nextRoles: Role[] = isModerator
    ? person.roles.filter((role) => role !== 'moderator')
    : [...person.roles, 'moderator'];
  return (
    <div className="hx-row">
      <Button
        size="small"
        variant="secondary"
        disabled={setRoles.isPending}
        onClick={() => setRoles.mutate({ id: person.id, roles: nextRoles })}
      >
        {isModerator ? t('people.removeModerator') : t('people.makeModerator')}
      </Button>
      <Button size="small" variant="secondary" onClick={() => setShowSessions(!showSessions)}>
        {t('people.sessions')}
      </Button>
      {showSessions && sessions.data ? (
        <span>
          {t('people.sessionCount', { count: sessions.data.length })}{' '}
          {sessions.data.length > 0 ? (
            <Button
              size="small"
              disabled={endSessions.isPending}
              onClick={() => endSessions.mutate(person.id)}
            >
              {t('people.endSessions')}
            </Button>
          ) : null}
        </span>
      ) : null}
      <ActionError error={setRoles.error ?? endSessions.error} />
    </div>
  );
}

/** The people directory: admins, organizers and moderators find people; admins change roles and sessions. */
export function PeopleDirectory() {
  const { t } = useTranslation();
  useDocumentTitle(t('people.title'));
  const me = useCurrentUser();
  const isAdmin = !!me.data?.roles.includes('admin');
  const [q, setQ] = useState('');
  const [group, setGroup] = useState<StakeholderGroup | ''>('');
  const [role, setRole] = useState<Role | ''>('');
  const query = useDeferredValue({
    q: q.trim() || undefined,
    group: group || undefined,
    role: role || undefined,
  });
  const people = usePeople(query);

  return (
    <section aria-labelledby="people-heading" className="hx-stack">
      <h1 id="people-heading">{t('people.title')}</h1>
      <GroupChangeRequests />
      <form role="search" className="hx-stack" onSubmit={(event) => event.preventDefault()}>
        <TextField
          label={t('people.search')}
          type="search"
          name="q"
          value={q}
          onChange={(event) => setQ(event.target.value)}
        />
        <SelectField
          label={t('auth.stakeholderGroup')}
          name="group"
          value={group}
          onChange={(event) => setGroup(event.target.value as StakeholderGroup | '')}
          options={[
            { value: '', label: t('people.any') },
            ...STAKEHOLDER_GROUPS.map((value) => ({ value, label: t(`groups.${value}`) })),
          ]}
        />
        <SelectField
          label={t('people.role')}
          name="role"
          value={role}
          onChange={(event) => setRole(event.target.value as Role | '')}
          options={[
            { value: '', label: t('people.any') },
            ...ROLES.map((value) => ({ value, label: t(`people.roles.${value}`) })),
          ]}
        />
      </form>
      {people.isPending ? <Spinner /> : null}
      {people.isError ? (
        <LoadError message={people.error.message} onRetry={() => void people.refetch()} />
      ) : null}
      {people.data ? (
        <>
          <p role="status">{t('people.found', { count: people.data.total })}</p>
          <ul className="hx-card-list" aria-label={t('people.title')}>
            {people.data.items.map((person) => (
              <li key={person.id} className="hx-card">
                <strong>{person.former ? t('people.former') : person.displayName}</strong>
                <div>
                  {person.organization} · {t(`groups.${person.stakeholderGroup}`)}
                </div>
                <div>{person.email}</div>
                <div>{person.roles.map((value) => t(`people.roles.${value}`)).join(', ')}</div>
                {isAdmin ? (
                  <>
                    <PersonActions person={person} />
                    <ModeratedRooms person={person} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
