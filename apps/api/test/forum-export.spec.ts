import type {
  AuthResponse,
  Forum,
  Initiative,
  MessagePage,
  Poll,
  PublicOutcome,
  Room,
  Thread,
} from '@helix/contract';
import { getConnectionToken } from '@nestjs/mongoose';
import { Types, type Connection } from 'mongoose';
import type { Test } from 'supertest';
import { gunzipSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { startApiProcess } from './support/api-process';
import { startRedis } from './support/redis';
import {
  bearer,
  startTestApp,
  testMongoUri,
  uniqueDbName,
  type TestApp,
  type TestUser,
} from './support/test-app';

const ADMIN = { email: 'admin@helix.test', displayName: 'Admin' };
const ENV = { RATE_LIMIT_CREATE_PER_MINUTE: '1000' };

/** Collects a binary download (supertest buffers only text by default). */
const binary = (test: Test): Test =>
  test.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });

describe('whole-forum export: one archive from instance A, imported into instance B', () => {
  let a: TestApp;
  let b: TestApp;
  let adminA: TestUser;
  let adminB: TestUser;
  let participant: TestUser;
  /** What the first case exported, and what B answered from it. */
  let exported: { archive: Buffer; forumId: string; roomId: string; threadId: string; page: MessagePage };

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApp({ env: ENV }), startTestApp({ env: ENV })]);
    [adminA, adminB] = await Promise.all([a.register(ADMIN), b.register(ADMIN)]);
    participant = await a.register({ displayName: 'Pavel' });
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('B answers the same rooms, thread page, poll results and initiative tally; participants get 403; again is 409', async () => {
    const forum = (
      await a
        .as(adminA)
        .post('/api/forums', {
          slug: 'export-fair',
          title: { en: 'Export fair', ru: 'Ярмарка экспорта' },
          description: { en: 'Kept for the report.', ru: 'Для отчёта.' },
          startsAt: new Date(Date.now() - 3_600_000).toISOString(),
          endsAt: new Date(Date.now() + 86_400_000).toISOString(),
          timeZone: 'Asia/Tomsk',
        })
        .expect(201)
    ).body as Forum;
    const rooms: Room[] = [];
    for (const title of ['Labs', 'Campus'])
      rooms.push(
        (
          await a
            .as(adminA)
            .post(`/api/forums/${forum.id}/rooms`, {
              kind: 'track',
              title: { en: title, ru: title },
              description: { en: `About ${title}.`, ru: `О теме ${title}.` },
              keyQuestions: { en: ['Why?'], ru: ['Зачем?'] },
            })
            .expect(201)
        ).body as Room,
      );
    const seed = ((await a.as(adminA).get('/api/forums').expect(200)).body as Forum[]).find(
      (candidate) => candidate.status === 'live',
    );
    if (seed) await a.as(adminA).post(`/api/forums/${seed.id}/close`).expect(200);
    await a.as(adminA).post(`/api/forums/${forum.id}/open`).expect(200);
    const [room] = rooms;

    const thread = (
      await a.as(participant).post(`/api/rooms/${room.id}/threads`, { title: 'Weekend labs' }).expect(201)
    ).body as Thread;
    for (const [index, text] of ['First', 'Second', 'Третье'].entries())
      await a
        .as(participant)
        .post(`/api/rooms/${room.id}/messages`, { threadId: thread.id, text, clientId: `m-${index}` })
        .expect(201);
    const poll = (
      await a
        .as(adminA)
        .post(`/api/rooms/${room.id}/polls`, { question: 'Weekend labs?', options: ['Yes', 'No'] })
        .expect(201)
    ).body as Poll;
    await a.as(adminA).post(`/api/polls/${poll.id}/open`).expect(200);
    await a
      .as(participant)
      .post(`/api/polls/${poll.id}/votes`, { optionIds: [poll.options[0].id] })
      .expect(200);
    await a
      .as(adminA)
      .post(`/api/polls/${poll.id}/votes`, { optionIds: [poll.options[1].id] })
      .expect(200);
    const closed = (await a.as(adminA).post(`/api/polls/${poll.id}/close`).expect(200)).body as Poll;
    const initiative = (
      await a
        .as(participant)
        .post('/api/initiatives', { title: 'Open labs', summary: 'Two labs on Saturdays.', roomId: room.id })
        .expect(201)
    ).body as Initiative;
    await a.as(participant).post(`/api/initiatives/${initiative.id}/voting/open`, {}).expect(200);
    await a.as(participant).put(`/api/initiatives/${initiative.id}/vote`, { position: 'agree' }).expect(200);
    await a
      .as(adminA)
      .put(`/api/initiatives/${initiative.id}/vote`, {
        position: 'disagree',
        reason: 'Too costly.',
        wouldChange: 'Halve the budget.',
      })
      .expect(200);

    const seen = async (t: TestApp, as: TestUser) => ({
      rooms: (await t.as(as).get(`/api/rooms?forumId=${forum.id}`).expect(200)).body as Room[],
      page: (await t.as(as).get(`/api/rooms/${room.id}/messages?threadId=${thread.id}`).expect(200))
        .body as MessagePage,
      poll: (await t.as(as).get(`/api/polls/${poll.id}`).expect(200)).body as Poll,
      // The thread the poll's close opened, with its result.
      result: (
        await t.as(as).get(`/api/rooms/${room.id}/messages?threadId=${closed.resultThreadId}`).expect(200)
      ).body as MessagePage,
      tally: ((await t.as(as).get(`/api/initiatives/${initiative.id}`).expect(200)).body as Initiative).tally,
    });
    const before = await seen(a, adminA);
    expect(before.page.items.map((message) => message.text)).toEqual(['First', 'Second', 'Третье']);
    expect(before.poll.voters).toBe(2);
    expect(before.result.items.map((message) => message.attachment?.poll.voters)).toEqual([2]);

    await binary(a.as(participant).get(`/api/forums/${forum.id}/export`)).expect(403);
    const download = await binary(a.as(adminA).get(`/api/forums/${forum.id}/export`)).expect(200);
    expect(download.headers['content-disposition']).toMatch(
      /helix-forum-export-fair-\d{4}-\d{2}-\d{2}\.ndjson\.gz/,
    );
    const archive = download.body as Buffer;
    const lines = gunzipSync(archive).toString('utf8').trim().split('\n');
    const manifest = JSON.parse(lines[0]) as { collections: Record<string, number>; reports: string[] };
    expect(manifest.collections).toMatchObject({
      forums: 1,
      rooms: 2,
      // The participant's thread and the poll's result thread, with their messages.
      threads: 2,
      messages: 4,
      polls: 1,
      poll_ballots: 16,
      initiatives: 1,
      initiative_votes: 16,
    });
    expect(manifest.collections['room_events']).toBeGreaterThan(5);
    expect(manifest.reports).toEqual([`poll-${poll.id}-results.csv`, 'forum-outcome.csv']);

    const importInto = (t: TestApp, as: TestUser, body: Buffer) =>
      t.as(as).post('/api/forums/import').set('Content-Type', 'application/gzip').send(body);

    const wrongVersion = [
      JSON.stringify({ ...JSON.parse(lines[0]), schemaVersion: 999 }),
      ...lines.slice(1),
    ].join('\n');
    await importInto(b, adminB, gzipSync(wrongVersion)).expect(400);
    await importInto(b, await b.register({ displayName: 'Not an admin' }), archive).expect(403);
    const imported = (await importInto(b, adminB, archive).expect(201)).body as Forum;
    expect(imported).toMatchObject({ id: forum.id, slug: 'export-fair', status: 'closed' });

    const after = await seen(b, adminB);
    expect(after.rooms).toEqual(before.rooms);
    expect(after.page).toEqual(before.page);
    expect(after.result).toEqual(before.result);
    expect({ ...after.poll, myVote: null }).toEqual({ ...before.poll, myVote: null });
    expect(after.tally).toEqual(before.tally);
    // Imported live, it arrives as closing leaves a forum: its outcome public, with the poll's results.
    const outcome = (await b.http().get('/api/public/forums/export-fair/outcome').expect(200))
      .body as PublicOutcome;
    expect(outcome.polls.map((closed) => [closed.id, closed.voters])).toEqual([[poll.id, 2]]);

    exported = { archive, forumId: forum.id, roomId: room.id, threadId: thread.id, page: after.page };
    await importInto(b, adminB, archive).expect(409);
    await importInto(a, adminA, archive).expect(409);

    // All or nothing: a copy under a new id, slug and join code, whose rooms exist already, leaves no forum.
    const copyId = new Types.ObjectId().toHexString();
    const copy = lines.map((line, index) => {
      const parsed = JSON.parse(line) as { forumId?: string; c?: string; d?: Record<string, unknown> };
      if (index === 0) return JSON.stringify({ ...parsed, forumId: copyId });
      if (parsed.c !== 'forums') return line;
      return JSON.stringify({
        c: 'forums',
        d: { ...parsed.d, _id: { $oid: copyId }, slug: 'export-copy', joinCode: 'QX7K2M' },
      });
    });
    await importInto(a, adminA, gzipSync(copy.join('\n'))).expect(409);
    const forumsA = a.app.get<Connection>(getConnectionToken()).collection('forums');
    expect(await forumsA.findOne({ _id: new Types.ObjectId(copyId) })).toBeNull();
    await a.as(adminA).get(`/api/forums/${copyId}`).expect(404);
  });

  it('with several instances, the others read the imported forum too, without a restart', async () => {
    const redis = await startRedis();
    const env = {
      MONGODB_URI: testMongoUri(uniqueDbName()),
      REDIS_URL: redis.url,
      ADMIN_EMAILS: ADMIN.email,
    };
    const [one, two] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
    try {
      const admin = (
        await request(one.url)
          .post('/api/auth/register')
          .send({
            ...ADMIN,
            password: 'correct horse battery',
            organization: 'TSU',
            stakeholderGroup: 'university',
          })
          .expect(201)
      ).body as AuthResponse;
      const { archive, forumId, roomId, threadId, page } = exported;
      await request(one.url)
        .post('/api/forums/import')
        .set(...bearer(admin.accessToken))
        .set('Content-Type', 'application/gzip')
        .send(archive)
        .expect(201);
      const deadline = Date.now() + 10_000;
      let seen = await request(two.url)
        .get(`/api/forums/${forumId}`)
        .set(...bearer(admin.accessToken));
      while (seen.status !== 200 && Date.now() < deadline) {
        await new Promise((done) => setTimeout(done, 100));
        seen = await request(two.url)
          .get(`/api/forums/${forumId}`)
          .set(...bearer(admin.accessToken));
      }
      expect(seen.body).toMatchObject({ id: forumId, status: 'closed' });
      const answered = await request(two.url)
        .get(`/api/rooms/${roomId}/messages?threadId=${threadId}`)
        .set(...bearer(admin.accessToken))
        .expect(200);
      expect(answered.body).toEqual(page);
    } finally {
      await Promise.all([one.kill('SIGTERM'), two.kill('SIGTERM')]);
      await redis.stop();
    }
  });
});
