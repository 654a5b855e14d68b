import type {
  NextStatement,
  Room,
  RoomEvent,
  StakeholderGroup,
  Statement,
  StatementResults,
  StatementVote,
} from '@helix/contract';
import { randomBytes } from 'node:crypto';
import { Inbox, join } from './support/live';
import { startTestApp, type TestApp, type TestUser } from './support/test-app';

const clientId = (): string => `s-${randomBytes(6).toString('hex')}`;
const UNKNOWN_ID = '0'.repeat(24);

describe('statements that bridge groups', () => {
  let t: TestApp;
  let moderator: TestUser;
  let ann: TestUser;
  let bob: TestUser;
  let rooms: Room[];

  const env = { SOCKET_SEND_LIMIT: '1000:1000', RATE_LIMIT_CREATE_PER_MINUTE: '1000' };

  beforeAll(async () => {
    t = await startTestApp({ env });
    moderator = await t.moderator({ displayName: 'Moderator' });
    [ann, bob] = await Promise.all([
      t.register({ displayName: 'Ann', stakeholderGroup: 'university' }),
      t.register({ displayName: 'Bob', stakeholderGroup: 'business' }),
    ]);
    rooms = await t.rooms(ann);
  });
  afterAll(() => t.close());

  const submit = (user: TestUser, roomId: string, text: string) =>
    t.as(user).post(`/api/rooms/${roomId}/statements`, { clientId: clientId(), text });
  const submitted = async (user: TestUser, roomId: string, text: string): Promise<Statement> =>
    (await submit(user, roomId, text).expect(201)).body;
  const list = async (user: TestUser, roomId: string): Promise<Statement[]> =>
    (await t.as(user).get(`/api/rooms/${roomId}/statements`).expect(200)).body;
  const moderate = (user: TestUser, statementId: string, status: 'approved' | 'rejected') =>
    t.as(user).patch(`/api/statements/${statementId}`, { status });
  const vote = (user: TestUser, statementId: string, value: StatementVote | string) =>
    t.as(user).post(`/api/statements/${statementId}/votes`, { vote: value });
  const next = async (user: TestUser, roomId: string): Promise<NextStatement> =>
    (await t.as(user).get(`/api/rooms/${roomId}/statements/next`).expect(200)).body;
  const results = async (user: TestUser, roomId: string): Promise<StatementResults> =>
    (await t.as(user).get(`/api/rooms/${roomId}/statements/results`).expect(200)).body;

  it('keeps a participant’s statement from the room until a moderator approves it', async () => {
    const room = rooms[0];
    const inbox = new Inbox(await t.connect(bob.accessToken));
    await join(inbox.socket, room.id);
    const pending = await submitted(ann, room.id, '  Labs should open to small firms  ');
    expect(pending).toMatchObject({ text: 'Labs should open to small firms', status: 'pending', mine: true });
    expect((await list(bob, room.id)).map((s) => s.id)).not.toContain(pending.id);
    expect((await list(ann, room.id)).map((s) => s.id)).toContain(pending.id);
    expect((await list(moderator, room.id)).map((s) => s.id)).toContain(pending.id);
    await vote(bob, pending.id, 'agree').expect(404);

    await moderate(ann, pending.id, 'approved').expect(403);
    const approved = (await moderate(moderator, pending.id, 'approved').expect(200)).body as Statement;
    expect(approved.status).toBe('approved');
    expect((await list(bob, room.id)).map((s) => s.id)).toContain(pending.id);
    const shown = (): RoomEvent[] => inbox.events.filter((event) => event.type.startsWith('statement.'));
    await inbox.waitFor(() => shown().some((event) => event.type === 'statement.updated'));
    // Bob heard of it only as a notice while it waited, and as text once approved.
    expect(shown().map((event) => event.type)).toEqual(['statement.pending', 'statement.updated']);
    expect(JSON.stringify(shown()[0].payload)).not.toContain('small firms');

    const rejected = await submitted(ann, room.id, 'Something off topic');
    await moderate(moderator, rejected.id, 'rejected').expect(200);
    await vote(ann, rejected.id, 'agree').expect(409);
    await moderate(moderator, rejected.id, 'approved').expect(409);
    inbox.socket.disconnect();
  });

  it('takes one vote per person; a bad vote is a 400 that changes nothing', async () => {
    const room = rooms[1];
    const statement = await submitted(moderator, room.id, 'Shared data beats private data');
    expect(statement.status).toBe('approved');
    const refused = await vote(bob, statement.id, 'maybe').expect(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION' });
    await t.as(bob).post(`/api/statements/${statement.id}/votes`, { vote: 'agree', extra: 1 }).expect(400);
    await vote(bob, UNKNOWN_ID, 'agree').expect(404);
    expect((await list(bob, room.id))[0].votes).toEqual({ agree: 0, disagree: 0, pass: 0 });

    const voted = (await vote(bob, statement.id, 'disagree').expect(200)).body as Statement;
    expect(voted).toMatchObject({ myVote: 'disagree', votes: { agree: 0, disagree: 1, pass: 0 } });
    const again = await vote(bob, statement.id, 'agree').expect(409);
    expect(again.body.message).toMatch(/already voted/);
    expect((await list(bob, room.id))[0]).toMatchObject({
      myVote: 'disagree',
      votes: { disagree: 1, agree: 0 },
    });
  });

  it('offers next the statement with the fewest votes that the voter has not seen, then none', async () => {
    const room = rooms[2];
    const first = await submitted(moderator, room.id, 'First statement');
    const second = await submitted(moderator, room.id, 'Second statement');
    await vote(bob, first.id, 'agree').expect(200);
    // The first has a vote, the second none: the second comes first even though it is newer.
    expect(await next(ann, room.id)).toMatchObject({ statement: { id: second.id }, remaining: 2, voted: 0 });
    await vote(ann, second.id, 'pass').expect(200);
    expect(await next(ann, room.id)).toMatchObject({ statement: { id: first.id }, remaining: 1, voted: 1 });
    await vote(ann, first.id, 'agree').expect(200);
    expect(await next(ann, room.id)).toEqual({ statement: null, remaining: 0, voted: 2 });
  });

  it('recomputes the results at most every two seconds while votes come in', async () => {
    const room = rooms[3];
    const statement = await submitted(moderator, room.id, 'Results are throttled');
    await vote(ann, statement.id, 'agree').expect(200);
    const before = await results(bob, room.id);
    expect(before.votes).toBe(1);
    await vote(bob, statement.id, 'agree').expect(200);
    const soon = await results(ann, room.id);
    expect(soon).toEqual(before);
    await new Promise((done) => setTimeout(done, 2_100));
    const later = await results(ann, room.id);
    expect(later.votes).toBe(2);
    expect(later.computedAt > before.computedAt).toBe(true);
    // Nothing changed since: the same computation, however long ago.
    await new Promise((done) => setTimeout(done, 2_100));
    expect(await results(ann, room.id)).toEqual(later);
  });

  it('finds, for 30 people in 4 groups, the bridging statement and the opinion groups computed by hand', async () => {
    const room = rooms[4];
    // Camp X: 8 university, 4 business, 3 government; camp Y: 4 business, 4 government, 7 civil society.
    const camps: Array<{ camp: 'x' | 'y'; group: StakeholderGroup; count: number }> = [
      { camp: 'x', group: 'university', count: 8 },
      { camp: 'x', group: 'business', count: 4 },
      { camp: 'x', group: 'government', count: 3 },
      { camp: 'y', group: 'business', count: 4 },
      { camp: 'y', group: 'government', count: 4 },
      { camp: 'y', group: 'civil_society', count: 7 },
    ];
    const people = (
      await Promise.all(
        camps.flatMap(({ camp, group, count }) =>
          Array.from({ length: count }, async () => ({
            camp,
            group,
            user: await t.register({ stakeholderGroup: group }),
          })),
        ),
      )
    ).flat();
    expect(people).toHaveLength(30);
    const texts = ['x1', 'x2', 'x3', 'y1', 'y2', 'y3', 'bridge', 'campus'];
    const statements: Record<string, Statement> = {};
    for (const text of texts) statements[text] = await submitted(moderator, room.id, `Statement ${text}`);
    /** x-statements camp X agrees with and Y rejects, y-statements the reverse; all agree on `bridge`; only university on `campus`. */
    const voteOf = (person: (typeof people)[number], text: string): StatementVote => {
      if (text === 'bridge') return 'agree';
      if (text === 'campus') return person.group === 'university' ? 'agree' : 'disagree';
      return text.startsWith(person.camp) ? 'agree' : 'disagree';
    };
    // Each person votes one statement at a time, in the order the API offers them.
    await Promise.all(
      people.map(async (person) => {
        for (let offered = await next(person.user, room.id); offered.statement;) {
          const text = offered.statement.text.replace('Statement ', '');
          await vote(person.user, offered.statement.id, voteOf(person, text)).expect(200);
          offered = await next(person.user, room.id);
        }
      }),
    );
    await new Promise((done) => setTimeout(done, 2_100));
    const found = await results(ann, room.id);
    expect(found).toMatchObject({ participants: 30, votes: 240 });

    // (agree_g + 1) / (seen_g + 2) per group: university 9/10, business 9/10, government 8/9, civil society 8/9.
    const [first, ...rest] = found.consensus;
    expect(first).toMatchObject({ id: statements.bridge.id, supportedByAll: true });
    expect(first.consensus).toBeCloseTo((9 / 10) * (9 / 10) * (8 / 9) * (8 / 9), 10);
    expect(rest.every((entry) => !entry.supportedByAll)).toBe(true);
    const campus = found.consensus.find((entry) => entry.id === statements.campus.id);
    expect(campus?.consensus).toBeCloseTo((9 / 10) * (1 / 10) * (1 / 9) * (1 / 9), 10);
    expect(campus?.byGroup.university).toEqual({ agree: 8, disagree: 0, pass: 0, seen: 8 });

    // Three vote patterns, so three groups, each of identical voters (silhouette 1): camp Y; within camp X,
    // the university (which alone backs `campus`) apart from the business and government people who do not.
    const opinion = found.opinion;
    expect(opinion).toMatchObject({ placed: 30 });
    expect(opinion?.silhouette).toBeCloseTo(1, 10);
    expect(opinion?.points).toHaveLength(30);
    expect(opinion?.groups.map((group) => [group.size, group.byStakeholderGroup])).toEqual([
      [15, { business: 4, government: 4, civil_society: 7 }],
      [8, { university: 8 }],
      [7, { business: 4, government: 3 }],
    ]);
    const [campY, university] = opinion?.groups ?? [];
    expect(campY.representative.map((entry) => [entry.text, entry.direction])).toEqual(
      expect.arrayContaining([
        ['Statement x1', 'disagree'],
        ['Statement y1', 'agree'],
      ]),
    );
    // The university agrees 8 of 8 on `campus`: share 9/10; outside it 0 of 22: 1/24; ratio 21.6.
    expect(university.representative[0]).toMatchObject({ text: 'Statement campus', direction: 'agree' });
    expect(university.representative[0].share).toBeCloseTo(0.9, 10);
    expect(university.representative[0].ratio).toBeCloseTo(21.6, 10);
    for (const group of opinion?.groups ?? [])
      expect(group.representative.map((entry) => entry.text)).not.toContain('Statement bridge');
  });

  it('reads every statement and vote back at boot, and the results come out the same', async () => {
    const room = rooms[4];
    await new Promise((done) => setTimeout(done, 2_100));
    const [statements, before] = [await list(moderator, room.id), await results(ann, room.id)];
    expect(before.votes).toBe(240);
    await t.close();
    t = await startTestApp({ dbName: t.dbName, env });
    expect(await list(moderator, room.id)).toEqual(statements);
    const after = await results(ann, room.id);
    expect({ ...after, computedAt: null }).toEqual({ ...before, computedAt: null });
    // The votes are there, not only their count: a second one is still refused.
    await vote(ann, statements[0].id, 'agree').expect(200);
    await vote(ann, statements[0].id, 'agree').expect(409);
  });
});
