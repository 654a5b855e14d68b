import { getConnectionToken } from '@nestjs/mongoose';
import { DEFAULT_CONSENSUS_RULE } from '@helix/consensus';
import type { Initiative, RegisterRequest, Room, StakeholderGroup } from '@helix/contract';
import { Types, type Connection } from 'mongoose';
import { Inbox, join, send, type Thread } from './support/live';
import {
  bearer,
  emitWithAck,
  startTestApp,
  uniqueDbName,
  type TestApp,
  type TestUser,
} from './support/test-app';

const FAST_SWEEP = { INITIATIVE_SWEEP_MS: '100' };

describe('joint initiatives and consensus voting', () => {
  let t: TestApp;
  let moderator: TestUser;
  let proposer: TestUser;
  let rooms: Room[];

  beforeAll(async () => {
    t = await startTestApp({ env: { ...FAST_SWEEP, RATE_LIMIT_CREATE_PER_MINUTE: '1000' } });
    moderator = await t.moderator({ displayName: 'Chair' });
    proposer = await t.register({
      displayName: 'Irina',
      organization: 'Tomsk State University',
      stakeholderGroup: 'university',
    });
    rooms = await t.rooms(proposer);
  });
  afterAll(() => t.close());

  const propose = async (app: TestApp, user: TestUser, body: object = {}): Promise<Initiative> =>
    (
      await app
        .http()
        .post('/api/initiatives')
        .set(...bearer(user.accessToken))
        .send({
          title: 'Joint campus lab',
          summary: 'A shared lab on campus for city problems.',
          partners: [{ organization: 'Gazprom Neft', stakeholderGroup: 'business' }],
          ...body,
        })
        .expect(201)
    ).body;
  const open = (app: TestApp, user: TestUser, id: string, body: object = {}) =>
    app
      .http()
      .post(`/api/initiatives/${id}/voting/open`)
      .set(...bearer(user.accessToken))
      .send(body);
  const close = (app: TestApp, user: TestUser, id: string) =>
    app
      .http()
      .post(`/api/initiatives/${id}/voting/close`)
      .set(...bearer(user.accessToken));
  const vote = (app: TestApp, user: TestUser, id: string, body: object) =>
    app
      .http()
      .put(`/api/initiatives/${id}/vote`)
      .set(...bearer(user.accessToken))
      .send(body);
  const voters = (app: TestApp, groups: StakeholderGroup[], extra: Partial<RegisterRequest> = {}) =>
    Promise.all(groups.map((stakeholderGroup) => app.register({ stakeholderGroup, ...extra })));
  /** Runs `opening` with the forum's minimum rule lowered to `minimum`, as a moderator sets it for a session. */
  const withMinimum = async (
    app: TestApp,
    chair: TestUser,
    minimum: object,
    opening: () => Promise<unknown>,
  ): Promise<void> => {
    await app.as(chair).patch('/api/consensus-rule', minimum).expect(200);
    try {
      await opening();
    } finally {
      await app.as(chair).patch('/api/consensus-rule', DEFAULT_CONSENSUS_RULE).expect(200);
    }
  };

  it('starts a draft with the proposer’s organisation as first partner and the default rule', async () => {
    const initiative = await propose(t, proposer, {
      partners: [
        { organization: 'Gazprom Neft', stakeholderGroup: 'business' },
        { organization: 'Tomsk State University', stakeholderGroup: 'university' },
      ],
      roomId: rooms[0].id,
    });
    expect(initiative).toMatchObject({
      status: 'draft',
      roomId: rooms[0].id,
      proposer: { id: proposer.user.id, displayName: 'Irina' },
      partners: [
        {
          organization: 'Tomsk State University',
          stakeholderGroup: 'university',
          status: 'confirmed',
          respondedBy: { id: proposer.user.id },
        },
        { organization: 'Gazprom Neft', stakeholderGroup: 'business', status: 'invited', respondedBy: null },
      ],
      joint: false,
      rule: { quorum: 6, minGroups: 3, maxBlocks: 0 },
      tally: { total: 0, byGroup: {} },
      consensus: { reached: false },
      myVote: null,
    });
    expect(initiative.ruleText).toMatch(/at least 6 votes from at least 3 stakeholder groups/);
  });

  it('takes a source only when it names a message of that thread in that room (else 400)', async () => {
    const [room, otherRoom] = rooms;
    const socket = await t.connect(proposer.accessToken);
    await join(socket, room.id);
    const thread = (await t.as(proposer).post(`/api/rooms/${room.id}/threads`, { title: 'Labs' }).expect(201))
      .body as Thread;
    const otherThread = (
      await t.as(proposer).post(`/api/rooms/${room.id}/threads`, { title: 'Other' }).expect(201)
    ).body as Thread;
    const message = await send(socket, {
      roomId: room.id,
      threadId: thread.id,
      text: 'Labs!',
      clientId: 'src-1',
    });
    const gone = await send(socket, {
      roomId: room.id,
      threadId: thread.id,
      text: 'Oops',
      clientId: 'src-2',
    });
    expect(await emitWithAck(socket, 'message:delete', { messageId: gone.id })).toMatchObject({ ok: true });
    const withSource = (source: object) =>
      t.as(proposer).post('/api/initiatives', { title: 'Labs', summary: 'Open labs.', partners: [], source });

    const created = (
      await withSource({ roomId: room.id, threadId: thread.id, messageId: message.id }).expect(201)
    ).body as Initiative;
    expect(created.source).toEqual({ roomId: room.id, threadId: thread.id, messageId: message.id });
    const before = (await t.as(proposer).get('/api/initiatives').expect(200)).body.length;
    for (const source of [
      { roomId: room.id, threadId: thread.id, messageId: '0'.repeat(24) },
      { roomId: room.id, threadId: otherThread.id, messageId: message.id },
      { roomId: otherRoom.id, threadId: thread.id, messageId: message.id },
      { roomId: room.id, threadId: thread.id, messageId: gone.id },
    ]) {
      const refused = await withSource(source).expect(400);
      expect(refused.body.message).toBe('source names no message of that thread and room');
    }
    expect((await t.as(proposer).get('/api/initiatives').expect(200)).body.length).toBe(before);
  });

  it('lets only the proposer edit a draft, the proposer or a moderator open voting, and only moderators close', async () => {
    const other = await t.register();
    const initiative = await propose(t, proposer);
    await t
      .http()
      .patch(`/api/initiatives/${initiative.id}`)
      .set(...bearer(other.accessToken))
      .send({ title: 'Mine now' })
      .expect(403);
    await t
      .http()
      .patch(`/api/initiatives/${initiative.id}`)
      .set(...bearer(moderator.accessToken))
      .send({ title: 'Moderated' })
      .expect(403);
    const edited = await t
      .http()
      .patch(`/api/initiatives/${initiative.id}`)
      .set(...bearer(proposer.accessToken))
      .send({ title: 'Joint campus lab 2' })
      .expect(200);
    expect(edited.body.title).toBe('Joint campus lab 2');
    await open(t, other, initiative.id).expect(403);
    await open(t, proposer, initiative.id, { closesAt: new Date(Date.now() - 1000).toISOString() }).expect(
      400,
    );
    await open(t, proposer, initiative.id, { rule: { groupThreshold: 0.2 } }).expect(400);
    await open(t, proposer, initiative.id).expect(200);
    await open(t, moderator, initiative.id).expect(409);
    await t
      .http()
      .patch(`/api/initiatives/${initiative.id}`)
      .set(...bearer(proposer.accessToken))
      .send({ title: 'Too late' })
      .expect(409);
    await close(t, proposer, initiative.id).expect(403);
    await close(t, moderator, initiative.id).expect(200);
    await close(t, moderator, initiative.id).expect(409);

    const byModerator = await propose(t, proposer);
    await open(t, moderator, byModerator.id).expect(200);
  });

  it('requires a reason and what would have to change to disagree or block, and takes votes only while voting is open', async () => {
    const initiative = await propose(t, proposer);
    const voter = await t.register({ stakeholderGroup: 'government' });
    await vote(t, voter, initiative.id, { position: 'agree' }).expect(409);
    await open(t, proposer, initiative.id).expect(200);
    await vote(t, voter, initiative.id, { position: 'disagree' }).expect(400);
    await vote(t, voter, initiative.id, { position: 'block', reason: '   ', wouldChange: 'x' }).expect(400);
    await vote(t, voter, initiative.id, { position: 'block', reason: 'No budget line for it' }).expect(400);
    await vote(t, voter, initiative.id, {
      position: 'block',
      reason: 'No budget line for it',
      wouldChange: '  ',
    }).expect(400);
    await vote(t, voter, initiative.id, { position: 'maybe' }).expect(400);
    await vote(t, voter, initiative.id, { position: { $ne: 'agree' } }).expect(400);
    const blocked = (
      await vote(t, voter, initiative.id, {
        position: 'block',
        reason: 'No budget line for it',
        wouldChange: 'Name who pays for the lab',
      }).expect(200)
    ).body as Initiative;
    expect(blocked.myVote).toEqual({
      position: 'block',
      reason: 'No budget line for it',
      wouldChange: 'Name who pays for the lab',
      revision: 1,
    });
    expect(blocked.objections).toEqual([
      expect.objectContaining({
        position: 'block',
        reason: 'No budget line for it',
        wouldChange: 'Name who pays for the lab',
        user: expect.objectContaining({ id: voter.user.id }),
      }),
    ]);
    expect(blocked.consensus.unmet).toContain('Blocked: 1 block (Government); at most 0 allowed.');
    const changed = (await vote(t, voter, initiative.id, { position: 'agree' }).expect(200))
      .body as Initiative;
    expect(changed.objections).toEqual([]);
    expect(changed.tally).toEqual({
      total: 1,
      byGroup: { government: { agree: 1, abstain: 0, disagree: 0, block: 0 } },
    });

    const history = await t
      .http()
      .get(`/api/initiatives/${initiative.id}/votes/history`)
      .set(...bearer(moderator.accessToken))
      .expect(200);
    expect(history.body.map((entry: { position: string }) => entry.position)).toEqual(['block', 'agree']);
    await t
      .http()
      .get(`/api/initiatives/${initiative.id}/votes/history`)
      .set(...bearer(voter.accessToken))
      .expect(403);

    await close(t, moderator, initiative.id).expect(200);
    await vote(t, voter, initiative.id, {
      position: 'disagree',
      reason: 'changed my mind',
      wouldChange: 'anything',
    }).expect(409);
  });

  it('explains unmet conditions in the caller’s language', async () => {
    const initiative = await propose(t, proposer);
    await open(t, proposer, initiative.id).expect(200);
    const ru = await t
      .http()
      .get(`/api/initiatives/${initiative.id}`)
      .set(...bearer(proposer.accessToken))
      .set('Accept-Language', 'ru-RU,ru;q=0.9,en;q=0.8')
      .expect(200);
    expect(ru.body.consensus.unmet[0]).toBe('Подано 0 голосов из 6 необходимых.');
    expect(ru.body.ruleText).toMatch(/^Консенсус достигнут/);
  });

  it('adopts with consensus and rejects without it, freezing the tally', async () => {
    const adopted = await propose(t, proposer);
    const rejected = await propose(t, proposer);
    await withMinimum(t, moderator, { quorum: 3 }, async () => {
      await open(t, proposer, adopted.id, { rule: { quorum: 3 } }).expect(200);
      await open(t, proposer, rejected.id, { rule: { quorum: 3 } }).expect(200);
    });
    const gazprom = await t.register({ organization: 'Gazprom Neft', stakeholderGroup: 'business' });
    await t.as(gazprom).post(`/api/initiatives/${adopted.id}/partners/accept`).expect(200);
    const people = await voters(t, ['university', 'business', 'government']);
    for (const person of people) {
      await vote(t, person, adopted.id, { position: 'agree' }).expect(200);
      await vote(t, person, rejected.id, { position: 'agree' }).expect(200);
    }
    await vote(t, people[1], rejected.id, {
      position: 'disagree',
      reason: 'Too costly',
      wouldChange: 'Halve the budget',
    }).expect(200);
    const a = (await close(t, moderator, adopted.id).expect(200)).body as Initiative;
    const r = (await close(t, moderator, rejected.id).expect(200)).body as Initiative;
    expect(a).toMatchObject({
      status: 'adopted',
      consensus: { reached: true, unmet: [] },
      tally: { total: 3 },
    });
    expect(r).toMatchObject({
      status: 'rejected',
      consensus: { reached: false, unmet: ['Business: 0 of 1 agree (0%); at least 67% is needed.'] },
    });
    expect(a.closedAt).not.toBeNull();

    const csv = await t
      .http()
      .get('/api/initiatives/outcome.csv')
      .set(...bearer(proposer.accessToken))
      .buffer(true)
      .expect(200);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.text.slice(1).trim().split('\n');
    expect(lines[0]).toMatch(
      /^title,summary,partners,closed at,votes,agree,abstain,disagree,block,Universities agree,/,
    );
    expect(lines.filter((line) => line.startsWith('Joint campus lab,')).length).toBeGreaterThanOrEqual(1);
    expect(csv.text).toContain('Tomsk State University (Universities); Gazprom Neft (Business)');

    const board = (
      await t
        .http()
        .get('/api/initiatives?status=adopted&group=business')
        .set(...bearer(proposer.accessToken))
        .expect(200)
    ).body as Initiative[];
    expect(board.map((item) => item.id)).toContain(adopted.id);
    const none = (
      await t
        .http()
        .get('/api/initiatives?status=adopted&group=civil_society')
        .set(...bearer(proposer.accessToken))
        .expect(200)
    ).body as Initiative[];
    expect(none.map((item) => item.id)).not.toContain(adopted.id);
    await t
      .http()
      .get('/api/initiatives?status=won')
      .set(...bearer(proposer.accessToken))
      .expect(400);
  });

  it('closes by itself at closesAt and sends the room the outcome', async () => {
    const room = rooms[1];
    const watcher = new Inbox(await t.connect(proposer.accessToken));
    await join(watcher.socket, room.id);
    const initiative = await propose(t, proposer, { roomId: room.id });
    await withMinimum(t, moderator, { quorum: 1, minGroups: 1 }, () =>
      open(t, proposer, initiative.id, {
        closesAt: new Date(Date.now() + 1200).toISOString(),
        rule: { quorum: 1, minGroups: 1 },
      }).expect(200),
    );
    await vote(t, proposer, initiative.id, { position: 'agree' }).expect(200);
    await watcher.waitFor(
      () =>
        watcher.events.some(
          (event) =>
            event.type === 'initiative.updated' && (event.payload as Initiative).status === 'adopted',
        ),
      10_000,
    );
    const closed = (
      await t
        .http()
        .get(`/api/initiatives/${initiative.id}`)
        .set(...bearer(proposer.accessToken))
        .expect(200)
    ).body as Initiative;
    expect(closed).toMatchObject({ status: 'adopted', tally: { total: 1 } });
  });

  it('closes once after a restart, even with two instances sweeping', async () => {
    const dbName = uniqueDbName();
    const first = await startTestApp({ dbName, env: FAST_SWEEP });
    const user = await first.register();
    const room = (
      (
        await first
          .http()
          .get('/api/rooms')
          .set(...bearer(user.accessToken))
      ).body as Room[]
    )[0];
    const initiative = await propose(first, user, { roomId: room.id });
    await withMinimum(first, await first.moderator(), { quorum: 1, minGroups: 1 }, () =>
      open(first, user, initiative.id, {
        closesAt: new Date(Date.now() + 1500).toISOString(),
        rule: { quorum: 1, minGroups: 1 },
      }).expect(200),
    );
    await vote(first, user, initiative.id, { position: 'agree' }).expect(200);
    await first.close(); // the instance that opened it is gone before closesAt

    const [a, b] = await Promise.all([
      startTestApp({ dbName, env: { INITIATIVE_SWEEP_MS: '50' } }),
      startTestApp({ dbName, env: { INITIATIVE_SWEEP_MS: '50' } }),
    ]);
    try {
      const deadline = Date.now() + 15_000;
      let status = 'voting';
      while (status === 'voting' && Date.now() < deadline) {
        await new Promise((done) => setTimeout(done, 100));
        status = (
          await a
            .http()
            .get(`/api/initiatives/${initiative.id}`)
            .set(...bearer(user.accessToken))
        ).body.status;
      }
      expect(status).toBe('adopted');
      const db = a.app.get<Connection>(getConnectionToken());
      const stored = () => db.collection('initiatives').findOne({ _id: new Types.ObjectId(initiative.id) });
      const closed = await stored();
      expect(closed?.['closedBy']).toBe('system');
      await new Promise((done) => setTimeout(done, 500)); // let any second close attempt happen
      // Only one close was written: a second would have stamped another time and counted again.
      expect((await stored())?.['closedAt']).toEqual(closed?.['closedAt']);
      expect((await stored())?.['version']).toBe(closed?.['version']);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('tallies 300 concurrent voters in 4 groups exactly as the stored votes', async () => {
    const initiative = await propose(t, proposer);
    await open(t, proposer, initiative.id).expect(200);
    const groups: StakeholderGroup[] = ['university', 'business', 'government', 'civil_society'];
    const people: TestUser[] = [];
    for (let batch = 0; batch < 6; batch++)
      people.push(
        ...(await voters(
          t,
          Array.from({ length: 50 }, (_, i) => groups[i % 4]),
        )),
      );
    const positions = ['agree', 'abstain', 'disagree', 'block'] as const;
    await Promise.all(
      people.map(async (person, i) => {
        const position = positions[i % 4];
        await vote(t, person, initiative.id, {
          position,
          ...(position === 'agree' || position === 'abstain'
            ? {}
            : { reason: 'reason', wouldChange: 'what would change' }),
        }).expect(200);
        if (i % 3 === 0) await vote(t, person, initiative.id, { position: 'agree' }).expect(200);
      }),
    );
    const closed = (await close(t, moderator, initiative.id).expect(200)).body as Initiative;
    const buckets = await t.app
      .get<Connection>(getConnectionToken())
      .collection('initiative_votes')
      .find({ subjectId: initiative.id })
      .toArray();
    expect(buckets.every((bucket) => bucket['open'] === false)).toBe(true);
    const stored = buckets.flatMap((bucket) => Object.values(bucket['ballots'])) as Array<{
      group: string;
      position: string;
    }>;
    expect(buckets.flatMap((bucket) => bucket['history'])).toHaveLength(400);
    expect(stored).toHaveLength(300);
    expect(closed.tally.total).toBe(300);
    for (const group of groups) {
      for (const position of positions) {
        const recount = stored.filter((row) => row['group'] === group && row['position'] === position).length;
        expect({ group, position, count: closed.tally.byGroup[group]?.[position] }).toEqual({
          group,
          position,
          count: recount,
        });
      }
    }
  });
});
