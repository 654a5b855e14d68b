import type { AuthResponse, Forum, Initiative, Pledge, PublicOutcome } from '@helix/contract';
import { ADMIN_EMAIL, startTestApp, type TestApp, type TestUser } from './support/test-app';

/*
 * Pledges tracked after adoption (issue 18): a confirmed partner records what it commits, with an owner and a
 * due date; one past its due date and not done is flagged overdue, to moderators and on the public outcome.
 */
describe('pledges', () => {
  let t: TestApp;
  let chair: TestUser;
  let proposer: TestUser;
  let outsider: TestUser;
  let adopted: Initiative;

  const YESTERDAY = new Date(Date.now() - 86_400_000).toISOString();
  const NEXT_MONTH = new Date(Date.now() + 30 * 86_400_000).toISOString();

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_CREATE_PER_MINUTE: '1000' } });
    chair = await t.moderator({ displayName: 'Chair' });
    proposer = await t.register({ displayName: 'Irina', organization: 'Tomsk State University' });
    outsider = await t.register({
      displayName: 'Oleg',
      organization: 'Gazprom Neft',
      stakeholderGroup: 'business',
    });
    await t
      .as(chair)
      .patch('/api/consensus-rule', { quorum: 1, minGroups: 1, groupThreshold: 0.5, maxBlocks: 0 })
      .expect(200);
    const draft = (
      await t
        .as(proposer)
        .post('/api/initiatives', { title: 'Evening labs', summary: 'Labs open in the evenings.' })
        .expect(201)
    ).body as Initiative;
    await t.as(proposer).post(`/api/initiatives/${draft.id}/voting/open`, {}).expect(200);
    await t.as(proposer).put(`/api/initiatives/${draft.id}/vote`, { position: 'agree' }).expect(200);
    adopted = (await t.as(chair).post(`/api/initiatives/${draft.id}/voting/close`).expect(200)).body;
    expect(adopted.status).toBe('adopted');
  });
  afterAll(() => t.close());

  const pledgeBody = {
    kind: 'equipment',
    description: 'Two 3D printers for the lab',
    amount: '2 printers',
    owner: 'Irina, lab head',
    dueDate: YESTERDAY,
  };

  it('flags a pledge past its due date as overdue until it is done, and shows it publicly', async () => {
    const path = `/api/initiatives/${adopted.id}/pledges`;
    // Bad input changes nothing; only a confirmed partner (or a moderator) pledges.
    await t
      .as(proposer)
      .post(path, { ...pledgeBody, kind: 'favours' })
      .expect(400);
    await t
      .as(proposer)
      .post(path, { ...pledgeBody, owner: ' ' })
      .expect(400);
    await t.as(outsider).post(path, pledgeBody).expect(403);

    const pledge = (
      await t
        .as(proposer)
        .post(path, { ...pledgeBody, clientId: 'printers' })
        .expect(201)
    ).body as Pledge;
    expect(pledge).toMatchObject({
      organization: 'Tomsk State University',
      status: 'planned',
      percent: 0,
      overdue: true,
    });
    const again = (
      await t
        .as(proposer)
        .post(path, { ...pledgeBody, clientId: 'printers' })
        .expect(200)
    ).body as Pledge;
    expect(again.id).toBe(pledge.id);
    const onTime = (
      await t
        .as(chair)
        .post(path, { ...pledgeBody, dueDate: NEXT_MONTH })
        .expect(201)
    ).body as Pledge;
    expect(onTime.overdue).toBe(false);

    const overdue = `/api/forums/${adopted.forumId}/pledges/overdue`;
    await t.as(proposer).get(overdue).expect(403);
    expect(((await t.as(chair).get(overdue).expect(200)).body as Pledge[]).map((item) => item.id)).toEqual([
      pledge.id,
    ]);

    // Progress keeps it overdue until done.
    const progress = `${path}/${pledge.id}/progress`;
    await t.as(outsider).post(progress, { percent: 50, note: 'Mine' }).expect(403);
    await t.as(proposer).post(progress, { percent: 150, note: 'Too much' }).expect(400);
    const halfway = (
      await t.as(proposer).post(progress, { percent: 50, note: 'One printer arrived' }).expect(200)
    ).body as Initiative;
    expect(halfway.pledges.find((item) => item.id === pledge.id)).toMatchObject({
      percent: 50,
      status: 'in_progress',
      overdue: true,
      updates: [expect.objectContaining({ percent: 50, note: 'One printer arrived' })],
    });
    expect((await t.as(chair).get(overdue).expect(200)).body).toHaveLength(1);
    const done = (await t.as(proposer).post(progress, { percent: 100, note: 'Both installed' }).expect(200))
      .body as Initiative;
    expect(done.pledges.find((item) => item.id === pledge.id)).toMatchObject({
      status: 'done',
      overdue: false,
    });
    expect((await t.as(chair).get(overdue).expect(200)).body).toEqual([]);

    const admin = (
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: ADMIN_EMAIL, password: 'correct horse battery' })
        .expect(200)
    ).body as AuthResponse;
    const [forum] = (await t.as(proposer).get('/api/forums').expect(200)).body as Forum[];
    await t
      .as({ ...admin, password: '' })
      .patch(`/api/forums/${forum.id}`, { outcomePublished: true })
      .expect(200);
    const outcome = (await t.http().get(`/api/public/forums/${forum.slug}/outcome`).expect(200))
      .body as PublicOutcome;
    expect(outcome.initiatives.find((entry) => entry.id === adopted.id)?.pledges).toEqual([
      expect.objectContaining({ description: 'Two 3D printers for the lab', percent: 100, status: 'done' }),
      expect.objectContaining({ percent: 0, status: 'planned', overdue: false }),
    ]);
  });

  it('takes pledges only once adopted', async () => {
    const draft = (
      await t.as(proposer).post('/api/initiatives', { title: 'Later', summary: 'Not yet.' }).expect(201)
    ).body as Initiative;
    await t.as(proposer).post(`/api/initiatives/${draft.id}/pledges`, pledgeBody).expect(409);
  });
});
