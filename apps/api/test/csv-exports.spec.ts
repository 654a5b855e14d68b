import type { Initiative, Poll } from '@helix/contract';
import { startTestApp, type TestApp, type TestUser } from './support/test-app';

/** The CSV downloads reach organisers' spreadsheets: what participants typed must arrive as text, never as a formula. */
describe('CSV exports neutralise formulas (OWASP CSV injection)', () => {
  let t: TestApp;
  let moderator: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_CREATE_PER_MINUTE: '1000' } });
    moderator = await t.moderator({ displayName: 'Chair' });
  });
  afterAll(() => t.close());

  const lines = (csv: string): string[] => csv.slice(1).trim().split('\n');

  it('results.csv: option labels that look like formulas get a leading quote', async () => {
    const [room] = await t.rooms(moderator);
    const labels = ['=HYPERLINK("http://evil.example","Click")', '+1+2', '-2+3', '@SUM(A1:A9)', 'Plain'];
    const poll = (
      await t
        .as(moderator)
        .post(`/api/rooms/${room.id}/polls`, { question: 'Which?', options: labels })
        .expect(201)
    ).body as Poll;
    await t.as(moderator).post(`/api/polls/${poll.id}/open`).expect(200);
    await t
      .as(moderator)
      .post(`/api/polls/${poll.id}/votes`, { optionIds: [poll.options[0].id] })
      .expect(200);
    const csv = (await t.as(moderator).get(`/api/polls/${poll.id}/results.csv`).buffer(true).expect(200))
      .text;
    expect(lines(csv).slice(1)).toEqual([
      `"'=HYPERLINK(""http://evil.example"",""Click"")",1,1,,,`,
      `'+1+2,0,0,,,`,
      `'-2+3,0,0,,,`,
      `'@SUM(A1:A9),0,0,,,`,
      'Plain,0,0,,,',
    ]);
  });

  it('outcome.csv: titles and partner names that look like formulas get a leading quote', async () => {
    const proposer = await t.register({ organization: '@Evil Corp', stakeholderGroup: 'business' });
    const initiative = (
      await t
        .as(proposer)
        .post('/api/initiatives', { title: '=cmd|"/c calc"!A1', summary: 'Looks harmless.', partners: [] })
        .expect(201)
    ).body as Initiative;
    await t.as(moderator).patch('/api/consensus-rule', { quorum: 1, minGroups: 1 }).expect(200);
    await t.as(proposer).post(`/api/initiatives/${initiative.id}/voting/open`, {}).expect(200);
    await t.as(proposer).put(`/api/initiatives/${initiative.id}/vote`, { position: 'agree' }).expect(200);
    await t.as(moderator).post(`/api/initiatives/${initiative.id}/voting/close`).expect(200);
    const csv = (await t.as(proposer).get('/api/initiatives/outcome.csv').buffer(true).expect(200)).text;
    const row = lines(csv).find((line) => line.includes('calc'));
    expect(row).toMatch(/^"'=cmd\|""\/c calc""!A1",'@Evil Corp \(business\),/);
  });
});
