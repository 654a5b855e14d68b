import { getConnectionToken } from '@nestjs/mongoose';
import type {
  Initiative,
  Message,
  MessagePage,
  ModerationEntry,
  Poll,
  Room,
  RoomEvent,
  RoomSettings,
  Thread,
  UpdateRoomSettingsRequest,
} from '@helix/contract';
import { Types, type Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { catchUp, Inbox, join, send } from './support/live';
import { emitWithAck, startTestApp, type TestApp, type TestUser } from './support/test-app';

describe('moderation: threads, hidden messages, room settings and the log', () => {
  let t: TestApp;
  let rooms: Room[];
  let moderator: TestUser;
  let secondModerator: TestUser;
  let ann: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ env: { SOCKET_SEND_LIMIT: '1000:1000' } });
    moderator = await t.moderator({ displayName: 'Moderator' });
    secondModerator = await t.moderator({ displayName: 'Second moderator' });
    ann = await t.register({ displayName: 'Ann' });
    bob = await t.register({ displayName: 'Bob', stakeholderGroup: 'business', organization: 'Sibur' });
    rooms = await t.rooms(ann);
  });
  afterAll(() => t.close());

  const newThread = async (roomId: string, title = 'Moderated'): Promise<Thread> =>
    (await t.as(ann).post(`/api/rooms/${roomId}/threads`, { title }).expect(201)).body;
  const moderationLog = async (roomId: string): Promise<ModerationEntry[]> =>
    (await t.as(moderator).get(`/api/rooms/${roomId}/moderation-log`).expect(200)).body;
  const patchSettings = (roomId: string, body: UpdateRoomSettingsRequest, user = moderator) =>
    t.as(user).patch(`/api/rooms/${roomId}/settings`, body);
  const unique = (prefix: string): string => `${prefix}-${randomBytes(5).toString('hex')}`;

  describe('threads', () => {
    it('resolves, pins and locks; each real change is logged with its moderator', async () => {
      const room = rooms[0];
      const thread = await newThread(room.id);
      expect(thread.resolved).toBe(false);
      const url = `/api/rooms/${room.id}/threads/${thread.id}`;
      const socket = await t.connect(ann.accessToken);
      const inbox = new Inbox(socket);
      await join(socket, room.id);

      await t.as(ann).patch(url, { resolved: true }).expect(403);
      expect((await t.as(moderator).patch(url, { resolved: true }).expect(200)).body).toMatchObject({
        id: thread.id,
        resolved: true,
        pinned: false,
        locked: false,
      });
      await t.as(moderator).patch(url, { pinned: true, locked: true }).expect(200);
      // Already resolved: nothing changes, so nothing is logged or sent.
      await t.as(moderator).patch(url, { resolved: true }).expect(200);
      await t.as(secondModerator).patch(url, { resolved: false }).expect(200);
      await t.as(secondModerator).patch(url, { locked: false, pinned: false }).expect(200);

      const listed = (await t.as(ann).get(`/api/rooms/${room.id}/threads`).expect(200)).body as Thread[];
      expect(listed.find((item) => item.id === thread.id)).toMatchObject({
        resolved: false,
        pinned: false,
        locked: false,
      });

      const log = await moderationLog(room.id);
      expect(log.map((entry) => [entry.action, entry.moderator.id, entry.subjectId])).toEqual([
        ['thread.unlocked', secondModerator.user.id, thread.id],
        ['thread.unpinned', secondModerator.user.id, thread.id],
        ['thread.reopened', secondModerator.user.id, thread.id],
        ['thread.locked', moderator.user.id, thread.id],
        ['thread.pinned', moderator.user.id, thread.id],
        ['thread.resolved', moderator.user.id, thread.id],
      ]);
      expect(log[0]).toMatchObject({ roomId: room.id, reason: null, detail: null });
      expect(log[0].moderator).toEqual({
        id: secondModerator.user.id,
        displayName: 'Second moderator',
        organization: secondModerator.user.organization,
        stakeholderGroup: secondModerator.user.stakeholderGroup,
      });

      await inbox.waitFor(() => inbox.events.filter((event) => event.type === 'thread.updated').length === 4);
      const updates = inbox.events
        .filter((event) => event.type === 'thread.updated')
        .map((event) => event.payload as Thread);
      expect(updates.map(({ resolved, pinned, locked }) => ({ resolved, pinned, locked }))).toEqual([
        { resolved: true, pinned: false, locked: false },
        { resolved: true, pinned: true, locked: true },
        { resolved: false, pinned: true, locked: true },
        { resolved: false, pinned: false, locked: false },
      ]);
    });

    it('reads a thread stored before threads could be resolved as not resolved', async () => {
      const room = rooms[0];
      const thread = await newThread(room.id, 'From before');
      await t.app
        .get<Connection>(getConnectionToken())
        .collection('threads')
        .updateOne({ _id: new Types.ObjectId(thread.id) }, { $unset: { resolved: '' } });
      // Read models are filled at boot: an instance started now reads the document as stored.
      const restarted = await startTestApp({ dbName: t.dbName });
      try {
        const listed = (await restarted.as(ann).get(`/api/rooms/${room.id}/threads`).expect(200))
          .body as Thread[];
        expect(listed.find((item) => item.id === thread.id)?.resolved).toBe(false);
        const patched = (
          await restarted
            .as(moderator)
            .patch(`/api/rooms/${room.id}/threads/${thread.id}`, { pinned: true })
            .expect(200)
        ).body as Thread;
        expect(patched).toMatchObject({ pinned: true, resolved: false });
      } finally {
        await restarted.close();
      }
    });
  });

  describe('hiding a message', () => {
    it('removes its text from every event and page, tells the room, and keeps it only in the log', async () => {
      const room = rooms[1];
      const thread = await newThread(room.id);
      const secret = unique('SECRET');
      const [annSocket, bobSocket] = await Promise.all([
        t.connect(ann.accessToken),
        t.connect(bob.accessToken),
      ]);
      const bobInbox = new Inbox(bobSocket);
      await Promise.all([join(annSocket, room.id), join(bobSocket, room.id)]);

      const message = await send(annSocket, {
        roomId: room.id,
        threadId: thread.id,
        text: `Call me: ${secret}`,
        clientId: unique('c'),
      });
      expect(message.hidden).toBeNull();
      const edited = await emitWithAck<{ message: Message }>(annSocket, 'message:edit', {
        messageId: message.id,
        text: `Call me today: ${secret}`,
      });
      expect(edited).toMatchObject({ ok: true, message: { hidden: null } });
      const reacted = await emitWithAck<{ message: Message }>(bobSocket, 'reaction:toggle', {
        messageId: message.id,
        emoji: '👍',
      });
      expect(reacted).toMatchObject({ ok: true, message: { hidden: null } });
      const neighbour = await send(bobSocket, {
        roomId: room.id,
        threadId: thread.id,
        text: 'A message that stays',
        clientId: unique('c'),
      });

      await t.as(ann).post(`/api/messages/${message.id}/hide`, { reason: 'Personal data' }).expect(403);
      const hidden = (
        await t
          .as(moderator)
          .post(`/api/messages/${message.id}/hide`, { reason: '  Personal data  ' })
          .expect(200)
      ).body as Message;
      expect(hidden).toMatchObject({
        id: message.id,
        text: '',
        reactions: {},
        deleted: false,
        hidden: { reason: 'Personal data', at: expect.any(String) },
      });

      await bobInbox.waitFor(() => bobInbox.events.some((event) => event.type === 'message.hidden'));
      const event = bobInbox.events.find((candidate) => candidate.type === 'message.hidden') as RoomEvent;
      expect(event.payload).toEqual(hidden);

      // History pages, a replay from the start, the stored events: the text is nowhere.
      const page = (await t.as(bob).get(`/api/rooms/${room.id}/messages?threadId=${thread.id}`).expect(200))
        .body as MessagePage;
      expect(page.items.map((item) => item.id)).toEqual([message.id, neighbour.id]);
      expect(page.items[0]).toEqual(hidden);
      expect(page.items[1].hidden).toBeNull();
      const replay = await catchUp(await t.connect(bob.accessToken), room.id, 0);
      expect(replay.map((replayed) => replayed.type)).toEqual([
        'thread.created',
        'message.created',
        'message.updated',
        'reaction.updated',
        'message.created',
        'message.hidden',
      ]);
      for (const replayed of replay.filter((candidate) => candidate.type !== 'thread.created')) {
        expect(replayed.payload).toHaveProperty('hidden');
      }
      const stored = await t.app
        .get<Connection>(getConnectionToken())
        .collection('room_events')
        .find({ roomId: room.id })
        .toArray();
      const later = bobInbox.events.filter((candidate) => candidate.seq >= event.seq);
      for (const body of [page, replay, stored, later]) expect(JSON.stringify(body)).not.toContain(secret);

      // Only moderators read the log, which alone keeps what the message said.
      await t.as(ann).get(`/api/rooms/${room.id}/moderation-log`).expect(403);
      const [entry] = await moderationLog(room.id);
      expect(entry).toMatchObject({
        roomId: room.id,
        action: 'message.hidden',
        subjectId: message.id,
        reason: 'Personal data',
        detail: `Call me today: ${secret}`,
        moderator: { id: moderator.user.id, displayName: 'Moderator' },
      });

      // A hidden message stays as it is.
      await t.as(moderator).post(`/api/messages/${message.id}/hide`, { reason: 'Again' }).expect(409);
      expect(
        await emitWithAck(annSocket, 'message:edit', { messageId: message.id, text: 'Back again' }),
      ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(
        await emitWithAck(bobSocket, 'reaction:toggle', { messageId: message.id, emoji: '🎉' }),
      ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(await moderationLog(room.id)).toHaveLength(1);
    });

    it('hides over the socket for moderators only, refuses deleted messages, and validates the reason', async () => {
      const room = rooms[2];
      const thread = await newThread(room.id);
      const [annSocket, moderatorSocket] = await Promise.all([
        t.connect(ann.accessToken),
        t.connect(moderator.accessToken),
      ]);
      const post = (text: string) =>
        send(annSocket, { roomId: room.id, threadId: thread.id, text, clientId: unique('c') });

      const mine = await post('Mine to keep');
      expect(
        await emitWithAck(annSocket, 'message:hide', { messageId: mine.id, reason: 'Not allowed' }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const ack = await emitWithAck<{ message: Message }>(moderatorSocket, 'message:hide', {
        messageId: mine.id,
        reason: 'Off topic',
      });
      expect(ack).toMatchObject({ ok: true, message: { text: '', hidden: { reason: 'Off topic' } } });
      expect(
        await emitWithAck(moderatorSocket, 'message:hide', { messageId: mine.id, reason: 'Twice' }),
      ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

      const gone = await post('Deleted soon');
      await emitWithAck(annSocket, 'message:delete', { messageId: gone.id });
      await t.as(moderator).post(`/api/messages/${gone.id}/hide`, { reason: 'Too late' }).expect(409);

      const other = await post('Still here');
      await t.as(moderator).post(`/api/messages/${other.id}/hide`, { reason: '   ' }).expect(400);
      await t.as(moderator).post(`/api/messages/${other.id}/hide`, {}).expect(400);
      await t
        .as(moderator)
        .post(`/api/messages/${other.id}/hide`, { reason: 'x'.repeat(501) })
        .expect(400);
      await t
        .as(moderator)
        .post(`/api/messages/${'0'.repeat(24)}/hide`, { reason: 'Gone' })
        .expect(404);
      // The author may still delete a hidden message; it stays hidden.
      const deleted = await emitWithAck<{ message: Message }>(annSocket, 'message:delete', {
        messageId: mine.id,
      });
      expect(deleted).toMatchObject({
        ok: true,
        message: { deleted: true, hidden: { reason: 'Off topic' } },
      });
    });

    it("deletes someone else's message only with a reason, logged with its text; nobody edits another's words", async () => {
      const room = rooms[8];
      const thread = (await t.as(bob).post(`/api/rooms/${room.id}/threads`, { title: 'Deleted' }).expect(201))
        .body as Thread;
      const [annSocket, moderatorSocket] = await Promise.all([
        t.connect(ann.accessToken),
        t.connect(moderator.accessToken),
      ]);
      const said = await send(annSocket, {
        roomId: room.id,
        threadId: thread.id,
        text: 'I support the proposal',
        clientId: unique('d'),
      });
      expect(
        await emitWithAck(moderatorSocket, 'message:edit', {
          messageId: said.id,
          text: 'I OPPOSE the proposal',
        }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      for (const payload of [{ messageId: said.id }, { messageId: said.id, reason: '  ' }]) {
        expect(await emitWithAck(moderatorSocket, 'message:delete', payload)).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION' },
        });
      }
      expect(await moderationLog(room.id)).toEqual([]);
      const deleted = await emitWithAck<{ message: Message }>(moderatorSocket, 'message:delete', {
        messageId: said.id,
        reason: 'Duplicate of the thread above',
      });
      expect(deleted).toMatchObject({ ok: true, message: { deleted: true, text: '' } });
      expect(await moderationLog(room.id)).toEqual([
        expect.objectContaining({
          action: 'message.deleted',
          subjectId: said.id,
          reason: 'Duplicate of the thread above',
          detail: 'I support the proposal',
          moderator: expect.objectContaining({ id: moderator.user.id }),
        }),
      ]);
      // The author's own deletion needs no reason and is no moderator's act.
      const own = await send(annSocket, {
        roomId: room.id,
        threadId: thread.id,
        text: 'Oops',
        clientId: unique('d'),
      });
      expect(await emitWithAck(annSocket, 'message:delete', { messageId: own.id })).toMatchObject({
        ok: true,
      });
      expect(await moderationLog(room.id)).toHaveLength(1);
    });

    it('reads messages and events stored before messages could be hidden with hidden: null', async () => {
      const room = rooms[3];
      const thread = await newThread(room.id);
      const socket = await t.connect(ann.accessToken);
      await join(socket, room.id);
      const message = await send(socket, {
        roomId: room.id,
        threadId: thread.id,
        text: 'Old style',
        clientId: unique('c'),
      });
      await emitWithAck(socket, 'message:edit', { messageId: message.id, text: 'Old style, edited' });
      const db = t.app.get<Connection>(getConnectionToken());
      await db.collection('messages').updateMany({ roomId: room.id }, { $unset: { hidden: '' } });
      await db.collection('threads').updateMany({ roomId: room.id }, { $unset: { resolved: '' } });
      const restarted = await startTestApp({ dbName: t.dbName });
      try {
        const page = (await restarted.as(ann).get(`/api/rooms/${room.id}/messages`).expect(200))
          .body as MessagePage;
        expect(page.items).toEqual([expect.objectContaining({ id: message.id, hidden: null })]);
        const replay = await catchUp(await restarted.connect(ann.accessToken), room.id, 0);
        // A replay carries each subject as it is now: the edit shows in the message's first event too.
        expect(replay.map((event) => [event.type, event.payload])).toEqual([
          ['thread.created', expect.objectContaining({ resolved: false })],
          ['message.created', expect.objectContaining({ hidden: null, text: 'Old style, edited' })],
          ['message.updated', expect.objectContaining({ hidden: null, text: 'Old style, edited' })],
        ]);
      } finally {
        await restarted.close();
      }
    });
  });

  describe('room settings', () => {
    it('reads the defaults, and a change reaches the room as settings.updated', async () => {
      const room = rooms[4];
      const initial = (await t.as(ann).get(`/api/rooms/${room.id}/settings`).expect(200))
        .body as RoomSettings;
      expect(initial).toMatchObject({
        roomId: room.id,
        qaReview: false,
        projector: { kind: 'nothing', targetId: null },
      });

      const socket = await t.connect(bob.accessToken);
      const inbox = new Inbox(socket);
      await join(socket, room.id);
      await patchSettings(room.id, { qaReview: true }, ann).expect(403);
      const updated = (
        await patchSettings(room.id, { qaReview: true, projector: { kind: 'qa' } }).expect(200)
      ).body as RoomSettings;
      expect(updated).toMatchObject({
        roomId: room.id,
        qaReview: true,
        projector: { kind: 'qa', targetId: null },
      });

      await inbox.waitFor(() => inbox.events.some((event) => event.type === 'settings.updated'));
      expect(inbox.events.filter((event) => event.type === 'settings.updated').map((e) => e.payload)).toEqual(
        [updated],
      );
      expect((await t.as(ann).get(`/api/rooms/${room.id}/settings`).expect(200)).body).toEqual(updated);

      expect((await moderationLog(room.id)).map((entry) => [entry.action, entry.detail])).toEqual([
        ['settings.projector', 'qa'],
        ['settings.qa_review_on', null],
      ]);
      await t
        .as(ann)
        .get(`/api/rooms/${'0'.repeat(24)}/settings`)
        .expect(404);
      await patchSettings('0'.repeat(24), { qaReview: true }).expect(404);
      await patchSettings(room.id, {} as UpdateRoomSettingsRequest).expect(400);
      await patchSettings(room.id, { qaReview: 'yes' } as unknown as UpdateRoomSettingsRequest).expect(400);
    });

    it('shows on the projector only a poll of this room or an initiative past its draft', async () => {
      const room = rooms[5];
      const other = rooms[6];
      const createPoll = async (roomId: string): Promise<Poll> =>
        (
          await t
            .as(moderator)
            .post(`/api/rooms/${roomId}/polls`, {
              question: 'Which first?',
              options: ['Campus', 'Mobility'],
              multiple: false,
              anonymous: false,
            })
            .expect(201)
        ).body;
      const openPoll = async (roomId: string): Promise<Poll> =>
        (
          await t
            .as(moderator)
            .post(`/api/polls/${(await createPoll(roomId)).id}/open`)
            .expect(200)
        ).body;
      const draftInitiative = async (roomId: string): Promise<Initiative> =>
        (
          await t
            .as(ann)
            .post('/api/initiatives', {
              title: 'Shared internships',
              summary: 'Businesses host students for a term',
              roomId,
              partners: [{ organization: 'Sibur', stakeholderGroup: 'business' }],
            })
            .expect(201)
        ).body;
      const project = (kind: string, targetId?: string | null) =>
        patchSettings(room.id, {
          projector: { kind, ...(targetId === undefined ? {} : { targetId }) },
        } as UpdateRoomSettingsRequest);

      const draft = await createPoll(room.id);
      await project('poll', draft.id).expect(409);
      await project('poll', (await openPoll(other.id)).id).expect(404);
      await project('poll', '0'.repeat(24)).expect(404);
      await project('poll').expect(400);
      await project('poll', null).expect(400);
      await project('qa', draft.id).expect(400);
      await project('nothing', draft.id).expect(400);
      await project('screensaver').expect(400);
      const open = await openPoll(room.id);
      expect((await project('poll', open.id).expect(200)).body).toMatchObject({
        projector: { kind: 'poll', targetId: open.id },
      });
      await t.as(moderator).post(`/api/polls/${open.id}/close`).expect(200);
      await project('poll', open.id).expect(200);

      const initiative = await draftInitiative(other.id);
      await project('initiative', initiative.id).expect(409);
      await project('initiative', '0'.repeat(24)).expect(404);
      await t.as(ann).post(`/api/initiatives/${initiative.id}/voting/open`, {}).expect(200);
      // Any room's initiative may be shown: a track room presents what its clusters propose.
      expect((await project('initiative', initiative.id).expect(200)).body).toMatchObject({
        projector: { kind: 'initiative', targetId: initiative.id },
      });
      expect((await project('qa', null).expect(200)).body).toMatchObject({
        projector: { kind: 'qa', targetId: null },
      });

      expect(
        (await moderationLog(room.id))
          .filter((entry) => entry.action === 'settings.projector')
          .map((entry) => [entry.action, entry.detail, entry.subjectId]),
      ).toEqual([
        ['settings.projector', 'qa', null],
        ['settings.projector', 'initiative', initiative.id],
        ['settings.projector', 'poll', open.id],
      ]);
    });

    it('logs every poll and initiative open and close, and each question answered or dismissed, with who and when', async () => {
      const room = rooms[8];
      const since = Date.now();
      const poll = (
        await t
          .as(moderator)
          .post(`/api/rooms/${room.id}/polls`, { question: 'Logged?', options: ['Yes', 'No'] })
          .expect(201)
      ).body as Poll;
      await t.as(moderator).post(`/api/polls/${poll.id}/open`).expect(200);
      await t.as(secondModerator).post(`/api/polls/${poll.id}/close`).expect(200);
      // A refused close changes nothing, so nothing more is logged.
      await t.as(moderator).post(`/api/polls/${poll.id}/close`).expect(409);

      const initiative = (
        await t
          .as(ann)
          .post('/api/initiatives', {
            title: 'Logged internships',
            summary: 'Opened and closed where moderators see it',
            roomId: room.id,
            partners: [{ organization: 'Sibur', stakeholderGroup: 'business' }],
          })
          .expect(201)
      ).body as Initiative;
      await t.as(ann).post(`/api/initiatives/${initiative.id}/voting/open`, {}).expect(200);
      await t.as(moderator).post(`/api/initiatives/${initiative.id}/voting/close`).expect(200);

      const ask = async (text: string): Promise<string> =>
        (
          (
            await t
              .as(bob)
              .post(`/api/rooms/${room.id}/questions`, { text, clientId: unique('question') })
              .expect(201)
          ).body as { id: string }
        ).id;
      const answered = await ask('Who pays for the logged internships?');
      const dismissed = await ask('Is this question logged?');
      await t.as(moderator).patch(`/api/questions/${answered}`, { status: 'answered' }).expect(200);
      await t
        .as(moderator)
        .patch(`/api/questions/${dismissed}`, { status: 'dismissed', reason: 'Off topic' })
        .expect(200);

      const subjects = new Set([poll.id, initiative.id, answered, dismissed]);
      const log = (await moderationLog(room.id)).filter((entry) => subjects.has(entry.subjectId ?? ''));
      expect(log.map((entry) => [entry.action, entry.moderator.id, entry.subjectId])).toEqual([
        ['question.dismissed', moderator.user.id, dismissed],
        ['question.answered', moderator.user.id, answered],
        ['initiative.closed', moderator.user.id, initiative.id],
        ['initiative.opened', ann.user.id, initiative.id],
        ['poll.closed', secondModerator.user.id, poll.id],
        ['poll.opened', moderator.user.id, poll.id],
      ]);
      for (const entry of log) expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(since - 1000);
      expect(log[0].reason).toBe('Off topic');
    });

    it('two moderators changing settings at once end in the state of the last settings.updated event', async () => {
      const room = rooms[7];
      const socket = await t.connect(ann.accessToken);
      const inbox = new Inbox(socket);
      await join(socket, room.id);

      const initial = (await t.as(ann).get(`/api/rooms/${room.id}/settings`).expect(200))
        .body as RoomSettings;
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_unused, index) =>
          patchSettings(
            room.id,
            { qaReview: index % 2 === 0, projector: { kind: index % 3 === 0 ? 'qa' : 'nothing' } },
            index % 2 === 0 ? moderator : secondModerator,
          ).expect(200),
        ),
      );
      const final = (await t.as(ann).get(`/api/rooms/${room.id}/settings`).expect(200)).body as RoomSettings;

      // Live, each event carries the state it made, in the stored order; a replay carries the state now.
      const replay = (await catchUp(socket, room.id, 0)).filter((event) => event.type === 'settings.updated');
      expect(replay.length).toBeGreaterThan(0);
      const lastSeq = replay[replay.length - 1].seq;
      await inbox.waitFor(() => inbox.events.some((event) => event.seq === lastSeq));
      const live = inbox.events.filter((event) => event.type === 'settings.updated');
      expect(live.map((event) => event.seq)).toEqual(replay.map((event) => event.seq));
      const states = live.map((event) => event.payload as RoomSettings);
      expect(states[states.length - 1]).toEqual(final);
      expect(replay.every((event) => JSON.stringify(event.payload) === JSON.stringify(final))).toBe(true);

      // Every answer is a state the room went through; every event is a real change of the one before.
      const known = [initial, ...states].map((state) => JSON.stringify(state));
      for (const response of responses) expect(known).toContain(JSON.stringify(response.body));
      const essence = (state: RoomSettings) => JSON.stringify([state.qaReview, state.projector]);
      const previous = (index: number) => (index === 0 ? initial : states[index - 1]);
      expect(states.filter((state, index) => essence(state) === essence(previous(index)))).toEqual([]);

      // And the log holds one entry per change, the newest matching the final state.
      const log = await moderationLog(room.id);
      const qaLog = log.filter((entry) => entry.action.startsWith('settings.qa_review'));
      const qaFlips = states.filter((state, index) => state.qaReview !== previous(index).qaReview);
      expect(qaLog).toHaveLength(qaFlips.length);
      expect(qaLog[0]?.action).toBe(final.qaReview ? 'settings.qa_review_on' : 'settings.qa_review_off');
      const projectorLog = log.filter((entry) => entry.action === 'settings.projector');
      const projectorMoves = states.filter(
        (state, index) => state.projector.kind !== previous(index).projector.kind,
      );
      expect(projectorLog).toHaveLength(projectorMoves.length);
      expect(projectorLog[0]?.detail ?? 'nothing').toBe(final.projector.kind);
    });
  });
});
