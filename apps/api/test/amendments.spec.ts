import type { Amendment, AuthResponse, Forum, Initiative, PublicOutcome } from '@helix/contract';
import { ADMIN_EMAIL, startTestApp, type TestApp, type TestUser } from './support/test-app';

/*
 * Amendments that resolve blocks (issue 18): a block says what would have to change, an amendment answers it,
 * the proposer accepts it, the vote runs on the new version, and the blocker's new vote clears the block.
 */
describe('amendments', () => {
  let t: TestApp;
  let chair: TestUser;
  let proposer: TestUser;
  let supporter: TestUser;
  let blocker: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_CREATE_PER_MINUTE: '1000' } });
    chair = await t.moderator({ displayName: 'Chair' });
    proposer = await t.register({ displayName: 'Irina', organization: 'Tomsk State University' });
    supporter = await t.register({ displayName: 'Pavel', organization: 'Tomsk State University' });
    blocker = await t.register({
      displayName: 'Oleg',
      organization: 'Gazprom Neft',
      stakeholderGroup: 'business',
    });
    outsider = await t.register({
      displayName: 'Marina',
      organization: 'Tomsk Region Administration',
      stakeholderGroup: 'government',
    });
    // Two votes of one group decide, with no block allowed.
    await t
      .as(chair)
      .patch('/api/consensus-rule', { quorum: 2, minGroups: 1, groupThreshold: 0.5, maxBlocks: 0 })
      .expect(200);
  });
  afterAll(() => t.close());

  const votingInitiative = async (): Promise<Initiative> => {
    const draft = (
      await t
        .as(proposer)
        .post('/api/initiatives', {
          title: 'Joint campus lab',
          summary: 'The university opens a lab on weekday evenings for city problems.',
          partners: [{ organization: 'Gazprom Neft', stakeholderGroup: 'business' }],
        })
        .expect(201)
    ).body as Initiative;
    await t.as(proposer).post(`/api/initiatives/${draft.id}/voting/open`, {}).expect(200);
    await t.as(supporter).put(`/api/initiatives/${draft.id}/vote`, { position: 'agree' }).expect(200);
    await t
      .as(blocker)
      .put(`/api/initiatives/${draft.id}/vote`, {
        position: 'block',
        reason: 'Nobody pays for the equipment.',
        wouldChange: 'Say who funds the equipment.',
      })
      .expect(200);
    return draft;
  };
  const amendment = (initiative: Initiative, clientId: string) => ({
    summary:
      'The university opens a lab on weekday evenings for city problems; the region funds the equipment.',
    answersObjections: [blocker.user.id],
    rationale: 'Answers the funding block.',
    clientId,
  });

  it('clears a block: the amendment answers it, is accepted, the vote runs on version 2 and adopts', async () => {
    const initiative = await votingInitiative();
    const blocked = (await t.as(proposer).get(`/api/initiatives/${initiative.id}`).expect(200))
      .body as Initiative;
    expect(blocked.objections).toEqual([
      expect.objectContaining({ position: 'block', wouldChange: 'Say who funds the equipment.' }),
    ]);
    expect(blocked.consensus.reached).toBe(false);

    // Anyone proposes it; repeating its clientId answers the stored one.
    const path = `/api/initiatives/${initiative.id}/amendments`;
    const proposed = (await t.as(outsider).post(path, amendment(initiative, 'fund-1')).expect(201))
      .body as Amendment;
    expect(proposed).toMatchObject({
      number: 1,
      status: 'proposed',
      proposer: expect.objectContaining({ id: outsider.user.id }),
      answers: [
        {
          user: expect.objectContaining({ id: blocker.user.id }),
          position: 'block',
          wouldChange: 'Say who funds the equipment.',
        },
      ],
    });
    const again = (await t.as(outsider).post(path, amendment(initiative, 'fund-1')).expect(200))
      .body as Amendment;
    expect(again.id).toBe(proposed.id);
    expect(((await t.as(supporter).get(path).expect(200)).body as Amendment[]).length).toBe(1);

    // Only the initiative's proposer answers it; moderators included, nobody else.
    const accept = `${path}/${proposed.id}/accept`;
    await t.as(outsider).post(accept, { reason: 'Mine now' }).expect(403);
    await t.as(chair).post(accept, { reason: 'Chair says so' }).expect(403);
    await t.as(proposer).post(accept, {}).expect(400);

    const accepted = (await t.as(proposer).post(accept, { reason: 'The region agreed.' }).expect(200))
      .body as Initiative;
    expect(accepted.revision).toBe(2);
    expect(accepted.summary).toBe(amendment(initiative, 'x').summary);
    const [summaryDiff] = accepted.amendments[0].diff;
    expect(summaryDiff.field).toBe('summary');
    expect(
      summaryDiff.parts
        .filter((part) => part.change === 'added')
        .map((part) => part.value)
        .join(''),
    ).toContain('region funds the equipment');
    expect(accepted.amendments[0]).toMatchObject({ status: 'accepted', revision: 2, cleared: [] });
    await t.as(proposer).post(accept, { reason: 'Twice' }).expect(409);

    // The vote runs on: the supporter's vote carried over from version 1, the block stands until its voter decides.
    const seenBySupporter = (await t.as(supporter).get(`/api/initiatives/${initiative.id}`).expect(200))
      .body as Initiative;
    expect(seenBySupporter.myVote).toMatchObject({ position: 'agree', revision: 1 });
    expect(seenBySupporter.consensus.reached).toBe(false);

    const cleared = (
      await t.as(blocker).put(`/api/initiatives/${initiative.id}/vote`, { position: 'agree' }).expect(200)
    ).body as Initiative;
    expect(cleared.myVote).toMatchObject({ position: 'agree', revision: 2 });
    expect(cleared.consensus.reached).toBe(true);
    expect(cleared.amendments[0].cleared).toEqual([
      {
        user: expect.objectContaining({ id: blocker.user.id }),
        from: 'block',
        to: 'agree',
        at: expect.any(String),
      },
    ]);

    const closed = (await t.as(chair).post(`/api/initiatives/${initiative.id}/voting/close`).expect(200))
      .body as Initiative;
    expect(closed.status).toBe('adopted');
    const csv = (await t.as(supporter).get('/api/initiatives/outcome.csv').expect(200)).text;
    expect(csv).toContain('amendment 1 → version 2: cleared the block of Oleg (business)');

    // The public outcome tells the same story, by group.
    const adminLogin = await t
      .http()
      .post('/api/auth/login')
      .send({ email: ADMIN_EMAIL, password: 'correct horse battery' })
      .expect(200);
    const admin = adminLogin.body as AuthResponse;
    const [forum] = (await t.as(supporter).get('/api/forums').expect(200)).body as Forum[];
    await t
      .as({ ...admin, password: '' })
      .patch(`/api/forums/${forum.id}`, { outcomePublished: true })
      .expect(200);
    const outcome = (await t.http().get(`/api/public/forums/${forum.slug}/outcome`).expect(200))
      .body as PublicOutcome;
    expect(outcome.initiatives.find((entry) => entry.id === initiative.id)?.amendments).toEqual([
      {
        number: 1,
        revision: 2,
        rationale: 'Answers the funding block.',
        cleared: [{ from: 'block', stakeholderGroup: 'business' }],
      },
    ]);
  });

  it('declines with a reason and keeps the text, and refuses what answers nothing', async () => {
    const initiative = await votingInitiative();
    const path = `/api/initiatives/${initiative.id}/amendments`;
    // Nothing to change, a supporter named as an objection, an unknown voter: refused, nothing stored.
    await t
      .as(outsider)
      .post(path, { answersObjections: [blocker.user.id], rationale: 'Nothing' })
      .expect(400);
    await t
      .as(outsider)
      .post(path, { ...amendment(initiative, 'bad-1'), answersObjections: [supporter.user.id] })
      .expect(400);
    await t
      .as(outsider)
      .post(path, { ...amendment(initiative, 'bad-2'), answersObjections: [] })
      .expect(400);
    await t
      .as(outsider)
      .post(path, { ...amendment(initiative, 'bad-3'), rationale: '  ' })
      .expect(400);
    expect((await t.as(outsider).get(path).expect(200)).body).toEqual([]);

    const proposed = (
      await t
        .as(blocker)
        .post(path, {
          title: 'Joint campus lab, funded by the region',
          answersObjections: [blocker.user.id],
          rationale: 'Funding in the title',
        })
        .expect(201)
    ).body as Amendment;
    expect(proposed.diff).toEqual([
      {
        field: 'title',
        parts: [
          { value: 'Joint campus lab', change: 'same' },
          { value: ', funded by the region', change: 'added' },
        ],
      },
    ]);
    await t.as(blocker).post(`${path}/${proposed.id}/decline`, { reason: 'No' }).expect(403);
    const declined = (
      await t
        .as(proposer)
        .post(`${path}/${proposed.id}/decline`, { reason: 'The title stays short.' })
        .expect(200)
    ).body as Initiative;
    expect(declined).toMatchObject({ revision: 1, title: 'Joint campus lab' });
    expect(declined.amendments[0]).toMatchObject({
      status: 'declined',
      answerReason: 'The title stays short.',
      revision: null,
    });
    await t.as(proposer).post(`${path}/${proposed.id}/accept`, { reason: 'Changed my mind' }).expect(409);

    // Once voting closed, no amendment is taken.
    await t.as(chair).post(`/api/initiatives/${initiative.id}/voting/close`).expect(200);
    await t.as(outsider).post(path, amendment(initiative, 'late')).expect(409);
  });
});
