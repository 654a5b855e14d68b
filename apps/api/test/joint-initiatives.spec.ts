import { DEFAULT_CONSENSUS_RULE } from '@helix/consensus';
import type { ConsensusRuleSettings, Initiative, RoomEvent } from '@helix/contract';
import { Inbox, join } from './support/live';
import { startTestApp, type TestApp, type TestUser } from './support/test-app';

/*
 * A "joint" initiative is decided by the forum, not by its proposer: voting opens with the forum's minimum
 * rule or a stricter one, and a partner organisation is named only once someone of it accepted.
 */
describe('joint initiatives: the forum minimum rule and partner invitations', () => {
  let t: TestApp;
  let chair: TestUser;
  let proposer: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_CREATE_PER_MINUTE: '1000' } });
    chair = await t.moderator({ displayName: 'Chair' });
    proposer = await t.register({
      displayName: 'Irina',
      organization: 'Tomsk State University',
      stakeholderGroup: 'university',
    });
  });
  afterAll(() => t.close());
  afterEach(async () => {
    await t.as(chair).patch('/api/consensus-rule', DEFAULT_CONSENSUS_RULE).expect(200);
  });

  const propose = async (
    user: TestUser,
    partners: object[],
    title = 'Joint campus lab',
  ): Promise<Initiative> =>
    (
      await t
        .as(user)
        .post('/api/initiatives', { title, summary: 'A shared lab on campus.', partners })
        .expect(201)
    ).body as Initiative;
  const open = (user: TestUser, id: string, body: object = {}) =>
    t.as(user).post(`/api/initiatives/${id}/voting/open`, body);
  const answer = (user: TestUser, id: string, verb: 'accept' | 'decline') =>
    t.as(user).post(`/api/initiatives/${id}/partners/${verb}`);
  const read = async (user: TestUser, id: string): Promise<Initiative> =>
    (await t.as(user).get(`/api/initiatives/${id}`).expect(200)).body as Initiative;
  const outcome = async (): Promise<string[]> =>
    (await t.as(proposer).get('/api/initiatives/outcome.csv').buffer(true).expect(200)).text
      .slice(1)
      .trim()
      .split('\n');

  it('refuses the lone proposer a rule looser than the forum minimum, and names only confirmed partners', async () => {
    const initiative = await propose(
      proposer,
      [{ organization: 'Tomsk Regional Government', stakeholderGroup: 'government' }],
      'Alone together',
    );
    const refused = await open(proposer, initiative.id, { rule: { quorum: 1, minGroups: 1 } }).expect(400);
    expect(refused.body.message).toEqual([
      'quorum 1 is below the forum minimum of 6',
      'minGroups 1 is below the forum minimum of 3',
    ]);
    const russian = await open(proposer, initiative.id, { rule: { quorum: 1 } })
      .set('Accept-Language', 'ru')
      .expect(400);
    expect(russian.body.message).toEqual(['quorum = 1 ниже минимума форума (6)']);
    expect((await read(proposer, initiative.id)).status).toBe('draft');

    // A moderator lowers the minimum for a small workshop: the vote goes ahead, but the made-up partner
    // never accepted, so the outcome names the proposer's organisation alone and says so.
    await t.as(chair).patch('/api/consensus-rule', { quorum: 1, minGroups: 1 }).expect(200);
    await open(proposer, initiative.id, { rule: { quorum: 1, minGroups: 1 } }).expect(200);
    await t.as(proposer).put(`/api/initiatives/${initiative.id}/vote`, { position: 'agree' }).expect(200);
    const adopted = (await t.as(chair).post(`/api/initiatives/${initiative.id}/voting/close`).expect(200))
      .body as Initiative;
    expect(adopted).toMatchObject({
      status: 'adopted',
      joint: false,
      partners: [
        { organization: 'Tomsk State University', status: 'confirmed' },
        { organization: 'Tomsk Regional Government', status: 'invited', respondedBy: null },
      ],
    });
    const [header, ...rows] = await outcome();
    // The partnership, the objections with their reasons, then the amendments' story (none here).
    expect(header.split(',').slice(-3)).toEqual(['partnership', 'objections', 'amendments']);
    const row = rows.find((line) => line.startsWith('Alone together,'));
    expect(row).toMatch(/^Alone together,[^,]*,Tomsk State University \(Universities\),.*,proposer only,,$/);
    expect(rows.join('\n')).not.toContain('Tomsk Regional Government');
    // Too late to accept once the forum has decided.
    const official = await t.register({
      organization: 'Tomsk Regional Government',
      stakeholderGroup: 'government',
    });
    await answer(official, initiative.id, 'accept').expect(409);
  });

  it('lets everyone read the forum minimum and only moderators and admins change it', async () => {
    const initial = (await t.as(proposer).get('/api/consensus-rule').expect(200))
      .body as ConsensusRuleSettings;
    expect(initial.minimum).toEqual(DEFAULT_CONSENSUS_RULE);
    expect(initial.minimumText).toMatch(/at least 6 votes from at least 3 stakeholder groups/);
    await t.as(proposer).patch('/api/consensus-rule', { quorum: 1 }).expect(403);
    await t.as(chair).patch('/api/consensus-rule', {}).expect(400);
    await t.as(chair).patch('/api/consensus-rule', { quorum: 0 }).expect(400);
    await t.as(chair).patch('/api/consensus-rule', { groupThreshold: 0.4 }).expect(400);
    await t.as(chair).patch('/api/consensus-rule', { quorum: 8, maxBlocks: 1, extra: true }).expect(400);

    const changed = (await t.as(chair).patch('/api/consensus-rule', { quorum: 8, maxBlocks: 1 }).expect(200))
      .body as ConsensusRuleSettings;
    expect(changed).toMatchObject({
      minimum: { ...DEFAULT_CONSENSUS_RULE, quorum: 8, maxBlocks: 1 },
      updatedBy: { id: chair.user.id },
    });
    expect((await t.as(proposer).get('/api/consensus-rule').expect(200)).body).toEqual(changed);
  });

  it('opens voting with the forum minimum or a stricter rule, and an open vote keeps its rule', async () => {
    await t.as(chair).patch('/api/consensus-rule', { quorum: 8, maxBlocks: 1 }).expect(200);
    const byDefault = await propose(proposer, []);
    // A draft shows the rule voting would open with now.
    expect((await read(proposer, byDefault.id)).rule).toEqual({
      ...DEFAULT_CONSENSUS_RULE,
      quorum: 8,
      maxBlocks: 1,
    });
    const opened = (await open(proposer, byDefault.id).expect(200)).body as Initiative;
    expect(opened.rule).toEqual({ ...DEFAULT_CONSENSUS_RULE, quorum: 8, maxBlocks: 1 });

    const strict = await propose(proposer, []);
    const stricter = { quorum: 20, minGroups: 4, groupThreshold: 0.75, maxBlocks: 0 };
    expect(((await open(chair, strict.id, { rule: stricter }).expect(200)).body as Initiative).rule).toEqual(
      stricter,
    );

    const loose = await propose(proposer, []);
    for (const [rule, message] of [
      [{ maxBlocks: 2 }, 'maxBlocks 2 is above the forum maximum of 1'],
      [{ groupThreshold: 0.6 }, 'groupThreshold 0.6 is below the forum minimum of 0.6667'],
      [{ quorum: 7 }, 'quorum 7 is below the forum minimum of 8'],
    ] as const) {
      // Moderators are held to the forum minimum too.
      expect((await open(chair, loose.id, { rule }).expect(400)).body.message).toEqual([message]);
    }
    expect((await read(proposer, loose.id)).status).toBe('draft');

    await t.as(chair).patch('/api/consensus-rule', { quorum: 12 }).expect(200);
    expect((await read(proposer, byDefault.id)).rule.quorum).toBe(8);
    expect((await read(proposer, loose.id)).rule.quorum).toBe(12);
  });

  it('names a partner only once someone of that organisation and group accepts; they may decline instead', async () => {
    const watcher = new Inbox(await t.connect(proposer.accessToken));
    const [room] = await t.rooms(proposer);
    await join(watcher.socket, room.id);
    const initiative = (
      await t
        .as(proposer)
        .post('/api/initiatives', {
          title: 'Data lab',
          summary: 'An urban data lab.',
          roomId: room.id,
          partners: [
            { organization: 'Gazprom Neft', stakeholderGroup: 'business' },
            { organization: 'Tomsk City Administration', stakeholderGroup: 'government' },
          ],
        })
        .expect(201)
    ).body as Initiative;
    expect(initiative.partners.map((partner) => partner.status)).toEqual(['confirmed', 'invited', 'invited']);

    const stranger = await t.register({ organization: 'Sibur', stakeholderGroup: 'business' });
    const wrongGroup = await t.register({ organization: 'Gazprom Neft', stakeholderGroup: 'government' });
    const engineer = await t.register({
      displayName: 'Oleg',
      organization: '  gazprom   NEFT ',
      stakeholderGroup: 'business',
    });
    const clerk = await t.register({
      organization: 'Tomsk City Administration',
      stakeholderGroup: 'government',
    });
    const mayor = await t.register({
      organization: 'tomsk city administration',
      stakeholderGroup: 'government',
    });
    const colleague = await t.register({
      organization: 'Tomsk State University',
      stakeholderGroup: 'university',
    });

    await answer(stranger, initiative.id, 'accept').expect(403);
    await answer(wrongGroup, initiative.id, 'accept').expect(403);
    expect(
      await t
        .as(proposer)
        .get('/api/initiatives?group=business')
        .expect(200)
        .then((r) => r.body as Initiative[]),
    ).not.toContainEqual(expect.objectContaining({ id: initiative.id }));

    const accepted = (await answer(engineer, initiative.id, 'accept').expect(200)).body as Initiative;
    expect(accepted.partners[1]).toMatchObject({
      organization: 'Gazprom Neft',
      status: 'confirmed',
      respondedBy: { id: engineer.user.id, displayName: 'Oleg' },
      respondedAt: expect.any(String),
    });
    expect(accepted.joint).toBe(true);
    await watcher.waitFor(() =>
      watcher.events.some(
        (event: RoomEvent) =>
          event.type === 'initiative.updated' &&
          (event.payload as Initiative).partners[1]?.status === 'confirmed',
      ),
    );
    expect(
      await t
        .as(proposer)
        .get('/api/initiatives?group=business')
        .expect(200)
        .then((r) => r.body as Initiative[]),
    ).toContainEqual(expect.objectContaining({ id: initiative.id }));

    // The last answer counts, and says who gave it.
    expect((await answer(clerk, initiative.id, 'decline').expect(200)).body.partners[2]).toMatchObject({
      status: 'declined',
      respondedBy: { id: clerk.user.id },
    });
    expect((await answer(mayor, initiative.id, 'accept').expect(200)).body.partners[2]).toMatchObject({
      status: 'confirmed',
      respondedBy: { id: mayor.user.id },
    });
    // A second acceptance changes nothing: who confirmed first stays.
    expect((await answer(clerk, initiative.id, 'accept').expect(200)).body.partners[2]).toMatchObject({
      respondedBy: { id: mayor.user.id },
    });
    // The proposer's own organisation is a partner by proposing.
    await answer(colleague, initiative.id, 'decline').expect(409);
    expect((await answer(colleague, initiative.id, 'accept').expect(200)).body.partners[0]).toMatchObject({
      status: 'confirmed',
      respondedBy: { id: proposer.user.id },
    });

    // Editing the draft keeps the answers of partners still listed; a new one is invited.
    const edited = (
      await t
        .as(proposer)
        .patch(`/api/initiatives/${initiative.id}`, {
          partners: [
            { organization: 'Green Tomsk', stakeholderGroup: 'civil_society' },
            { organization: 'GAZPROM NEFT', stakeholderGroup: 'business' },
          ],
        })
        .expect(200)
    ).body as Initiative;
    expect(edited.partners.map((partner) => [partner.organization, partner.status])).toEqual([
      ['Tomsk State University', 'confirmed'],
      ['Green Tomsk', 'invited'],
      ['Gazprom Neft', 'confirmed'],
    ]);
    await answer(clerk, initiative.id, 'accept').expect(403);

    // Invitations can still be answered while the vote runs, and not after it.
    await open(proposer, initiative.id).expect(200);
    const activist = await t.register({ organization: 'Green Tomsk', stakeholderGroup: 'civil_society' });
    await answer(activist, initiative.id, 'decline').expect(200);
    await t.as(chair).post(`/api/initiatives/${initiative.id}/voting/close`).expect(200);
    await answer(activist, initiative.id, 'accept').expect(409);
  });

  it('lists only confirmed partners in the outcome, and a joint initiative as joint', async () => {
    await t.as(chair).patch('/api/consensus-rule', { quorum: 1, minGroups: 1 }).expect(200);
    const initiative = await propose(
      proposer,
      [
        { organization: 'Tomsk Polytechnic', stakeholderGroup: 'university' },
        { organization: 'Never Answered LLC', stakeholderGroup: 'business' },
      ],
      'Shared robots',
    );
    const partner = await t.register({ organization: 'Tomsk Polytechnic', stakeholderGroup: 'university' });
    await answer(partner, initiative.id, 'accept').expect(200);
    await open(proposer, initiative.id).expect(200);
    await t.as(partner).put(`/api/initiatives/${initiative.id}/vote`, { position: 'agree' }).expect(200);
    await t.as(chair).post(`/api/initiatives/${initiative.id}/voting/close`).expect(200);
    const row = (await outcome()).find((line) => line.startsWith('Shared robots,'));
    expect(row).toMatch(
      /^Shared robots,[^,]*,"Tomsk State University \(Universities\); Tomsk Polytechnic \(Universities\)",.*,joint,,$/,
    );
    expect(row).not.toContain('Never Answered');
  });
});
