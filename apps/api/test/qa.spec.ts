import { getConnectionToken } from '@nestjs/mongoose';
import type { AuthenticatedUser } from '@helix/api/core';
import { RoomSettingsService } from '@helix/api/moderation';
import type { Question, Room, RoomEvent } from '@helix/contract';
import { Types, type Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { Inbox, join } from './support/live';
import { ADMIN_EMAIL, startTestApp, type TestApp, type TestUser } from './support/test-app';

const clientId = (): string => `q-${randomBytes(6).toString('hex')}`;
const UNKNOWN_ID = '0'.repeat(24);

describe('audience Q&A', () => {
  let t: TestApp;
  let moderator: TestUser;
  let ann: TestUser;
  let bob: TestUser;
  let rooms: Room[];
  let db: Connection;

  beforeAll(async () => {
    t = await startTestApp({ env: { SOCKET_SEND_LIMIT: '1000:1000', RATE_LIMIT_CREATE_PER_MINUTE: '1000' } });
    moderator = await t.moderator({ displayName: 'Moderator' });
    [ann, bob] = await Promise.all([
      t.register({ displayName: 'Ann Asker', organization: 'Tomsk Polytechnic University' }),
      t.register({ displayName: 'Bob', stakeholderGroup: 'business' }),
    ]);
    rooms = await t.rooms(ann);
    db = t.app.get<Connection>(getConnectionToken());
  });
  afterAll(() => t.close());

  const ask = (user: TestUser, roomId: string, body: object) =>
    t.as(user).post(`/api/rooms/${roomId}/questions`, { clientId: clientId(), ...body });
  const asked = async (user: TestUser, roomId: string, body: object = {}): Promise<Question> =>
    (await ask(user, roomId, { text: 'Who pays for the shared labs?', ...body }).expect(201)).body;
  const list = async (user: TestUser, roomId: string, query: Record<string, string> = {}) =>
    (await t.as(user).get(`/api/rooms/${roomId}/questions`).query(query).expect(200)).body as Question[];
  const upvote = (user: TestUser, questionId: string, method: 'put' | 'delete' = 'put') =>
    t.as(user)[method](`/api/questions/${questionId}/upvote`);
  const moderate = (user: TestUser, questionId: string, body: object) =>
    t.as(user).patch(`/api/questions/${questionId}`, body);
  const watch = async (user: TestUser, roomId: string): Promise<Inbox> => {
    const inbox = new Inbox(await t.connect(user.accessToken));
    await join(inbox.socket, roomId);
    return inbox;
  };
  const questionEvents = (inbox: Inbox, id?: string): RoomEvent[] =>
    inbox.events.filter(
      (event) => event.type.startsWith('question.') && (!id || (event.payload as { id: string }).id === id),
    );
  const setReview = (roomId: string, qaReview: boolean) => {
    const staff: AuthenticatedUser = {
      ...moderator.user,
      sessionId: 'qa-spec',
      expiresAt: Math.floor(Date.now() / 1000) + 3600,
    };
    return t.app.get(RoomSettingsService).update(staff, roomId, { qaReview });
  };
  const moderationLog = (subjectId: string) =>
    db.collection('moderation_log').find({ subjectId }).sort({ seq: 1, index: 1 }).toArray();

  it('shows a question at once; an anonymous one names its author only to the asker and moderators', async () => {
    const room = rooms[0];
    const bobInbox = await watch(bob, room.id);
    const open = await asked(ann, room.id, { text: '  How do students join a lab?  ' });
    expect(open).toMatchObject({
      roomId: room.id,
      text: 'How do students join a lab?',
      anonymous: false,
      author: { id: ann.user.id, displayName: 'Ann Asker' },
      status: 'approved',
      upvotes: 0,
      upvotedByMe: false,
      mine: true,
      answeredAt: null,
    });
    const secret = await asked(ann, room.id, { text: 'Is the grant money late again?', anonymous: true });
    expect(secret).toMatchObject({ anonymous: true, author: { id: ann.user.id }, mine: true });

    const seenByBob = await list(bob, room.id);
    expect(seenByBob.find((question) => question.id === open.id)).toMatchObject({
      author: { id: ann.user.id },
      mine: false,
    });
    const secretForBob = seenByBob.find((question) => question.id === secret.id);
    expect(secretForBob).toMatchObject({ author: null, anonymous: true, mine: false });
    expect(JSON.stringify(secretForBob)).not.toContain(ann.user.id);

    const seenByModerator = await list(moderator, room.id);
    expect(seenByModerator.find((question) => question.id === secret.id)?.author?.id).toBe(ann.user.id);

    await bobInbox.waitFor(() => questionEvents(bobInbox, secret.id).length > 0);
    expect(questionEvents(bobInbox, open.id).map((event) => event.type)).toEqual(['question.updated']);
    const [secretEvent] = questionEvents(bobInbox, secret.id);
    expect(secretEvent).toMatchObject({
      type: 'question.updated',
      payload: { id: secret.id, author: null, upvotedByMe: false, mine: false, status: 'approved' },
    });
    expect(JSON.stringify(secretEvent)).not.toContain(ann.user.id);
    expect(JSON.stringify(secretEvent)).not.toContain('Ann Asker');
  });

  it('holds questions for review: others see them only once approved, and events say nothing of them', async () => {
    const room = rooms[1];
    await setReview(room.id, true);
    const bobInbox = await watch(bob, room.id);
    const moderatorInbox = await watch(moderator, room.id);

    const held = await asked(ann, room.id, { text: 'Why was the mobility grant cut?' });
    expect(held).toMatchObject({ status: 'pending', mine: true, author: { id: ann.user.id } });
    const rejected = await asked(ann, room.id, { text: 'Something rude about the rector' });

    expect((await list(bob, room.id)).map((question) => question.id)).not.toContain(held.id);
    expect((await list(ann, room.id)).map((question) => question.id)).toEqual(
      expect.arrayContaining([held.id, rejected.id]),
    );
    const queue = await list(moderator, room.id, { status: 'pending' });
    expect(queue.map((question) => question.id).sort()).toEqual([held.id, rejected.id].sort());

    await moderatorInbox.waitFor(() => questionEvents(moderatorInbox, rejected.id).length > 0);
    expect(questionEvents(moderatorInbox, held.id)).toEqual([
      expect.objectContaining({ type: 'question.pending', payload: { id: held.id, roomId: room.id } }),
    ]);

    const dismissed = (await moderate(moderator, rejected.id, { status: 'dismissed' }).expect(200)).body;
    expect(dismissed.status).toBe('dismissed');
    const approved = (await moderate(moderator, held.id, { status: 'approved' }).expect(200)).body;
    expect(approved).toMatchObject({ status: 'approved', author: { id: ann.user.id } });

    await bobInbox.waitFor(() =>
      questionEvents(bobInbox, held.id).some((event) => event.type === 'question.updated'),
    );
    expect(questionEvents(bobInbox, held.id).at(-1)?.payload).toMatchObject({
      id: held.id,
      status: 'approved',
      text: 'Why was the mobility grant cut?',
    });
    // What was dismissed in review never reaches the room; only the asker still sees it.
    await bobInbox.waitFor(() => questionEvents(bobInbox, rejected.id).length === 2);
    expect(JSON.stringify(bobInbox.events)).not.toContain('rector');
    expect((await list(bob, room.id)).map((question) => question.id)).toEqual([held.id]);
    expect((await list(ann, room.id)).find((question) => question.id === rejected.id)?.status).toBe(
      'dismissed',
    );
    await setReview(room.id, false);
    expect((await asked(bob, room.id)).status).toBe('approved');
  });

  it('takes one upvote per person, only on approved questions, and orders by upvotes', async () => {
    const room = rooms[2];
    const carl = await t.register({ displayName: 'Carl' });
    const first = await asked(ann, room.id, { text: 'First asked' });
    const second = await asked(ann, room.id, { text: 'Second asked' });
    const third = await asked(bob, room.id, { text: 'Third asked' });

    for (let i = 0; i < 2; i++) {
      expect((await upvote(bob, second.id).expect(200)).body).toMatchObject({
        id: second.id,
        upvotes: 1,
        upvotedByMe: true,
      });
    }
    expect((await upvote(carl, second.id).expect(200)).body.upvotes).toBe(2);
    expect((await upvote(carl, third.id).expect(200)).body.upvotes).toBe(1);
    expect((await list(bob, room.id)).map((question) => [question.id, question.upvotes])).toEqual([
      [second.id, 2],
      [third.id, 1],
      [first.id, 0],
    ]);
    const asBob = await list(bob, room.id);
    expect(asBob.map((question) => question.upvotedByMe)).toEqual([true, false, false]);

    for (let i = 0; i < 2; i++) {
      expect((await upvote(carl, third.id, 'delete').expect(200)).body).toMatchObject({
        upvotes: 0,
        upvotedByMe: false,
      });
    }
    // Equal upvotes: the older question first.
    expect((await list(carl, room.id)).map((question) => question.id)).toEqual([
      second.id,
      first.id,
      third.id,
    ]);

    const answered = (await moderate(moderator, second.id, { status: 'answered' }).expect(200)).body;
    expect(answered.answeredAt).toEqual(expect.any(String));
    await upvote(ann, second.id).expect(409);
    expect((await upvote(bob, second.id, 'delete').expect(200)).body.upvotes).toBe(1);

    await setReview(room.id, true);
    const pending = await asked(ann, room.id, { text: 'Still in review' });
    await setReview(room.id, false);
    await upvote(bob, pending.id).expect(409);
    await upvote(bob, pending.id, 'delete').expect(409);
    await moderate(moderator, first.id, { status: 'dismissed' }).expect(200);
    await upvote(bob, first.id).expect(409);
    await upvote(bob, first.id, 'delete').expect(409);

    await upvote(bob, UNKNOWN_ID).expect(404);
    await upvote(bob, UNKNOWN_ID, 'delete').expect(404);
    await moderate(moderator, UNKNOWN_ID, { status: 'approved' }).expect(404);
  });

  it('counts 200 concurrent upvoters exactly, some taking theirs back, with coalesced live updates', async () => {
    const room = rooms[3];
    const question = await asked(ann, room.id, { text: 'What happens after the forum?' });
    const bobInbox = await watch(bob, room.id);
    const people: TestUser[] = [];
    for (let batch = 0; batch < 4; batch++) {
      people.push(...(await Promise.all(Array.from({ length: 50 }, () => t.register()))));
    }
    await Promise.all(
      people.map(async (person, i) => {
        // Every fifth person double-taps: two upvotes racing each other still make one.
        const taps = i % 5 === 0 ? 2 : 1;
        await Promise.all(Array.from({ length: taps }, () => upvote(person, question.id).expect(200)));
        if (i % 4 === 0) await upvote(person, question.id, 'delete').expect(200);
      }),
    );

    const document = await db.collection('questions').findOne({ _id: new Types.ObjectId(question.id) });
    const stored = (document?.['upvoters'] ?? []) as string[];
    expect(stored).toHaveLength(150);
    expect(new Set(stored).size).toBe(150);
    const [listed] = await list(bob, room.id);
    expect(listed).toMatchObject({ id: question.id, upvotes: stored.length, upvotedByMe: false });
    expect((await upvote(bob, question.id).expect(200)).body.upvotes).toBe(151);
    expect((await upvote(bob, question.id, 'delete').expect(200)).body.upvotes).toBe(150);

    await bobInbox.waitFor(
      () => (questionEvents(bobInbox, question.id).at(-1)?.payload as Question | undefined)?.upvotes === 150,
    );
    const updates = questionEvents(bobInbox, question.id);
    // One event per ~250 ms, not one per upvote (200 upvotes, 50 removals, plus Bob's two).
    expect(updates.length).toBeLessThan(100);
    expect(updates.every((event) => event.type === 'question.updated')).toBe(true);
    expect(updates.at(-1)?.payload).toMatchObject({ upvotes: 150, upvotedByMe: false, mine: false });
  });

  it('lets only moderators and admins moderate, and records each change with its reason', async () => {
    const room = rooms[4];
    await setReview(room.id, true);
    const question = await asked(ann, room.id, { text: 'Can students get credits for the forum?' });
    await setReview(room.id, false);

    await moderate(ann, question.id, { status: 'approved' }).expect(403);
    await moderate(bob, question.id, { status: 'dismissed' }).expect(403);
    // t.moderator() registered the admin with the default password.
    const admin = (
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: ADMIN_EMAIL, password: moderator.password })
        .expect(200)
    ).body as TestUser;
    await moderate(admin, question.id, { status: 'approved' }).expect(200);
    await moderate(moderator, question.id, { status: 'approved' }).expect(200);
    await moderate(moderator, question.id, { status: 'approved' }).expect(200);
    const answered = (await moderate(moderator, question.id, { status: 'answered' }).expect(200)).body;
    expect(answered).toMatchObject({ status: 'answered', answeredAt: expect.any(String) });
    const reopened = (await moderate(moderator, question.id, { status: 'approved' }).expect(200)).body;
    expect(reopened).toMatchObject({ status: 'approved', answeredAt: null });
    await moderate(moderator, question.id, { status: 'dismissed', reason: 'Off topic' }).expect(200);
    await moderate(moderator, question.id, { status: 'dismissed', reason: 'Still off topic' }).expect(200);
    const back = (await moderate(moderator, question.id, { status: 'approved' }).expect(200)).body;
    expect(back.status).toBe('approved');
    // Moderators clicking at once: the first click answers it, the others find it answered.
    await Promise.all(
      [admin, moderator, admin, moderator].map((staff) =>
        moderate(staff, question.id, { status: 'answered' }).expect(200),
      ),
    );

    const entries = await moderationLog(question.id);
    expect(entries.map((entry) => [entry['action'], entry['reason']])).toEqual([
      ['question.approved', null],
      ['question.answered', null],
      ['question.reopened', null],
      ['question.dismissed', 'Off topic'],
      ['question.reopened', null],
      ['question.answered', null],
    ]);
    expect(entries.slice(0, 5).map((entry) => entry['moderator'].id)).toEqual([
      admin.user.id,
      ...Array.from({ length: 4 }, () => moderator.user.id),
    ]);
    expect(entries.every((entry) => entry['roomId'] === room.id)).toBe(true);
  });

  it('returns the stored question when the same clientId is sent again', async () => {
    const room = rooms[5];
    const body = { text: 'Asked over a flaky connection', clientId: clientId() };
    const first = (await ask(ann, room.id, body).expect(201)).body as Question;
    const again = (await ask(ann, room.id, { ...body, text: 'A retry' }).expect(200)).body as Question;
    expect(again).toEqual(first);
    const bobs = (await ask(bob, room.id, body).expect(201)).body as Question;
    expect(bobs.id).not.toBe(first.id);
    expect(await db.collection('questions').countDocuments({ clientId: body.clientId })).toBe(2);
    expect(
      await db.collection('room_events').countDocuments({ subjectId: first.id, type: 'question.updated' }),
    ).toBe(1);
  });

  it.each([
    ['no text', { text: undefined }],
    ['blank text', { text: '   ' }],
    ['text over 500 characters', { text: 'x'.repeat(501) }],
    ['an operator object as text', { text: { $ne: 1 } }],
    ['no clientId', { clientId: undefined }],
    ['a clientId with spaces', { clientId: 'not a client id' }],
    ['anonymous as a string', { anonymous: 'yes' }],
    ['an unknown field', { status: 'approved' }],
  ])('refuses a question with %s (400)', async (_case, body) => {
    const response = await ask(ann, rooms[0].id, { text: 'Valid text', ...body }).expect(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION', message: expect.anything() });
  });

  it('refuses bad ids, statuses and reasons (400) and unknown rooms (404)', async () => {
    const question = await asked(ann, rooms[0].id, { text: 'To be moderated badly' });
    await t.as(ann).get(`/api/rooms/${rooms[0].id}/questions`).query({ status: 'deleted' }).expect(400);
    await t.as(ann).get(`/api/rooms/${rooms[0].id}/questions`).query({ sort: 'new' }).expect(400);
    await t.as(ann).get(`/api/rooms/${UNKNOWN_ID}/questions`).expect(404);
    await ask(ann, UNKNOWN_ID, { text: 'Anyone there?' }).expect(404);
    await t.as(ann).get('/api/rooms/not-an-id/questions').expect(400);
    await upvote(ann, 'not-an-id').expect(400);
    await moderate(moderator, question.id, { status: 'pending' }).expect(400);
    await moderate(moderator, question.id, { status: 'answered', reason: '' }).expect(400);
    await moderate(moderator, question.id, {}).expect(400);
    await moderate(moderator, 'not-an-id', { status: 'answered' }).expect(400);
    expect((await list(ann, rooms[0].id)).find((item) => item.id === question.id)?.status).toBe('approved');
  });
});
