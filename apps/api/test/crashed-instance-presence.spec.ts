import type { AuthResponse, PresencePayload, Room, RoomJoinAck } from '@helix/contract';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { startRedis, type TestRedis } from './support/redis';
import { testMongoUri, uniqueDbName } from './support/test-app';

/** How soon the people of a crashed instance must leave the rooms the others show. */
const GONE_WITHIN_MS = 8_000;

describe('the people of a crashed instance leave the rooms of the others', () => {
  let redis: TestRedis;
  let a: ApiProcess;
  let b: ApiProcess;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    const env = { MONGODB_URI: testMongoUri(uniqueDbName()), REDIS_URL: redis.url };
    [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await Promise.all([a?.kill('SIGTERM'), b?.kill('SIGTERM')]);
    await redis?.stop();
  });

  const register = async (url: string, name: string): Promise<AuthResponse> =>
    (
      await request(url)
        .post('/api/auth/register')
        .send({
          email: `${name}@presence.test`,
          password: 'present and correct',
          displayName: name,
          organization: 'Tomsk State University',
          stakeholderGroup: 'university',
        })
        .expect(201)
    ).body as AuthResponse;

  const inRoom = async (url: string, user: AuthResponse, roomId: string) => {
    // No reconnection: a client of the killed instance must not come back on its own.
    const socket = io(url, {
      auth: { token: user.accessToken },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    const lists: PresencePayload[] = [];
    socket.on('presence', (payload: PresencePayload) => lists.push(payload));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const ack = (await socket.timeout(10_000).emitWithAck('room:join', { roomId })) as RoomJoinAck & {
      ok: boolean;
    };
    expect(ack.ok).toBe(true);
    return { socket, present: (): string[] => lists.at(-1)?.users.map((u) => u.displayName) ?? [] };
  };

  const waitUntil = async (holds: () => boolean, withinMs: number, what: string): Promise<number> => {
    const started = Date.now();
    while (!holds()) {
      if (Date.now() - started > withinMs) throw new Error(`${what}: not within ${withinMs} ms`);
      await new Promise((done) => setTimeout(done, 50));
    }
    return Date.now() - started;
  };

  it('shows someone on a SIGKILLed instance gone within a few seconds, with nobody else moving', async () => {
    const [ann, bob] = [await register(a.url, 'Ann'), await register(a.url, 'Bob')];
    const room = (
      (await request(a.url).get('/api/rooms').set('Authorization', `Bearer ${ann.accessToken}`))
        .body as Room[]
    )[0];
    const annOnA = await inRoom(a.url, ann, room.id);
    await inRoom(b.url, bob, room.id);
    await waitUntil(() => annOnA.present().includes('Bob'), 10_000, 'Ann sees Bob on the other instance');

    await b.kill('SIGKILL');
    await waitUntil(() => !annOnA.present().includes('Bob'), GONE_WITHIN_MS, 'Bob leaves the room A shows');
    expect(annOnA.present()).toEqual(['Ann']);
  });
});
