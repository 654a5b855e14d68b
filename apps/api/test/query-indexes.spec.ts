import { getConnectionToken } from '@nestjs/mongoose';
import type {
  Amendment,
  Forum,
  Initiative,
  Message,
  Poll,
  Question,
  RosterEntry,
  Invitation,
  Statement,
  Thread,
} from '@helix/contract';
import mongoose, { type Connection } from 'mongoose';
import { join, send } from './support/live';
import { ADMIN_EMAIL, emitWithAck, startTestApp, type TestApp, type TestUser } from './support/test-app';

interface Sent {
  collection: string;
  method: string;
  filter: Record<string, unknown>;
  sort: Record<string, unknown>;
  booting: boolean;
}

/** Operations whose first argument is a filter; inserts name no documents to find. */
const FILTERED = new Set([
  'find',
  'findOne',
  'findOneAndUpdate',
  'findOneAndReplace',
  'findOneAndDelete',
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'countDocuments',
  'distinct',
  'aggregate',
]);

const OPERATORS = new Set(['$and', '$or', '$nor']);

/** The top-level fields a filter constrains, looking into $and/$or. */
function filterFields(filter: Record<string, unknown>): string[] {
  return Object.entries(filter).flatMap(([key, value]) =>
    OPERATORS.has(key) && Array.isArray(value)
      ? value.flatMap((part) => filterFields(part as Record<string, unknown>))
      : [key],
  );
}

/**
 * Whether MongoDB answers the query from a declared index rather than a collection scan: an `_id` in the filter,
 * or an index whose first key the filter constrains and which holds every sort key (so nothing is sorted in memory).
 */
function served(query: Sent, indexes: string[][]): boolean {
  const fields = filterFields(query.filter);
  if (fields.includes('_id')) return true;
  return indexes.some(
    (keys) => fields.includes(keys[0]) && Object.keys(query.sort).every((field) => keys.includes(field)),
  );
}

/**
 * Every query the services send must be served by an index on MongoDB (docs/adr/0001-forum-scale.md): after
 * boot, whatever a scenario touching every feature sends is checked against the indexes the schemas declare.
 * Boot passes are full scans by design (one pass per collection, empty filter); after boot none may be.
 */
describe('every query the services send is served by a declared index', () => {
  let t: TestApp;
  const sent: Sent[] = [];
  let booting = true;

  beforeAll(async () => {
    mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
      if (!FILTERED.has(method)) return;
      const [first, , options] = args as [unknown, unknown, { sort?: Record<string, unknown> } | undefined];
      const filter = method === 'aggregate' ? matchOf(first) : ((first ?? {}) as Record<string, unknown>);
      sent.push({ collection, method, filter, sort: options?.sort ?? {}, booting });
    });
    t = await startTestApp({ env: { SOCKET_SEND_LIMIT: '1000:1000', RATE_LIMIT_CREATE_PER_MINUTE: '1000' } });
    booting = false;
  });

  afterAll(async () => {
    mongoose.set('debug', false);
    await t?.close();
  });

  it('sends no query that a declared index does not serve', async () => {
    await runEveryFeature(t);

    const connection = t.app.get<Connection>(getConnectionToken());
    const indexesOf = (collection: string): string[][] => {
      const model = Object.values(connection.models).find(
        (candidate) => candidate.collection.name === collection,
      );
      return (model?.schema.indexes() ?? []).map(([keys]) => Object.keys(keys));
    };
    const serving = sent.filter((query) => !query.booting);
    expect(serving.length).toBeGreaterThan(20);
    const unserved = serving
      .filter((query) => !served(query, indexesOf(query.collection)))
      .map(
        (query) =>
          `${query.collection}.${query.method}(${JSON.stringify(query.filter)}) sort ${JSON.stringify(query.sort)}`,
      );
    expect([...new Set(unserved)]).toEqual([]);
    // Each boot pass reads a whole collection once (find), or asks whether it holds anything (findOne, which
    // stops at the first document); nothing else at boot filters without an index.
    const bootScans = sent.filter((query) => query.booting && !filterFields(query.filter).length);
    expect(bootScans.filter((query) => !['find', 'findOne'].includes(query.method))).toEqual([]);
  });
});

function matchOf(pipeline: unknown): Record<string, unknown> {
  const stage = Array.isArray(pipeline) ? (pipeline as Array<Record<string, unknown>>)[0] : undefined;
  return (stage?.['$match'] as Record<string, unknown> | undefined) ?? {};
}

