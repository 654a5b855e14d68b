import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { catchUp, join, send } from './support/live';
import { startTestApp, uniqueDbName, type TestApp } from './support/test-app';

/**
 * A restart reads each room's log from its chunks and the few newer events (FerretDB decodes every value it
 * reads, so boot must not read 100,000 events one by one); what a client then catches up is the whole log.
 */
describe('the room log after a restart', () => {
  const dbName = uniqueDbName();
  const env = { SOCKET_SEND_LIMIT: '100000:100000', RATE_LIMIT_CREATE_PER_MINUTE: '1000' };
  let t: TestApp;

  afterEach(() => t?.close());

  it('is read back whole from its chunks and newer events, and from an older database without chunks', async () => {
    t = await startTestApp({ dbName, env });
    const user = await t.register();
    const [room] = await t.rooms(user);
    const thread = (await t.as(user).post(`/api/rooms/${room.id}/threads`, { title: 'Long' }).expect(201))
      .body;
    const socket = await t.connect(user.accessToken);
    await join(socket, room.id);
    // 1 thread + 1,099 messages: two full chunks of 500 and 100 newer events.
    for (let i = 0; i < 1_099; i++)
      await send(socket, { roomId: room.id, threadId: thread.id, text: `m${i}`, clientId: `m${i}` });
    const before = await catchUp(socket, room.id, 0);
    expect(before.map((event) => event.seq)).toEqual(Array.from({ length: 1_100 }, (_, i) => i + 1));
    const db = t.app.get<Connection>(getConnectionToken());
    await new Promise((done) => setTimeout(done, 200)); // chunks are written just after their last event
    expect(await db.collection('room_log_chunks').countDocuments({ roomId: room.id })).toBe(2);
    await t.close();

    const restartAndCatchUp = async () => {
      t = await startTestApp({ dbName, env });
      const again = await t.connect(user.accessToken);
      return catchUp(again, room.id, 0);
    };
    const after = await restartAndCatchUp();
    expect(after).toEqual(before);

    // A database from before chunks: every event is read once, and the chunks are written for next time.
    const raw = t.app.get<Connection>(getConnectionToken());
    await raw.collection('room_log_chunks').deleteMany({});
    await raw.collection('room_log_channels').deleteMany({});
    await t.close();
    expect(await restartAndCatchUp()).toEqual(before);
    await new Promise((done) => setTimeout(done, 500));
    expect(
      await t.app
        .get<Connection>(getConnectionToken())
        .collection('room_log_chunks')
        .countDocuments({ roomId: room.id }),
    ).toBe(2);
  });
});
