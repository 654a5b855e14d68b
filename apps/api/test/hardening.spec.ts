import type { AuthResponse, Poll, Room } from '@helix/contract';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { findFreePort } from '@helix/api/embedded-db';
import { WEB_CLIENT_STUB, WORKSPACE_ROOT } from './support/paths';
import { Inbox, join as joinRoom } from './support/live';
import {
  bearer,
  emitWithAck,
  startTestApp,
  testMongoUri,
  uniqueDbName,
  TEST_JWT_SECRET,
  type TestApp,
  type TestUser,
} from './support/test-app';

/** The parts of socket.io-client's engine a test writes raw packets with. */
interface EngineSocket {
  write(data: string): void;
  on(event: 'message', listener: (data: string) => void): void;
  off(event: 'message', listener: (data: string) => void): void;
}

describe('hardening against hostile input and load', () => {
  let t: TestApp;
  let moderator: TestUser;
  let rooms: Room[];

  beforeAll(async () => {
    t = await startTestApp({ env: { CORS_ORIGINS: 'https://forum.example' } });
    moderator = await t.moderator();
    rooms = await t.rooms(moderator);
  });
  afterAll(() => t.close());

  const openPoll = async (): Promise<Poll> => {
    const poll = (
      await t
        .http()
        .post(`/api/rooms/${rooms[0].id}/polls`)
        .set(...bearer(moderator.accessToken))
        .send({ question: 'Q?', options: ['a', 'b'] })
        .expect(201)
    ).body as Poll;
    await t
      .http()
      .post(`/api/polls/${poll.id}/open`)
      .set(...bearer(moderator.accessToken))
      .expect(200);
    return poll;
  };

  describe('rate limits keyed on the person, with the IP only a loose bound', () => {
    it('lets 500 people sign up and vote from one address within a minute', async () => {
      const poll = await openPoll();
      const people: TestUser[] = [];
      for (let batch = 0; batch < 10; batch++)
        people.push(...(await Promise.all(Array.from({ length: 50 }, () => t.register()))));
      const votes = await Promise.all(
        people.map((person) =>
          t
            .http()
            .post(`/api/polls/${poll.id}/votes`)
            .set(...bearer(person.accessToken))
            .send({ optionIds: [poll.options[0].id] }),
        ),
      );
      expect(votes.filter((vote) => vote.status !== 200)).toEqual([]);
      const result = (
        await t
          .http()
          .get(`/api/polls/${poll.id}`)
          .set(...bearer(moderator.accessToken))
      ).body as Poll;
      expect(result.voters).toBe(500);
    });

    it('throttles a client flooding votes over REST while others still vote', async () => {
      const poll = await openPoll();
      const [flooder, other] = await Promise.all([t.register(), t.register()]);
      const flood = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          t
            .http()
            .post(`/api/polls/${poll.id}/votes`)
            .set(...bearer(flooder.accessToken))
            .send({ optionIds: [poll.options[i % 2].id] }),
        ),
      );
      expect(flood.filter((response) => response.status === 429).length).toBeGreaterThanOrEqual(25);
      await t
        .http()
        .post(`/api/polls/${poll.id}/votes`)
        .set(...bearer(other.accessToken))
        .send({ optionIds: [poll.options[0].id] })
        .expect(200);
    });

    it('throttles a socket flood per person, across all of their tabs', async () => {
      const limited = await startTestApp({ env: { SOCKET_SEND_LIMIT: '10:1' } });
      try {
        const mod = await limited.moderator();
        const room = (
          (
            await limited
              .http()
              .get('/api/rooms')
              .set(...bearer(mod.accessToken))
          ).body as Room[]
        )[0];
        const poll = (
          await limited
            .http()
            .post(`/api/rooms/${room.id}/polls`)
            .set(...bearer(mod.accessToken))
            .send({ question: 'Q?', options: ['a', 'b'] })
        ).body as Poll;
        await limited
          .http()
          .post(`/api/polls/${poll.id}/open`)
          .set(...bearer(mod.accessToken))
          .expect(200);
        const flooder = await limited.register();
        const tabs = await Promise.all([
          limited.connect(flooder.accessToken),
          limited.connect(flooder.accessToken),
        ]);
        const acks = await Promise.all(
          Array.from({ length: 30 }, (_, i) =>
            emitWithAck(tabs[i % 2], 'poll:vote', { pollId: poll.id, optionIds: [poll.options[0].id] }),
          ),
        );
        expect(acks.filter((ack) => ack.ok)).toHaveLength(10);
        expect(
          acks
            .filter((ack) => !ack.ok)
            .every((ack) => ack.error?.code === 'RATE_LIMITED' && ack.error.retryable),
        ).toBe(true);
        const other = await limited.connect((await limited.register()).accessToken);
        expect(
          await emitWithAck(other, 'poll:vote', { pollId: poll.id, optionIds: [poll.options[1].id] }),
        ).toMatchObject({ ok: true });
      } finally {
        await limited.close();
      }
    });
  });

  it('answers an oversized socket event with TOO_LARGE and keeps the socket', async () => {
    const user = await t.register();
    const socket = await t.connect(user.accessToken);
    const ack = await emitWithAck(socket, 'room:join', { roomId: rooms[0].id, padding: 'x'.repeat(200_000) });
    expect(ack).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', retryable: false } });
    expect(socket.connected).toBe(true);
    expect(await emitWithAck(socket, 'room:join', { roomId: rooms[0].id })).toMatchObject({ ok: true });
  });

  it('answers a socket payload nested 100,000 deep with VALIDATION and keeps the socket', async () => {
    const user = await t.register();
    const socket = await t.connect(user.accessToken);
    const poll = await openPoll();
    // No JSON.stringify can build this (it recurses), so the packet is written as Socket.IO's wire text:
    // an event with ack id 7, as a hostile client would send it.
    const depth = 100_000;
    const nested = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    const packet = `27["poll:vote",{"pollId":"${poll.id}","optionIds":["${poll.options[0].id}"],"x":${nested}}]`;
    const engine = (socket as unknown as { io: { engine: EngineSocket } }).io.engine;
    const answer = new Promise<string>((resolve) => {
      const onMessage = (data: string) => {
        if (!data.startsWith('37[')) return;
        engine.off('message', onMessage);
        resolve(data.slice(2));
      };
      engine.on('message', onMessage);
    });
    engine.write(packet);
    const [ack] = JSON.parse(await answer) as [{ ok: boolean; error?: { code: string } }];
    expect(ack).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(socket.connected).toBe(true);
    expect(
      await emitWithAck(socket, 'poll:vote', { pollId: poll.id, optionIds: [poll.options[0].id] }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('ends the live sockets of a session at logout, and only of that session', async () => {
    const user = await t.register();
    const second = (
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: user.user.email, password: user.password })
        .expect(200)
    ).body as AuthResponse;
    const loggedOut = new Inbox(await t.connect(user.accessToken));
    const stays = new Inbox(await t.connect(second.accessToken));
    await joinRoom(loggedOut.socket, rooms[2].id);
    await joinRoom(stays.socket, rooms[2].id);
    const ended = new Promise<void>((resolve) => loggedOut.socket.once('session:expired', () => resolve()));
    await t.http().post('/api/auth/logout').send({ refreshToken: user.refreshToken }).expect(204);
    await ended;
    await loggedOut.waitFor(() => !loggedOut.socket.connected);
    expect(stays.socket.connected).toBe(true);
  });

  it.each([
    ['a query operator', (roomId: string) => t.http().get(`/api/rooms/${roomId}/messages?threadId[$ne]=x`)],
    ['a query operator on a filter', () => t.http().get('/api/initiatives?status[$ne]=draft')],
    [
      'a $where body',
      () => t.http().post('/api/initiatives').send({ title: 'x', summary: 'y', $where: 'sleep(1000)' }),
    ],
    ['an operator as an id', () => t.http().get('/api/polls/%7B%22%24ne%22%3A1%7D')],
    [
      'an operator in a nested field',
      () =>
        t
          .http()
          .post('/api/initiatives')
          .send({
            title: 'x',
            summary: 'y',
            partners: [{ organization: { $gt: '' }, stakeholderGroup: 'business' }],
          }),
    ],
  ])('refuses %s with 400', async (_case, send) => {
    const response = await send(rooms[0].id).set(...bearer(moderator.accessToken));
    expect(response.status).toBe(400);
  });

  it('sends a strict Content-Security-Policy, upgrading only HTTPS, and CORS only for CORS_ORIGINS', async () => {
    const response = await t.http().get('/api/health').set('Origin', 'https://evil.example');
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    // Over plain HTTP (a phone on the venue's network) nothing may be upgraded to an https nobody serves.
    expect(csp).not.toContain('upgrade-insecure-requests');
    const page = await t.http().get('/r/tomsk-track').set('X-Forwarded-Proto', 'https').expect(200);
    expect(page.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const allowed = await t.http().get('/api/health').set('Origin', 'https://forum.example');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://forum.example');
  });

  it('never writes a password or a token into its logs', async () => {
    const port = await findFreePort();
    const output: string[] = [];
    const child = spawn(process.execPath, [join(WORKSPACE_ROOT, 'dist/apps/api/main.js')], {
      cwd: WORKSPACE_ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        MONGODB_URI: testMongoUri(uniqueDbName()),
        JWT_SECRET: TEST_JWT_SECRET,
        PASSWORD_HASH_COST: 'fast',
        HELIX_WEB_DIR: WEB_CLIENT_STUB,
        // Every request logged, so the check below sees what a production log holds.
        LOG_LEVEL: 'info',
      },
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    try {
      const url = `http://127.0.0.1:${port}`;
      for (
        let i = 0;
        i < 300 &&
        !(await fetch(`${url}/api/health`).then(
          (r) => r.ok,
          () => false,
        ));
        i++
      )
        await new Promise((done) => setTimeout(done, 100));
      const password = 'very secret passphrase 42';
      const registered = (
        await request(url)
          .post('/api/auth/register')
          .send({
            email: 'logs@helix.test',
            password,
            displayName: 'L',
            organization: 'O',
            stakeholderGroup: 'business',
          })
          .expect(201)
      ).body as AuthResponse;
      await request(url)
        .post('/api/auth/login')
        .send({ email: 'logs@helix.test', password: `${password} wrong` })
        .expect(401);
      const refreshed = (
        await request(url)
          .post('/api/auth/refresh')
          .send({ refreshToken: registered.refreshToken })
          .expect(200)
      ).body;
      await request(url)
        .post('/api/auth/refresh')
        .send({ refreshToken: registered.refreshToken.slice(0, -2) + 'xx' })
        .expect(401);
      await request(url)
        .get('/api/auth/me')
        .set('Authorization', `Bearer ${registered.accessToken}x`)
        .expect(401);
      await request(url).post('/api/auth/logout').send({ refreshToken: refreshed.refreshToken }).expect(204);
      const logs = output.join('');
      expect(logs).toContain('Helix is ready');
      for (const secret of [
        password,
        registered.refreshToken,
        registered.accessToken,
        refreshed.refreshToken,
        refreshed.accessToken,
        TEST_JWT_SECRET,
      ]) {
        expect(logs).not.toContain(secret);
      }
    } finally {
      child.kill('SIGKILL');
    }
  });
});
