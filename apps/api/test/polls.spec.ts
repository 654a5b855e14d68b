import { getConnectionToken } from '@nestjs/mongoose';
import { COALESCE_INTERVAL_MS } from '@helix/api/realtime';
import type { Poll, Room } from '@helix/contract';
import type { Connection } from 'mongoose';
import { Inbox, join } from './support/live';
import { bearer, emitWithAck, startTestApp, type TestApp, type TestUser } from './support/test-app';

describe('live polls', () => {
  let t: TestApp;
  let moderator: TestUser;
  let ann: TestUser;
  let rooms: Room[];

  beforeAll(async () => {
    t = await startTestApp({ env: { SOCKET_SEND_LIMIT: '1000:1000', RATE_LIMIT_CREATE_PER_MINUTE: '1000' } });
    moderator = await t.moderator({ displayName: 'Moderator' });
    ann = await t.register({ displayName: 'Ann' });
    rooms = await t.rooms(ann);
  });
  afterAll(() => t.close());

  const draft = async (body: object = {}, roomId = rooms[0].id): Promise<Poll> =>
    (
      await t
        .http()
        .post(`/api/rooms/${roomId}/polls`)
        .set(...bearer(moderator.accessToken))
        .send({ question: 'Which first?', options: ['Campus', 'Mobility', 'Labour market'], ...body })
        .expect(201)
    ).body;
  const action = (user: TestUser, pollId: string, verb: 'open' | 'close') =>
    t
      .http()
      .post(`/api/polls/${pollId}/${verb}`)
      .set(...bearer(user.accessToken));
  const vote = (user: TestUser, pollId: string, optionIds: string[]) =>
    t
      .http()
      .post(`/api/polls/${pollId}/votes`)
      .set(...bearer(user.accessToken))
      .send({ optionIds });

  it('lets only moderators draft, edit, open and close polls', async () => {
    await t
      .http()
      .post(`/api/rooms/${rooms[0].id}/polls`)
      .set(...bearer(ann.accessToken))
      .send({ question: 'Q', options: ['a', 'b'] })
      .expect(403);
    const poll = await draft();
    expect(poll).toMatchObject({
      status: 'draft',
      multiple: false,
      anonymous: false,
      voters: 0,
      myVote: null,
      byGroup: {},
    });
    expect(poll.options.map((option) => option.label)).toEqual(['Campus', 'Mobility', 'Labour market']);
    await t
      .http()
      .patch(`/api/polls/${poll.id}`)
      .set(...bearer(ann.accessToken))
      .send({ question: 'Mine?' })
      .expect(403);
    const edited = await t
      .http()
      .patch(`/api/polls/${poll.id}`)
      .set(...bearer(moderator.accessToken))
      .send({ question: 'Which first, really?' })
      .expect(200);
    expect(edited.body.question).toBe('Which first, really?');
    await action(ann, poll.id, 'open').expect(403);
    // Participants do not see drafts.
    await t
      .http()
      .get(`/api/polls/${poll.id}`)
      .set(...bearer(ann.accessToken))
      .expect(404);
    const listed = (
      await t
        .http()
        .get(`/api/rooms/${rooms[0].id}/polls`)
        .set(...bearer(ann.accessToken))
        .expect(200)
    ).body as Poll[];
    expect(listed.map((item) => item.id)).not.toContain(poll.id);
    expect((await action(moderator, poll.id, 'open').expect(200)).body.status).toBe('open');
    await action(ann, poll.id, 'close').expect(403);
    expect((await action(moderator, poll.id, 'close').expect(200)).body.status).toBe('closed');
  });

  it('answers state conflicts with 409', async () => {
    const poll = await draft();
    // A draft is not shown to participants: voting on one looks like voting on nothing.
    await vote(ann, poll.id, [poll.options[0].id]).expect(404);
    await action(moderator, poll.id, 'close').expect(409);
    await action(moderator, poll.id, 'open').expect(200);
    await action(moderator, poll.id, 'open').expect(409);
    await t
      .http()
      .patch(`/api/polls/${poll.id}`)
      .set(...bearer(moderator.accessToken))
      .send({ question: 'Late edit' })
      .expect(409);
    await action(moderator, poll.id, 'close').expect(200);
    await vote(ann, poll.id, [poll.options[0].id]).expect(409);
  });

  it.each([
    ['one option', { options: ['only'] }],
    ['eleven options', { options: Array.from({ length: 11 }, (_, i) => `o${i}`) }],
    ['the same option twice', { options: ['Same', 'same'] }],
    ['an empty question', { question: ' ' }],
    ['an operator object', { question: { $ne: 1 } }],
  ])('refuses a poll with %s (400)', async (_case, body) => {
    await t
      .http()
      .post(`/api/rooms/${rooms[0].id}/polls`)
      .set(...bearer(moderator.accessToken))
      .send({ question: 'Q?', options: ['a', 'b'], ...body })
      .expect(400);
  });

  it('refuses unknown options and several options on a single-choice poll (400), and replaces ballots', async () => {
    const poll = await draft();
    await action(moderator, poll.id, 'open').expect(200);
    const [a, b] = poll.options.map((option) => option.id);
    await vote(ann, poll.id, ['0'.repeat(24)]).expect(400);
    await vote(ann, poll.id, [a, b]).expect(400);
    await vote(ann, poll.id, []).expect(400);
    await vote(ann, poll.id, [a, a]).expect(400);
    await vote(ann, poll.id, ['nope']).expect(400);

    expect((await vote(ann, poll.id, [a]).expect(200)).body.myVote).toEqual([a]);
    const replaced = (await vote(ann, poll.id, [b]).expect(200)).body as Poll;
    expect(replaced.myVote).toEqual([b]);
    const seen = (
      await t
        .http()
        .get(`/api/polls/${poll.id}`)
        .set(...bearer(ann.accessToken))
        .expect(200)
    ).body as Poll;
    expect(seen).toMatchObject({ voters: 1, myVote: [b], byGroup: { university: { [a]: 0, [b]: 1 } } });
    expect(seen.options.map((option) => option.votes)).toEqual([0, 1, 0]);

    const multi = await draft({ multiple: true });
    await action(moderator, multi.id, 'open').expect(200);
    const both = (await vote(ann, multi.id, [multi.options[0].id, multi.options[2].id]).expect(200))
      .body as Poll;
    expect(both.myVote).toHaveLength(2);
  });

  it('never reveals who chose what in an anonymous poll', async () => {
    const poll = await draft({ anonymous: true });
    const watcher = new Inbox(await t.connect(moderator.accessToken));
    await join(watcher.socket, rooms[0].id);
    await action(moderator, poll.id, 'open').expect(200);
    const voters = await Promise.all([1, 2, 3].map(() => t.register({ stakeholderGroup: 'business' })));
    const loner = await t.register({ stakeholderGroup: 'government', displayName: 'Only Government' });
    for (const voter of voters) await vote(voter, poll.id, [poll.options[0].id]).expect(200);
    await vote(loner, poll.id, [poll.options[1].id]).expect(200);
    await watcher.waitFor(() =>
      watcher.events.some((event) => event.type === 'poll.updated' && (event.payload as Poll).voters === 4),
    );

    const asModerator = (
      await t
        .http()
        .get(`/api/polls/${poll.id}`)
        .set(...bearer(moderator.accessToken))
        .expect(200)
    ).body as Poll;
    // Business's split would leave the lone government voter's choice as totals minus business.
    expect(asModerator.byGroup).toEqual({});
    const csv = (
      await t
        .http()
        .get(`/api/polls/${poll.id}/results.csv`)
        .set(...bearer(moderator.accessToken))
        .expect(200)
    ).text;
    const everything = JSON.stringify([asModerator, watcher.events]) + csv;
    for (const person of [...voters, loner]) {
      expect(everything).not.toContain(person.user.id);
      expect(everything).not.toContain(person.user.displayName);
    }
  });

  it('shows no split of an anonymous poll that totals minus the shown groups give away, live, in CSV and in events', async () => {
    const poll = await draft({ anonymous: true, options: ['Yes', 'No'] });
    const [yes, no] = poll.options.map((option) => option.id);
    const watcher = new Inbox(await t.connect(ann.accessToken));
    await join(watcher.socket, rooms[0].id);
    await action(moderator, poll.id, 'open').expect(200);
    const university = await Promise.all([1, 2, 3].map(() => t.register({ stakeholderGroup: 'university' })));
    const government = await t.register({ stakeholderGroup: 'government' });
    await vote(university[0], poll.id, [yes]).expect(200);
    await vote(university[1], poll.id, [yes]).expect(200);
    await vote(university[2], poll.id, [no]).expect(200);
    await vote(government, poll.id, [no]).expect(200);
    await watcher.waitFor(() =>
      watcher.events.some((event) => event.type === 'poll.updated' && (event.payload as Poll).voters === 4),
    );
    const closed = (await action(moderator, poll.id, 'close').expect(200)).body as Poll;
    const live = (await t.as(ann).get(`/api/polls/${poll.id}`).expect(200)).body as Poll;
    for (const shown of [closed, live, ...watcher.events.map((event) => event.payload as Poll)]) {
      if (shown.id !== poll.id) continue;
      expect(shown.byGroup).toEqual({});
    }
    expect(live.options.map((option) => option.votes)).toEqual([2, 2]);
    const csv = (await t.as(ann).get(`/api/polls/${poll.id}/results.csv`).expect(200)).text;
    expect(csv.slice(1).trim().split('\n').slice(1)).toEqual([
      'Which first?,Yes,2,,,,',
      'Which first?,No,2,,,,',
    ]);
  });

  it('exports results as CSV: BOM, header, one quoted row per option, Cyrillic intact', async () => {
    const poll = await draft({ options: ['Кампус, и город', 'He said "yes"'] });
    await action(moderator, poll.id, 'open').expect(200);
    const business = await t.register({ stakeholderGroup: 'business' });
    await vote(ann, poll.id, [poll.options[0].id]).expect(200);
    await vote(business, poll.id, [poll.options[0].id]).expect(200);
    await vote(moderator, poll.id, [poll.options[1].id]).expect(200);
    const response = await t
      .http()
      .get(`/api/polls/${poll.id}/results.csv`)
      .set(...bearer(ann.accessToken))
      .buffer(true)
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="which-first-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const text = response.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\n').filter(Boolean)).toEqual([
      'Question,Option,Total,Universities,Business,Government,Civil society',
      'Which first?,"Кампус, и город",2,1,1,,',
      'Which first?,"He said ""yes""",1,1,0,,',
    ]);
  });

  it('publishes live results as coalesced room events, not one per vote', async () => {
    const room = rooms[1];
    const poll = await draft({}, room.id);
    const watcher = new Inbox(await t.connect(ann.accessToken));
    await join(watcher.socket, room.id);
    await action(moderator, poll.id, 'open').expect(200);
    await watcher.waitFor(() => watcher.events.some((event) => event.type === 'poll.created'));
    const people = await Promise.all(Array.from({ length: 60 }, () => t.register()));
    const sockets = await Promise.all(people.map((person) => t.connect(person.accessToken)));
    const votingFrom = Date.now();
    const acks = await Promise.all(
      sockets.map((socket, i) =>
        emitWithAck<{ poll: Poll }>(socket, 'poll:vote', {
          pollId: poll.id,
          optionIds: [poll.options[i % 3].id],
        }),
      ),
    );
    expect(acks.every((ack) => ack.ok)).toBe(true);
    await watcher.waitFor(() =>
      watcher.events.some((event) => event.type === 'poll.updated' && (event.payload as Poll).voters === 60),
    );
    const votingMs = Date.now() - votingFrom;
    const updates = watcher.events.filter((event) => event.type === 'poll.updated');
    // At most one per interval (the first at once), however long 60 votes took on a busy machine.
    expect(updates.length).toBeLessThanOrEqual(Math.ceil(votingMs / COALESCE_INTERVAL_MS) + 1);
    expect(updates.length).toBeLessThan(60);
    expect((updates.at(-1)?.payload as Poll).options.map((option) => option.votes)).toEqual([20, 20, 20]);
    expect((updates.at(-1)?.payload as Poll).myVote).toBeNull();
  });

  it('counts 500 concurrent voters exactly, half of them changing their vote once', async () => {
    const room = rooms[2];
    const poll = await draft({}, room.id);
    await action(moderator, poll.id, 'open').expect(200);
    const groups = ['university', 'business', 'government', 'civil_society'] as const;
    const people: TestUser[] = [];
    for (let batch = 0; batch < 10; batch++) {
      people.push(
        ...(await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            t.register({ stakeholderGroup: groups[(batch * 50 + i) % 4] }),
          ),
        )),
      );
    }
    const [a, b, c] = poll.options.map((option) => option.id);
    await Promise.all(
      people.map(async (person, i) => {
        await vote(person, poll.id, [i % 2 ? a : b]).expect(200);
        if (i % 2 === 0) await vote(person, poll.id, [c]).expect(200);
      }),
    );
    const closed = (await action(moderator, poll.id, 'close').expect(200)).body as Poll;

    const buckets = await t.app
      .get<Connection>(getConnectionToken())
      .collection('poll_ballots')
      .find({ subjectId: poll.id })
      .toArray();
    expect(buckets.every((bucket) => bucket['open'] === false)).toBe(true);
    const ballots = buckets.flatMap((bucket) => Object.values(bucket['ballots'])) as Array<{
      optionIds: string[];
      group: string;
    }>;
    const recount = (option: string, group?: string) =>
      ballots.filter(
        (ballot) => ballot['optionIds'].includes(option) && (!group || ballot['group'] === group),
      ).length;
    expect(ballots).toHaveLength(500);
    expect(closed.voters).toBe(500);
    expect(closed.options.map((option) => option.votes)).toEqual([recount(a), recount(b), recount(c)]);
    expect(closed.options.map((option) => option.votes)).toEqual([250, 0, 250]);
    for (const group of groups) {
      expect(closed.byGroup[group]).toEqual({
        [a]: recount(a, group),
        [b]: recount(b, group),
        [c]: recount(c, group),
      });
    }
  });
});
