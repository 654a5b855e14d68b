import type { Initiative, Poll, Room, StakeholderGroup, VoteHistoryEntry } from '@helix/contract';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { emitWithAck, startTestApp, type TestApp, type TestSocket, type TestUser } from './support/test-app';

/*
 * A vote racing a close: 80 people vote while a moderator closes (or the timer does). Whatever the order in
 * which the writes meet, every vote that was acknowledged is in the frozen result, and every other one was
 * refused with 409. Each round closes at another moment of the burst: before it, early, midway and late.
 */

const VOTERS = 80;
const GROUPS: StakeholderGroup[] = ['university', 'business', 'government', 'civil_society'];
/** After how many answered votes the moderator closes, one round each. */
const CLOSE_AFTER = [0, 5, 20, 40, 60];
/** Between one person's vote and the next one's. */
const STAGGER_MS = 4;

type Answer = { accepted: true } | { accepted: false; status: number };

describe('a vote racing a close is counted exactly when it was acknowledged', () => {
  let t: TestApp;
  let moderator: TestUser;
  let people: TestUser[];
  let sockets: TestSocket[];
  let room: Room;

  beforeAll(async () => {
    t = await startTestApp({
      env: { SOCKET_SEND_LIMIT: '1000:1000', RATE_LIMIT_CREATE_PER_MINUTE: '1000' },
    });
    moderator = await t.moderator({ displayName: 'Chair' });
    people = await Promise.all(
      Array.from({ length: VOTERS }, (_, i) =>
        t.register({ displayName: `Voter ${i}`, stakeholderGroup: GROUPS[i % GROUPS.length] }),
      ),
    );
    // Every other person votes over a socket, the rest over REST.
    sockets = await Promise.all(people.filter((_, i) => i % 2 === 0).map((p) => t.connect(p.accessToken)));
    [room] = await t.rooms(moderator);
  });
  afterAll(() => t.close());

  /**
   * Starts every vote at once and closes once `closeAfter` of them were answered; resolves with each
   * person's answer and the close's status.
   */
  async function race(
    votes: Array<() => Promise<Answer>>,
    closeAfter: number,
    close: () => Promise<number>,
  ): Promise<{ answers: Answer[]; closeStatus: number }> {
    let answered = 0;
    let closing: Promise<number> | undefined;
    const closeNow = () => (closing ??= close());
    if (closeAfter === 0) closeNow();
    const answers = await Promise.all(
      votes.map(async (cast, i) => {
        // A stream of votes rather than one burst, so that the close lands among them.
        await new Promise((done) => setTimeout(done, i * STAGGER_MS));
        const answer = await cast();
        answered += 1;
        if (answered >= closeAfter) closeNow();
        return answer;
      }),
    );
    return { answers, closeStatus: await closeNow() };
  }

  /** Each refused vote was refused as a conflict with the closed state, nothing else. */
  const refusals = (answers: Answer[]): number[] =>
    answers.flatMap((answer) => (answer.accepted ? [] : [answer.status]));

  it.each(CLOSE_AFTER)('polls: closing after %i answered ballots', async (closeAfter) => {
    const poll = (
      await t
        .as(moderator)
        .post(`/api/rooms/${room.id}/polls`, { question: 'Which first?', options: ['A', 'B', 'C'] })
        .expect(201)
    ).body as Poll;
    await t.as(moderator).post(`/api/polls/${poll.id}/open`).expect(200);
    const choice = (i: number) => poll.options[i % 3].id;

    const votes = people.map((person, i) => async (): Promise<Answer> => {
      if (i % 2 === 0) {
        const ack = await emitWithAck(sockets[i / 2], 'poll:vote', {
          pollId: poll.id,
          optionIds: [choice(i)],
        });
        if (ack.ok) return { accepted: true };
        return { accepted: false, status: ack.error?.code === 'CONFLICT' ? 409 : -1 };
      }
      const response = await t.as(person).post(`/api/polls/${poll.id}/votes`, { optionIds: [choice(i)] });
      return response.status === 200 ? { accepted: true } : { accepted: false, status: response.status };
    });
    const { answers, closeStatus } = await race(votes, closeAfter, async () => {
      return (await t.as(moderator).post(`/api/polls/${poll.id}/close`)).status;
    });

    expect(closeStatus).toBe(200);
    expect(refusals(answers).filter((status) => status !== 409)).toEqual([]);
    const accepted = people.filter((_, i) => answers[i].accepted);
    const frozen = (await t.as(moderator).get(`/api/polls/${poll.id}`).expect(200)).body as Poll;
    expect(frozen.status).toBe('closed');
    expect(frozen.voters).toBe(accepted.length);
    expect(frozen.options.map((option) => option.votes)).toEqual(
      poll.options.map(
        (option) => people.filter((_, i) => answers[i].accepted && choice(i) === option.id).length,
      ),
    );
    // Everyone's own view: an acknowledged ballot is theirs, a refused one left nothing behind.
    const mine = await Promise.all(
      people.map(
        async (person) => ((await t.as(person).get(`/api/polls/${poll.id}`).expect(200)).body as Poll).myVote,
      ),
    );
    expect(mine).toEqual(people.map((_, i) => (answers[i].accepted ? [choice(i)] : null)));
  });

  it.each([...CLOSE_AFTER, 'timer' as const])(
    'initiatives: closing after %s answered votes, with the vote history matching',
    async (closeAfter) => {
      const proposer = people[1];
      const initiative = (
        await t
          .as(proposer)
          .post('/api/initiatives', { title: 'Shared labs', summary: 'Labs open to all.', partners: [] })
          .expect(201)
      ).body as Initiative;
      const byTimer = closeAfter === 'timer';
      // The timer round: voting ends while the burst is under way (the sweep runs every second).
      const closesAt = byTimer ? new Date(Date.now() + 1_500).toISOString() : undefined;
      await t.as(proposer).post(`/api/initiatives/${initiative.id}/voting/open`, { closesAt }).expect(200);
      const position = (i: number) => (i % 3 === 0 ? 'abstain' : 'agree');

      const votes = people.map((person, i) => async (): Promise<Answer> => {
        if (byTimer) await new Promise((done) => setTimeout(done, 1_000 + i * 12));
        const response = await t
          .as(person)
          .put(`/api/initiatives/${initiative.id}/vote`, { position: position(i) });
        return response.status === 200 ? { accepted: true } : { accepted: false, status: response.status };
      });
      const { answers, closeStatus } = await race(votes, byTimer ? Infinity : closeAfter, async () => {
        if (!byTimer)
          return (await t.as(moderator).post(`/api/initiatives/${initiative.id}/voting/close`)).status;
        for (;;) {
          const current = (await t.as(moderator).get(`/api/initiatives/${initiative.id}`).expect(200)).body;
          if ((current as Initiative).status !== 'voting') return 200;
          await new Promise((done) => setTimeout(done, 100));
        }
      });

      expect(closeStatus).toBe(200);
      expect(refusals(answers).filter((status) => status !== 409)).toEqual([]);
      const accepted = people.filter((_, i) => answers[i].accepted);
      const frozen = (await t.as(moderator).get(`/api/initiatives/${initiative.id}`).expect(200))
        .body as Initiative;
      expect(frozen.status).not.toBe('voting');
      expect(frozen.tally.total).toBe(accepted.length);
      for (const group of GROUPS) {
        const expected = { agree: 0, abstain: 0, disagree: 0, block: 0 };
        people.forEach((person, i) => {
          if (answers[i].accepted && person.user.stakeholderGroup === group) expected[position(i)] += 1;
        });
        expect({ group, counts: frozen.tally.byGroup[group] ?? expected }).toEqual({
          group,
          counts: expected,
        });
      }
      const history = (
        await t.as(moderator).get(`/api/initiatives/${initiative.id}/votes/history`).expect(200)
      ).body as VoteHistoryEntry[];
      expect(history.map((entry) => `${entry.user.id} ${entry.position}`).sort()).toEqual(
        people
          .flatMap((person, i) => (answers[i].accepted ? [`${person.user.id} ${position(i)}`] : []))
          .sort(),
      );
      const mine = await Promise.all(
        people.map(
          async (person) =>
            ((await t.as(person).get(`/api/initiatives/${initiative.id}`).expect(200)).body as Initiative)
              .myVote?.position ?? null,
        ),
      );
      expect(mine).toEqual(people.map((_, i) => (answers[i].accepted ? position(i) : null)));
    },
  );

  it('a close claimed by an instance that stopped before closing keeps the poll open only for a while', async () => {
    const claims = t.app.get<Connection>(getConnectionToken()).collection('poll_close_claims');
    const openPoll = async (): Promise<Poll> => {
      const poll = (
        await t
          .as(moderator)
          .post(`/api/rooms/${room.id}/polls`, { question: 'Which depot?', options: ['North', 'South'] })
          .expect(201)
      ).body as Poll;
      await t.as(moderator).post(`/api/polls/${poll.id}/open`).expect(200);
      return poll;
    };
    // Another instance is closing this one right now: this close waits its turn as refused.
    const busy = await openPoll();
    await claims.insertOne({ _id: busy.id, at: new Date() } as never);
    await t.as(moderator).post(`/api/polls/${busy.id}/close`).expect(409);
    // This one's claim is a minute old and the poll is still open: its instance stopped; the close goes ahead.
    const stuck = await openPoll();
    await claims.insertOne({ _id: stuck.id, at: new Date(Date.now() - 60_000) } as never);
    await t.as(moderator).post(`/api/polls/${stuck.id}/close`).expect(200);
    expect(((await t.as(moderator).get(`/api/polls/${stuck.id}`).expect(200)).body as Poll).status).toBe(
      'closed',
    );
  });
});
