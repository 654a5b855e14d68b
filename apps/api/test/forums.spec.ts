import { getConnectionToken } from '@nestjs/mongoose';
import type {
  Agenda,
  AgendaSession,
  Forum,
  ForumStats,
  Initiative,
  Poll,
  PublicOutcome,
  Question,
  Room,
  RoomSettings,
  Thread,
} from '@helix/contract';
import { Types, type Connection } from 'mongoose';
import { emitWithAck, startTestApp, uniqueDbName, type TestApp, type TestUser } from './support/test-app';
import { join, send } from './support/live';
import { waitUntil } from './support/wait';

const ADMIN = { email: 'admin@helix.test', displayName: 'Admin' };

describe('forums as data: an organizer sets up, runs and closes a forum', () => {
  let t: TestApp;
  let admin: TestUser;
  let organizer: TestUser;
  let participant: TestUser;
  let official: TestUser;

  beforeAll(async () => {
    t = await startTestApp({
      env: { AGENDA_TICK_MS: '100', RATE_LIMIT_CREATE_PER_MINUTE: '1000', SOCKET_SEND_LIMIT: '1000:1000' },
    });
    admin = await t.register(ADMIN);
    organizer = await t.register({ displayName: 'Olga Organizer' });
    participant = await t.register({ displayName: 'Pavel' });
    official = await t.register({
      displayName: 'Galina',
      stakeholderGroup: 'government',
      organization: 'City Hall',
    });
  });

  afterAll(() => t?.close());

  it('starts with the seed forum live and its 9 rooms', async () => {
    const forums = (await t.as(participant).get('/api/forums').expect(200)).body as Forum[];
    expect(forums).toHaveLength(1);
    expect(forums[0]).toMatchObject({
      status: 'live',
      timeZone: 'Asia/Tomsk',
      joinCode: expect.stringMatching(/^[2-9A-Z]{6}$/),
    });
    expect((await t.as(participant).get('/api/rooms').expect(200)).body).toHaveLength(9);
    // The join code finds the live forum without signing in.
    const joined = (
      await t.http().get(`/api/forums/join?code=${forums[0].joinCode.toLowerCase()}`).expect(200)
    ).body as Forum;
    expect(joined.id).toBe(forums[0].id);
  });

  it('a second forum: drafted by an admin, organized by someone else, two rooms and an agenda, then run and closed', async () => {
    await t.as(organizer).post('/api/forums', forumBody('spring-school')).expect(403);
    const draft = (await t.as(admin).post('/api/forums', forumBody('spring-school')).expect(201))
      .body as Forum;
    expect(draft).toMatchObject({ status: 'draft', title: 'Spring school of university cities' });
    await t.as(admin).post('/api/forums', forumBody('spring-school')).expect(409);
    // A draft is nobody's business but its organizers'.
    expect(
      ((await t.as(participant).get('/api/forums').expect(200)).body as Forum[]).map((f) => f.id),
    ).not.toContain(draft.id);
    await t.as(participant).get(`/api/forums/${draft.id}`).expect(404);

    await t.as(organizer).post(`/api/forums/${draft.id}/rooms`, roomBody('Campus as a magnet')).expect(403);
    await t.as(admin).put(`/api/forums/${draft.id}/organizers`, { email: organizer.user.email }).expect(200);
    const ru = (await t.as(organizer).get(`/api/forums/${draft.id}`).set('Accept-Language', 'ru').expect(200))
      .body as Forum;
    expect(ru.title).toBe('Весенняя школа университетских городов');

    const campus = (
      await t.as(organizer).post(`/api/forums/${draft.id}/rooms`, roomBody('Campus as a magnet')).expect(201)
    ).body as Room;
    const labs = (
      await t
        .as(organizer)
        .post(`/api/forums/${draft.id}/rooms`, {
          kind: 'session',
          title: 'Open labs',
          description: 'A side event.',
        })
        .expect(201)
    ).body as Room;
    expect(campus).toMatchObject({ forumId: draft.id, slug: 'campus-as-a-magnet', kind: 'track', order: 0 });
    expect(labs).toMatchObject({ slug: 'open-labs', kind: 'session', order: 1, title: 'Open labs' });
    await t.as(organizer).post(`/api/forums/${draft.id}/rooms`, roomBody('Campus as a magnet')).expect(409);
    await t.as(participant).post(`/api/forums/${draft.id}/rooms`, roomBody('Sneaky')).expect(403);

    const reordered = (
      await t
        .as(organizer)
        .put(`/api/forums/${draft.id}/rooms/order`, { roomIds: [labs.id, campus.id] })
        .expect(200)
    ).body as Room[];
    expect(reordered.map((room) => room.id)).toEqual([labs.id, campus.id]);
    const renamed = (
      await t
        .as(organizer)
        .patch(`/api/rooms/${campus.id}`, { title: { ru: 'Кампус как магнит, версия 2' } })
        .expect(200)
    ).body as Room;
    expect(renamed.translations.title).toEqual({
      en: 'Campus as a magnet',
      ru: 'Кампус как магнит, версия 2',
    });
    const roomsRu = (
      await t.as(organizer).get(`/api/rooms?forumId=${draft.id}`).set('Accept-Language', 'ru').expect(200)
    ).body as Room[];
    expect(roomsRu.map((room) => room.title)).toEqual(['Open labs', 'Кампус как магнит, версия 2']);

    // The agenda: a session opens the room's Q&A at its start and closes it at its end, by the server's clock.
    const startsAt = new Date(Date.now() + 4_000);
    const endsAt = new Date(startsAt.getTime() + 2_500);
    const session = (
      await t
        .as(organizer)
        .post(`/api/rooms/${campus.id}/sessions`, {
          title: { en: 'Keynote', ru: 'Пленарный доклад' },
          speakers: ['Dominique Foray'],
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          opensQa: true,
        })
        .expect(201)
    ).body as AgendaSession;
    await t
      .as(participant)
      .post(`/api/rooms/${campus.id}/sessions`, sessionBody(startsAt, endsAt))
      .expect(404); // the forum is still a draft: its rooms are nobody else's business
    await t.as(organizer).post(`/api/rooms/${campus.id}/sessions`, sessionBody(endsAt, startsAt)).expect(400);
    const agenda = (
      await t.as(organizer).get(`/api/forums/${draft.id}/agenda`).set('Accept-Language', 'ru').expect(200)
    ).body as Agenda;
    expect(agenda).toMatchObject({ timeZone: 'Europe/Berlin', now: [], next: session.id });
    expect(agenda.sessions[0]).toMatchObject({ title: 'Пленарный доклад', speakers: ['Dominique Foray'] });

    // Opening makes it the live forum, once the other live one is closed.
    await t.as(organizer).post(`/api/forums/${draft.id}/open`).expect(409);
    const seed = ((await t.as(admin).get('/api/forums').expect(200)).body as Forum[]).find(
      (f) => f.id !== draft.id,
    ) as Forum;
    await t.as(admin).post(`/api/forums/${seed.id}/close`).expect(200);
    const live = (await t.as(organizer).post(`/api/forums/${draft.id}/open`).expect(200)).body as Forum;
    expect(live.status).toBe('live');
    expect(
      ((await t.as(participant).get('/api/rooms').expect(200)).body as Room[]).map((room) => room.id),
    ).toEqual([labs.id, campus.id]);

    // Q&A closes now (the session's room has a session) and opens when the session starts.
    await t.as(organizer).patch(`/api/rooms/${campus.id}/settings`, { qaOpen: false }).expect(403);
    await t.as(admin).patch(`/api/rooms/${campus.id}/settings`, { qaOpen: false }).expect(200);
    await t
      .as(participant)
      .post(`/api/rooms/${campus.id}/questions`, { text: 'Too early?', clientId: 'early' })
      .expect(409);
    await waitUntil(
      async () =>
        (await t.as(participant).get(`/api/rooms/${campus.id}/settings`).expect(200)).body as RoomSettings,
      (settings) => settings.qaOpen,
      'the session opened the Q&A',
    );
    const started = (await t.as(participant).get(`/api/rooms/${campus.id}/sessions`).expect(200))
      .body as AgendaSession[];
    expect(started[0].startedAt).not.toBeNull();
    const question = (
      await t
        .as(participant)
        .post(`/api/rooms/${campus.id}/questions`, { text: 'Who pays for the labs?', clientId: 'q1' })
        .expect(201)
    ).body as Question;
    await waitUntil(
      async () =>
        (await t.as(participant).get(`/api/rooms/${campus.id}/settings`).expect(200)).body as RoomSettings,
      (settings) => !settings.qaOpen,
      'the session closed the Q&A',
    );
    await t
      .as(participant)
      .post(`/api/rooms/${campus.id}/questions`, { text: 'Too late?', clientId: 'late' })
      .expect(409);
    const log = (await t.as(admin).get(`/api/rooms/${campus.id}/moderation-log`).expect(200)).body as Array<{
      action: string;
      moderator: { displayName: string };
    }>;
    expect(
      log.filter((entry) => entry.moderator.displayName === 'Agenda').map((entry) => entry.action),
    ).toEqual(['settings.qa_closed', 'settings.qa_opened']);

    // Live: a poll, an initiative, a thread; then closing closes the open votes and freezes the archive.
    await t.as(admin).patch(`/api/questions/${question.id}`, { status: 'answered' }).expect(200);
    const poll = (
      await t
        .as(admin)
        .post(`/api/rooms/${campus.id}/polls`, { question: 'Weekend labs?', options: ['Yes', 'No'] })
        .expect(201)
    ).body as Poll;
    await t.as(admin).post(`/api/polls/${poll.id}/open`).expect(200);
    await t
      .as(participant)
      .post(`/api/polls/${poll.id}/votes`, { optionIds: [poll.options[0].id] })
      .expect(200);
    const initiative = (
      await t
        .as(participant)
        .post('/api/initiatives', {
          title: 'Weekend labs',
          summary: 'Open two labs on Saturdays.',
          roomId: campus.id,
        })
        .expect(201)
    ).body as Initiative;
    expect(initiative.forumId).toBe(draft.id);
    await t.as(participant).post(`/api/initiatives/${initiative.id}/voting/open`, {}).expect(200);
    await t.as(official).put(`/api/initiatives/${initiative.id}/vote`, { position: 'agree' }).expect(200);
    const thread = (
      await t.as(participant).post(`/api/rooms/${campus.id}/threads`, { title: 'Before closing' }).expect(201)
    ).body as Thread;
    const socket = await t.connect(participant.accessToken);
    await join(socket, campus.id);
    await send(socket, {
      roomId: campus.id,
      threadId: thread.id,
      text: 'Said while it was live',
      clientId: 'live-1',
    });

    const stats = (await t.as(organizer).get(`/api/forums/${draft.id}/stats`).expect(200)).body as ForumStats;
    expect(stats).toMatchObject({
      rooms: 2,
      threads: 1,
      messages: 1,
      polls: { total: 1, open: 1, ballots: 1 },
      questions: { total: 1, answered: 1 },
      initiatives: { total: 1, voting: 1 },
      people: { total: 2, byGroup: { university: 1, government: 1 } },
    });
    await t.as(participant).get(`/api/forums/${draft.id}/stats`).expect(403);

    const closed = (await t.as(organizer).post(`/api/forums/${draft.id}/close`).expect(200)).body as Forum;
    expect(closed).toMatchObject({ status: 'closed', outcomePublished: true });
    expect(((await t.as(participant).get(`/api/polls/${poll.id}`).expect(200)).body as Poll).status).toBe(
      'closed',
    );
    expect(
      ((await t.as(participant).get(`/api/initiatives/${initiative.id}`).expect(200)).body as Initiative)
        .status,
    ).toBe('rejected');
    // A read-only archive: everything readable, nothing writable.
    await t.as(participant).post(`/api/rooms/${campus.id}/threads`, { title: 'After closing' }).expect(409);
    await t
      .as(participant)
      .post(`/api/rooms/${campus.id}/questions`, { text: 'After?', clientId: 'after' })
      .expect(409);
    await t.as(admin).patch(`/api/forums/${draft.id}`, { venue: 'Elsewhere' }).expect(409);
    await t.as(organizer).patch(`/api/rooms/${campus.id}`, { title: 'Renamed' }).expect(409);
    const ack = await emitWithAck(socket, 'message:send', {
      roomId: campus.id,
      threadId: thread.id,
      text: 'Late',
      clientId: 'late-1',
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const page = (
      await t.as(participant).get(`/api/rooms/${campus.id}/messages?threadId=${thread.id}`).expect(200)
    ).body;
    expect(page.items.map((message: { text: string }) => message.text)).toEqual(['Said while it was live']);
    expect((await t.as(participant).get(`/api/rooms?forumId=${draft.id}`).expect(200)).body).toHaveLength(2);

    // The public outcome, without signing in, in both languages.
    const outcome = (await t.http().get('/api/public/forums/spring-school/outcome').expect(200))
      .body as PublicOutcome;
    expect(outcome.forum).toMatchObject({ title: 'Spring school of university cities', status: 'closed' });
    expect(outcome.polls).toEqual([
      expect.objectContaining({ question: 'Weekend labs?', voters: 1, room: 'Campus as a magnet' }),
    ]);
    expect(outcome.questions).toEqual([expect.objectContaining({ text: 'Who pays for the labs?' })]);
    expect(outcome.initiatives).toEqual([]);
    const outcomeRu = (
      await t.http().get('/api/public/forums/spring-school/outcome').set('Accept-Language', 'ru').expect(200)
    ).body as PublicOutcome;
    expect(outcomeRu.forum.title).toBe('Весенняя школа университетских городов');
    expect(outcomeRu.polls[0].room).toBe('Кампус как магнит, версия 2');
    expect(outcomeRu.questions[0]).not.toHaveProperty('author');
    await t.http().get('/api/public/forums/no-such-forum/outcome').expect(404);
  });

  it('starts a session once, when two instances share the database', async () => {
    const dbName = uniqueDbName();
    const env = { AGENDA_TICK_MS: '50', RATE_LIMIT_CREATE_PER_MINUTE: '1000' };
    const a = await startTestApp({ dbName, env });
    let b: TestApp | undefined;
    try {
      const boss = await a.register(ADMIN);
      const room = (await a.rooms(boss))[0];
      const poll = (
        await a
          .as(boss)
          .post(`/api/rooms/${room.id}/polls`, { question: 'Now?', options: ['Yes', 'No'] })
          .expect(201)
      ).body as Poll;
      const startsAt = new Date(Date.now() + 1_500);
      await a
        .as(boss)
        .post(`/api/rooms/${room.id}/sessions`, {
          ...sessionBody(startsAt, new Date(startsAt.getTime() + 60_000)),
          pollId: poll.id,
        })
        .expect(201);
      // The second instance reads the agenda at boot; both clocks then reach the same start. (Without Redis
      // they do not hear of each other's changes: the database tells what happened.)
      b = await startTestApp({ dbName, env });
      const db = a.app.get<Connection>(getConnectionToken());
      await waitUntil(
        () => db.collection('polls').findOne({ _id: new Types.ObjectId(poll.id) }),
        (stored) => stored?.['status'] === 'open',
        'the session opened its poll',
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await db.collection('agenda_claims').countDocuments({})).toBe(1);
      const opened = await db
        .collection('room_events')
        .countDocuments({ roomId: room.id, type: 'poll.created', subjectId: poll.id });
      expect(opened).toBe(1);
    } finally {
      await Promise.all([a.close(), b?.close()]);
    }
  });
});

function forumBody(slug: string) {
  return {
    slug,
    title: { en: 'Spring school of university cities', ru: 'Весенняя школа университетских городов' },
    description: { en: 'Three days on campuses and cities.', ru: 'Три дня о кампусах и городах.' },
    venue: 'Berlin',
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    endsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    timeZone: 'Europe/Berlin',
  };
}

function roomBody(title: string) {
  return {
    kind: 'track',
    title: { en: title, ru: 'Кампус как магнит' },
    description: { en: 'How a campus draws companies.', ru: 'Как кампус притягивает компании.' },
    keyQuestions: { en: ['Who comes first?'], ru: ['Кто приходит первым?'] },
  };
}

function sessionBody(startsAt: Date, endsAt: Date) {
  return { title: 'A session', startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
}
