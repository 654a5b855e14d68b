import type { AuthResponse, Room, SystemStatus, Thread } from '@helix/contract';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { startApiProcess, type ApiProcess } from './support/api-process';
import {
  ADMIN_EMAIL,
  startTestApp,
  TEST_JWT_SECRET,
  testMongoUri,
  uniqueDbName,
  type TestApp,
} from './support/test-app';

const METRICS_TOKEN = 'metrics-token-for-the-observability-test';
const PASSWORD = 'a password nobody logs 42';

interface LogLine {
  level: number;
  msg?: string;
  requestId?: string;
  userId?: string;
  roomId?: string;
  event?: string;
  status?: string;
  durationMs?: number;
  res?: { status: number };
  versions?: Record<string, unknown>;
  config?: Record<string, unknown>;
}

function logLines(api: ApiProcess): LogLine[] {
  return api
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

async function untilLogged(api: ApiProcess, match: (line: LogLine) => boolean): Promise<LogLine> {
  for (let i = 0; i < 100; i++) {
    const line = logLines(api).find(match);
    if (line) return line;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('no such log line');
}

function emit<T>(socket: Socket, event: string, payload: unknown): Promise<T & { ok: boolean }> {
  return socket.timeout(10_000).emitWithAck(event, payload) as Promise<T & { ok: boolean }>;
}

/** A sample's value in Prometheus' text format, e.g. `helix_room_joins_total` or `x{a="b"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('logs and metrics of the built API in production mode', () => {
  let api: ApiProcess;
  let session: AuthResponse;
  let room: Room;
  let thread: Thread;
  let socket: Socket;
  let metrics: string;

  beforeAll(async () => {
    api = await startApiProcess({
      NODE_ENV: 'production',
      // Production refuses the fast hash; the standard one is fine for the one account here.
      PASSWORD_HASH_COST: undefined,
      MONGODB_URI: testMongoUri(uniqueDbName()),
      METRICS_TOKEN,
      SOCKET_SEND_LIMIT: '2:0.01',
    });
    session = (
      await request(api.url)
        .post('/api/auth/register')
        .send({
          email: 'observed@helix.test',
          password: PASSWORD,
          displayName: 'Observed',
          organization: 'O',
          stakeholderGroup: 'business',
        })
        .expect(201)
    ).body as AuthResponse;
    const auth = ['Authorization', `Bearer ${session.accessToken}`] as const;
    room = (
      (
        await request(api.url)
          .get('/api/rooms')
          .set(...auth)
      ).body as Room[]
    )[0];
    thread = (
      await request(api.url)
        .post(`/api/rooms/${room.id}/threads`)
        .set(...auth)
        .set('X-Request-Id', 'req-from-the-proxy-1')
        .send({ title: 'Observed' })
        .expect(201)
    ).body as Thread;
    socket = io(api.url, { auth: { token: session.accessToken }, transports: ['websocket'] });
    await new Promise<void>((done, fail) => {
      socket.once('connect', done);
      socket.once('connect_error', fail);
    });
    expect((await emit(socket, 'room:join', { roomId: room.id, sinceSeq: 0 })).ok).toBe(true);
    const sends = [1, 2, 3].map((i) =>
      emit(socket, 'message:send', {
        roomId: room.id,
        threadId: thread.id,
        text: `m${i}`,
        clientId: `c${i}`,
      }),
    );
    expect((await Promise.all(sends)).map((ack) => ack.ok)).toEqual([true, true, false]);
    metrics = (
      await request(api.url).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200)
    ).text;
  });

  afterAll(async () => {
    socket?.disconnect();
    await api?.kill('SIGTERM');
  });

  it('logs JSON lines: a startup line with versions and configuration, requests and socket events with their ids', async () => {
    const startup = await untilLogged(api, (line) => line.msg === 'Helix is starting');
    expect(startup.versions).toMatchObject({ helix: expect.any(String), schema: expect.any(Number) });
    expect(startup.config).toMatchObject({ NODE_ENV: 'production', METRICS_TOKEN: 'set' });

    const created = await untilLogged(api, (line) => line.requestId === 'req-from-the-proxy-1');
    expect(created).toMatchObject({ userId: session.user.id, roomId: room.id, res: { status: 201 } });
    expect(created.durationMs).toEqual(expect.any(Number));

    const sent = await untilLogged(api, (line) => line.event === 'message:send' && line.status === 'ok');
    expect(sent).toMatchObject({ userId: session.user.id, roomId: room.id, requestId: expect.any(String) });
    expect(sent.durationMs).toEqual(expect.any(Number));
    await untilLogged(api, (line) => line.event === 'message:send' && line.status === 'RATE_LIMITED');
  });

  it('answers the request id back', async () => {
    const response = await request(api.url).get('/api/health/live').set('X-Request-Id', 'abc-42').expect(200);
    expect(response.headers['x-request-id']).toBe('abc-42');
    expect((await request(api.url).get('/api/health/live')).headers['x-request-id']).toMatch(/^[\w-]{36}$/);
  });

  it('writes no password, token or secret into the log', () => {
    const output = api.output();
    for (const secret of [
      PASSWORD,
      session.accessToken,
      session.refreshToken,
      TEST_JWT_SECRET,
      METRICS_TOKEN,
    ])
      expect(output).not.toContain(secret);
  });

  it('exposes each metric after a short scenario', () => {
    for (const name of [
      'nodejs_eventloop_lag_seconds',
      'process_resident_memory_bytes',
      'helix_sockets_connected',
      'helix_room_queue_depth',
      'helix_room_queues_busy',
      'helix_redis_adapter_up',
      'helix_database_up',
      'helix_polls_open',
      'helix_initiatives_open',
      'helix_room_seq_conflicts_total',
    ])
      expect({ name, value: sample(metrics, name) }).toEqual({ name, value: expect.any(Number) });
    expect(sample(metrics, 'helix_sockets_connected')).toBe(1);
    expect(sample(metrics, 'helix_database_up')).toBe(1);
    expect(sample(metrics, 'helix_room_joins_total')).toBe(1);
    expect(sample(metrics, 'helix_room_events_appended_total{type="message.created"}')).toBe(2);
    expect(sample(metrics, 'helix_room_append_duration_seconds_count')).toBeGreaterThanOrEqual(3);
    expect(sample(metrics, 'helix_room_fanout_seconds_count{origin="local"}')).toBeGreaterThanOrEqual(3);
    expect(sample(metrics, 'helix_rate_limited_total{limiter="socket:send"}')).toBe(1);
    expect(
      sample(
        metrics,
        'helix_http_requests_total{method="POST",route="/api/rooms/:roomId/threads",status="201"}',
      ),
    ).toBe(1);
    expect(sample(metrics, 'helix_socket_events_total{event="message:send",outcome="RATE_LIMITED"}')).toBe(1);
    expect(
      sample(metrics, 'helix_database_command_duration_seconds_count{command="insert"}'),
    ).toBeGreaterThan(0);
    expect(metrics).toContain('helix_room_catchup_events_total');
  });

  it('refuses /metrics without the bearer token', async () => {
    await request(api.url).get('/metrics').expect(401);
    await request(api.url)
      .get('/metrics')
      .set('Authorization', 'Bearer wrong-token-of-some-length')
      .expect(401);
  });
});

describe('an instance without METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('has metrics off', async () => {
    await t.http().get('/metrics').expect(404);
  });

  it('tells admins, and only admins, its state for the system page', async () => {
    const admin = await t.register({ email: ADMIN_EMAIL });
    const socket = await t.connect(admin.accessToken);
    const status = (await t.as(admin).get('/api/admin/system').expect(200)).body as SystemStatus;
    expect(status).toMatchObject({
      version: expect.any(String),
      schemaVersion: 1,
      sockets: 1,
      database: 'up',
      redis: 'not configured',
      draining: false,
      lastBackup: null,
    });
    socket.disconnect();
    await t
      .as(await t.register())
      .get('/api/admin/system')
      .expect(403);
  });
});