/** One pass over what people do at a forum, through the public API. */
async function runEveryFeature(t: TestApp): Promise<void> {
  const moderator = await t.moderator({ displayName: 'Moderator' });
  const ann: TestUser = await t.register({ displayName: 'Ann' });
  const bob: TestUser = await t.register({ displayName: 'Bob', stakeholderGroup: 'government' });
  await t.http().post('/api/auth/login').send({ email: ann.user.email, password: ann.password }).expect(200);
  await t
    .http()
    .post('/api/auth/login')
    .send({ email: ann.user.email, password: 'a wrong guess' })
    .expect(401);
  const refreshed = await t
    .http()
    .post('/api/auth/refresh')
    .send({ refreshToken: bob.refreshToken })
    .expect(200);
  await t.as(ann).get('/api/auth/me').expect(200);
  const [room] = await t.rooms(ann);

  const thread = (await t.as(ann).post(`/api/rooms/${room.id}/threads`, { title: 'Indexes' }).expect(201))
    .body as Thread;
  await t.as(ann).get(`/api/rooms/${room.id}/threads`).expect(200);
  const socket = await t.connect(ann.accessToken);
  await join(socket, room.id);
  const message: Message = await send(socket, {
    roomId: room.id,
    threadId: thread.id,
    text: 'First',
    clientId: 'q-1',
  });
  await send(socket, { roomId: room.id, threadId: thread.id, text: 'First', clientId: 'q-1' });
  await emitWithAck(socket, 'message:edit', { messageId: message.id, text: 'First, edited' });
  await emitWithAck(socket, 'reaction:toggle', { messageId: message.id, emoji: '👍' });
  // Mentions and read marks: lists and counts from memory, the mark written by `_id` once flushed.
  await t.as(bob).get(`/api/rooms/${room.id}/mentionable?q=ann`).expect(200);
  await t.as(bob).get('/api/me/mentions').expect(200);
  await t.as(bob).get('/api/me/unread').expect(200);
  await t.as(bob).put(`/api/rooms/${room.id}/read`, { seq: message.seq }).expect(200);
  await new Promise((done) => setTimeout(done, 2_500)); // past the read marks' 2 s flush
  await t
    .as(ann)
    .get(`/api/rooms/${room.id}/messages?threadId=${thread.id}&beforeSeq=99&limit=5`)
    .expect(200);
  await t.as(moderator).post(`/api/messages/${message.id}/hide`, { reason: 'Test' }).expect(200);
  const second: Message = await send(socket, {
    roomId: room.id,
    threadId: thread.id,
    text: 'Second',
    clientId: 'q-2',
  });
  await emitWithAck(socket, 'message:delete', { messageId: second.id });
  await t.as(moderator).patch(`/api/rooms/${room.id}/threads/${thread.id}`, { pinned: true }).expect(200);
  await emitWithAck(socket, 'room:join', { roomId: room.id, sinceSeq: 0 });

  const poll = (
    await t
      .as(moderator)
      .post(`/api/rooms/${room.id}/polls`, { question: 'Which?', options: ['A', 'B'] })
      .expect(201)
  ).body as Poll;
  await t.as(moderator).patch(`/api/polls/${poll.id}`, { question: 'Which one?' }).expect(200);
  await t.as(moderator).post(`/api/polls/${poll.id}/open`).expect(200);
  await t
    .as(ann)
    .post(`/api/polls/${poll.id}/votes`, { optionIds: [poll.options[0].id] })
    .expect(200);
  await emitWithAck(socket, 'poll:vote', { pollId: poll.id, optionIds: [poll.options[1].id] });
  await t.as(ann).get(`/api/rooms/${room.id}/polls`).expect(200);
  await t.as(moderator).post(`/api/polls/${poll.id}/close`).expect(200);
  await t.as(ann).get(`/api/polls/${poll.id}/results.csv`).expect(200);

  await t.as(moderator).patch(`/api/rooms/${room.id}/settings`, { qaReview: true }).expect(200);
  const pending = (
    await t
      .as(ann)
      .post(`/api/rooms/${room.id}/questions`, { text: 'Who pays?', clientId: 'q-q' })
      .expect(201)
  ).body as Question;
  await t.as(moderator).patch(`/api/questions/${pending.id}`, { status: 'approved' }).expect(200);
  await t.as(bob).put(`/api/questions/${pending.id}/upvote`).expect(200);
  await t.as(bob).delete(`/api/questions/${pending.id}/upvote`).expect(200);
  await t.as(ann).get(`/api/rooms/${room.id}/questions`).expect(200);
  await t
    .as(moderator)
    .patch(`/api/rooms/${room.id}/settings`, { projector: { kind: 'poll', targetId: poll.id } });
  const statement = (
    await t
      .as(ann)
      .post(`/api/rooms/${room.id}/statements`, { text: 'Labs for all', clientId: 'q-s' })
      .expect(201)
  ).body as Statement;
  await t.as(moderator).patch(`/api/statements/${statement.id}`, { status: 'approved' }).expect(200);
  await t.as(bob).get(`/api/rooms/${room.id}/statements/next`).expect(200);
  await t.as(bob).post(`/api/statements/${statement.id}/votes`, { vote: 'agree' }).expect(200);
  await t.as(ann).get(`/api/rooms/${room.id}/statements`).expect(200);
  await t.as(ann).get(`/api/rooms/${room.id}/statements/results`).expect(200);
  await t.as(moderator).patch(`/api/statements/${statement.id}`, { status: 'rejected' }).expect(200);
  await t.as(moderator).get(`/api/rooms/${room.id}/moderation-log`).expect(200);

  await t.as(ann).get('/api/consensus-rule').expect(200);
  await t.as(moderator).patch('/api/consensus-rule', { quorum: 1 }).expect(200);
  const initiative = (
    await t
      .as(ann)
      .post('/api/initiatives', {
        title: 'Labs',
        summary: 'Open labs.',
        roomId: room.id,
        partners: [{ organization: 'Tomsk State University', stakeholderGroup: 'government' }],
        source: { roomId: room.id, threadId: thread.id, messageId: message.id },
      })
      .expect(201)
  ).body as Initiative;
  await t.as(ann).patch(`/api/initiatives/${initiative.id}`, { summary: 'Open the labs.' }).expect(200);
  await t.as(bob).post(`/api/initiatives/${initiative.id}/partners/accept`).expect(200);
  await t.as(bob).post(`/api/initiatives/${initiative.id}/partners/decline`).expect(200);
  await t.as(ann).post(`/api/initiatives/${initiative.id}/voting/open`, {}).expect(200);
  await t.as(bob).put(`/api/initiatives/${initiative.id}/vote`, { position: 'agree' }).expect(200);
  await t
    .as(bob)
    .put(`/api/initiatives/${initiative.id}/vote`, {
      position: 'block',
      reason: 'No budget',
      wouldChange: 'Name who pays',
    })
    .expect(200);
  const amendment = (
    await t
      .as(bob)
      .post(`/api/initiatives/${initiative.id}/amendments`, {
        summary: 'Open the labs; the region pays.',
        answersObjections: [bob.user.id],
        rationale: 'Says who pays',
        clientId: 'amendment-1',
      })
      .expect(201)
  ).body as Amendment;
  await t
    .as(ann)
    .post(`/api/initiatives/${initiative.id}/amendments/${amendment.id}/accept`, { reason: 'Agreed' })
    .expect(200);
  await t.as(ann).get(`/api/initiatives/${initiative.id}/amendments`).expect(200);
  await t.as(ann).get(`/api/initiatives?status=voting&roomId=${room.id}`).expect(200);
  await t.as(moderator).get(`/api/initiatives/${initiative.id}/votes/history`).expect(200);
  await t.as(moderator).post(`/api/initiatives/${initiative.id}/voting/close`).expect(200);
  await t.as(ann).get('/api/initiatives/outcome.csv').expect(200);

  // The whole-forum export finds the forum's documents in the read models and reads them by `_id`.
  const admin = (
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: ADMIN_EMAIL, password: 'correct horse battery' })
      .expect(200)
  ).body as TestUser;
  const [forum] = (await t.as(ann).get('/api/forums').expect(200)).body as Forum[];
  await t.as(admin).get(`/api/forums/${forum.id}/export`).expect(200);

  // A roster import finds known e-mails in memory, writes in batches; a badge is read by `_id`, and its
  // revocation finds the sessions it started by the sign-ins' `entryId` index.
  const rosterPath = `/api/forums/${forum.id}/roster`;
  const rosterCsv = `name,email,organization,group\nAnn,${ann.user.email},City Hall,government\nNew,new-roster@helix.test,NGO,civil society`;
  await t.as(admin).post(`${rosterPath}?dryRun=true`, { format: 'csv', content: rosterCsv }).expect(200);
  await t.as(admin).post(rosterPath, { format: 'csv', content: rosterCsv }).expect(200);
  const [badge] = (await t.as(admin).get(rosterPath).expect(200)).body as RosterEntry[];
  await t
    .http()
    .post('/api/badges/sign-in')
    .send({ token: badge.badgeToken, deviceId: '6f0c2b8e-3c4d-4a5b-9c6d-7e8f9a0b1c2d' })
    .expect(200);
  await t.as(admin).delete(`${rosterPath}/${badge.id}/badge`).expect(204);
  await t.as(admin).post(`${rosterPath}/${badge.id}/badge`).expect(200);
  // Invitations are read and written by `_id`, listed from memory.
  const invitation = (
    await t
      .as(admin)
      .post(`/api/forums/${forum.id}/invitations`, {
        role: 'moderator',
        roomIds: [room.id],
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        maxUses: 2,
        clientId: 'indexes',
      })
      .expect(201)
  ).body as Invitation;
  const token = new URL(invitation.link).pathname.split('/').pop();
  await t.http().post('/api/invitations/preview').send({ token }).expect(200);
  await t.as(bob).post('/api/invitations/accept', { token }).expect(200);
  await t.as(admin).get(`/api/forums/${forum.id}/invitations`).expect(200);
  await t.as(admin).post(`/api/invitations/${invitation.id}/revoke`).expect(200);

  await t
    .http()
    .post('/api/auth/logout')
    .send({ refreshToken: (refreshed.body as { refreshToken: string }).refreshToken })
    .expect(204);
}
