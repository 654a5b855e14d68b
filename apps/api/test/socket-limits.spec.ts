import type { Room, Thread } from '@helix/contract';
import { SOCKET_BUCKET_SIZES, SOCKET_EVENT_BUCKETS } from '@helix/api/realtime';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import * as ts from 'typescript';
import { gatewayEvents } from './support/gateway-events';
import { Inbox, join } from './support/live';
import { WORKSPACE_ROOT } from './support/paths';
import { emitWithAck, startTestApp, type TestApp, type TestSocket, type TestUser } from './support/test-app';

// Next to no refill during a test, so the number of events let through is exactly the burst.
const SEND_BURST = 20;
const randomId = (): string => randomBytes(12).toString('hex');

/** The member names of `ClientToServerEvents` as libs/contract declares them. */
function contractClientEvents(): string[] {
  const file = joinPath(WORKSPACE_ROOT, 'libs/contract/src/lib/realtime.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const events: string[] = [];
  source.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'ClientToServerEvents') return;
    for (const member of node.members) {
      if (member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) {
        events.push(member.name.text);
      }
    }
  });
  return events.sort();
}

describe('socket event limits, per person, before any handler', () => {
  let t: TestApp;
  let room: Room;
  let thread: Thread;

  beforeAll(async () => {
    t = await startTestApp({ env: { SOCKET_SEND_LIMIT: `${SEND_BURST}:0.001` } });
    const host = await t.register();
    [room] = await t.rooms(host);
    thread = (await t.as(host).post(`/api/rooms/${room.id}/threads`, { title: 'Limits' }).expect(201))
      .body as Thread;
  });
  afterAll(() => t?.close());

  const deleteMissing = (socket: TestSocket) =>
    emitWithAck(socket, 'message:delete', { messageId: randomId() });

  it('answers a flood of deletes of a missing message: the burst normally, the rest RATE_LIMITED, others unaffected', async () => {
    const [flooder, other] = await Promise.all([t.register(), t.register()]);
    const socket = await t.connect(flooder.accessToken);
    const otherSocket = await t.connect(other.accessToken);

    const flood = Promise.all(Array.from({ length: 400 }, () => deleteMissing(socket)));
    const history = t.as(other).get(`/api/rooms/${room.id}/messages?threadId=${thread.id}`);
    const [acks, historyResponse, otherAck] = await Promise.all([flood, history, deleteMissing(otherSocket)]);

    expect(acks.slice(0, SEND_BURST)).toEqual(
      Array.from({ length: SEND_BURST }, () =>
        expect.objectContaining({ error: expect.objectContaining({ code: 'NOT_FOUND' }) }),
      ),
    );
    expect(acks.slice(SEND_BURST)).toEqual(
      Array.from({ length: 400 - SEND_BURST }, () => ({
        ok: false,
        error: { code: 'RATE_LIMITED', message: 'Too fast; wait a moment and try again', retryable: true },
      })),
    );
    expect(historyResponse.status).toBe(200);
    expect(otherAck).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('shares one person’s buckets between their sockets, so a new tab brings no fresh one', async () => {
    const person = await t.register();
    const firstTab = await t.connect(person.accessToken);
    const firstAcks = await Promise.all(Array.from({ length: SEND_BURST }, () => deleteMissing(firstTab)));
    expect(firstAcks.every((ack) => ack.error?.code === 'NOT_FOUND')).toBe(true);

    const secondTab = await t.connect(person.accessToken);
    expect(await deleteMissing(secondTab)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await deleteMissing(firstTab)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  it('counts events sent without an ack, and events no gateway handles', async () => {
    const person = await t.register();
    const socket = await t.connect(person.accessToken);
    const raw = socket as unknown as { emit(event: string, ...args: unknown[]): void };
    for (let i = 0; i < SEND_BURST; i++) raw.emit('message:delete', { messageId: randomId() });
    for (let i = 0; i < SOCKET_BUCKET_SIZES.general.burst; i++) raw.emit('no:such:event', {});

    expect(await deleteMissing(socket)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await emitWithAck(socket, 'no:such:event', {})).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', retryable: true },
    });
    // Each kind of event has its own bucket: joining a room still works.
    await join(socket, room.id);
  });

  it('limits joins and renewals too, and words the error in the socket’s language', async () => {
    const person = await t.register();
    const socket = await t.connect(person.accessToken, { lang: 'ru' });
    const joins = await Promise.all(
      Array.from({ length: SOCKET_BUCKET_SIZES.room.burst + 5 }, () =>
        emitWithAck(socket, 'room:join', { roomId: room.id }),
      ),
    );
    expect(joins.slice(0, SOCKET_BUCKET_SIZES.room.burst).every((ack) => ack.ok)).toBe(true);
    expect(joins.slice(SOCKET_BUCKET_SIZES.room.burst)).toEqual(
      Array.from({ length: 5 }, () => ({
        ok: false,
        error: {
          code: 'RATE_LIMITED',
          message: 'Слишком быстро; подождите немного и повторите',
          retryable: true,
        },
      })),
    );

    const renewals = await Promise.all(
      Array.from({ length: SOCKET_BUCKET_SIZES.session.burst + 1 }, () =>
        emitWithAck(socket, 'session:renew', { token: person.accessToken }),
      ),
    );
    expect(renewals.filter((ack) => ack.ok)).toHaveLength(SOCKET_BUCKET_SIZES.session.burst);
    expect(renewals.at(-1)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  it('drops typing over its limit with an ok ack, so nobody retries it', async () => {
    const [typist, reader]: TestUser[] = await Promise.all([t.register(), t.register()]);
    const socket = await t.connect(typist.accessToken);
    const inbox = new Inbox(await t.connect(reader.accessToken));
    await join(socket, room.id);
    await join(inbox.socket, room.id);

    const burst = SOCKET_BUCKET_SIZES.typing.burst;
    const acks = await Promise.all(
      Array.from({ length: burst + 10 }, () =>
        emitWithAck(socket, 'typing', { roomId: room.id, threadId: thread.id }),
      ),
    );
    expect(acks.every((ack) => ack.ok)).toBe(true);
    await inbox.waitFor(() => inbox.typing.length >= burst);
    // Once the reader has the allowed ones, a message sent after them shows nothing more came through.
    await emitWithAck(socket, 'message:send', {
      roomId: room.id,
      threadId: thread.id,
      text: 'after typing',
      clientId: randomId(),
    });
    await inbox.waitFor(() => inbox.messages().some((message) => message.text === 'after typing'));
    expect(inbox.typing).toHaveLength(burst);
  });

  it('has a bucket for every client event of the contract and of the gateways, and none for others', () => {
    const contract = contractClientEvents();
    const handled = gatewayEvents(t.app);
    // The scans themselves must find the events, or this test would pass on nothing.
    expect(contract).toContain('message:send');
    expect(handled).toContain('poll:vote');
    const table = Object.keys(SOCKET_EVENT_BUCKETS).sort();
    expect({ contractWithoutRow: contract.filter((event) => !table.includes(event)) }).toEqual({
      contractWithoutRow: [],
    });
    expect({ handlerWithoutRow: handled.filter((event) => !table.includes(event)) }).toEqual({
      handlerWithoutRow: [],
    });
    expect({ rowWithoutEvent: table.filter((event) => !contract.includes(event)) }).toEqual({
      rowWithoutEvent: [],
    });
  });
});
