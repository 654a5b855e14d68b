import type { AuthResponse, Message, MessagePage, Room, RoomEvent, Thread } from '@helix/contract';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { startRedis, type TestRedis } from './support/redis';
import { testMongoUri, uniqueDbName } from './support/test-app';

const ADMIN = 'admin@races.test';
const ROUNDS = 12;

type Ack = { ok: boolean; message?: Message; error?: { code: string } };

/**
 * An edit on one instance racing a hide or a delete on the other: whichever comes first, once the hide or
 * delete is acknowledged the text is gone everywhere, and an edit that came after it is refused, because
 * the condition the change was decided on is in the update's filter.
 */
describe('an edit on one instance racing a hide or a delete on the other never brings the text back', () => {
  let redis: TestRedis;
  let a: ApiProcess;
  let b: ApiProcess;
  let ann: AuthResponse;
  let moderator: AuthResponse;
  let room: Room;
  let thread: Thread;
  const sockets: Socket[] = [];

  const register = async (email: string): Promise<AuthResponse> =>
    (
      await request(a.url)
        .post('/api/auth/register')
        .send({
          email,
          password: 'racing the moderator',
          displayName: email.split('@')[0],
          organization: 'Tomsk State University',
          stakeholderGroup: 'university',
        })
        .expect(201)
    ).body as AuthResponse;

  const connect = (url: string, user: AuthResponse): Promise<Socket> => {
    const socket = io(url, { auth: { token: user.accessToken }, transports: ['websocket'], forceNew: true });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  };

  beforeAll(async () => {
    redis = await startRedis();
    const env = {
      MONGODB_URI: testMongoUri(uniqueDbName()),
      REDIS_URL: redis.url,
      ADMIN_EMAILS: ADMIN,
      RATE_LIMIT_CREATE_PER_MINUTE: '1000',
    };
    [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
    moderator = await register(ADMIN);
    ann = await register('ann@races.test');
    room = (
      (await request(a.url).get('/api/rooms').set('Authorization', `Bearer ${ann.accessToken}`))
        .body as Room[]
    )[0];
    thread = (
      await request(a.url)
        .post(`/api/rooms/${room.id}/threads`)
        .set('Authorization', `Bearer ${ann.accessToken}`)
        .send({ title: 'Races' })
        .expect(201)
    ).body as Thread;
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await Promise.all([a?.kill('SIGTERM'), b?.kill('SIGTERM')]);
    await redis?.stop();
  });

  const page = async (url: string): Promise<Message[]> =>
    (
      (
        await request(url)
          .get(`/api/rooms/${room.id}/messages?threadId=${thread.id}&limit=100`)
          .set('Authorization', `Bearer ${ann.accessToken}`)
          .expect(200)
      ).body as MessagePage
    ).items;

  it.each(['message:hide', 'message:delete'])(
    'an edit on A racing %s on B: acknowledged, the text is gone on both, in pages and catch-up',
    async (removal) => {
      const [annOnA, moderatorOnB] = await Promise.all([connect(a.url, ann), connect(b.url, moderator)]);
      const removed: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const sent = (await annOnA.timeout(10_000).emitWithAck('message:send', {
          roomId: room.id,
          threadId: thread.id,
          text: `Original ${removal} ${round}`,
          clientId: `${removal.replace(':', '-')}-${round}`,
        })) as Ack;
        expect(sent.ok).toBe(true);
        const messageId = (sent.message as Message).id;
        // B must know the message before its moderator can act on it.
        for (let i = 0; !(await page(b.url)).some((item) => item.id === messageId); i++) {
          if (i > 100) throw new Error('B never saw the message');
          await new Promise((done) => setTimeout(done, 20));
        }
        const [edit, removal_] = (await Promise.all([
          annOnA
            .timeout(10_000)
            .emitWithAck('message:edit', { messageId, text: `EDITED ${removal} ${round}` }),
          moderatorOnB.timeout(10_000).emitWithAck(removal, { messageId, reason: 'Off topic' }),
        ])) as [Ack, Ack];
        expect(removal_.ok).toBe(true);
        expect(edit.ok || edit.error?.code === 'CONFLICT').toBe(true);
        removed.push(messageId);
      }

      for (const url of [a.url, b.url]) {
        let items: Message[] = [];
        for (let i = 0; i < 50; i++) {
          items = (await page(url)).filter((item) => removed.includes(item.id));
          if (items.length === ROUNDS && items.every((item) => item.text === '')) break;
          await new Promise((done) => setTimeout(done, 100));
        }
        expect(items.map((item) => item.text)).toEqual(removed.map(() => ''));
        for (const item of items)
          expect(removal === 'message:hide' ? item.hidden : item.deleted).toBeTruthy();
        const replay = (await (url === a.url ? annOnA : moderatorOnB)
          .timeout(10_000)
          .emitWithAck('room:join', { roomId: room.id, sinceSeq: 0 })) as { missed: RoomEvent[] };
        expect(JSON.stringify(replay.missed)).not.toContain(`EDITED ${removal}`);
        expect(JSON.stringify(replay.missed)).not.toContain(`Original ${removal}`);
      }
    },
  );
});
