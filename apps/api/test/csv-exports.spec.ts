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
      `Which?,"'=HYPERLINK(""http://evil.example"",""Click"")",1,1,,,`,
      `Which?,'+1+2,0,0,,,`,
      `Which?,'-2+3,0,0,,,`,
      `Which?,'@SUM(A1:A9),0,0,,,`,
      'Which?,Plain,0,0,,,',
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
    expect(row).toMatch(/^"'=cmd\|""\/c calc""!A1",Looks harmless\.,'@Evil Corp \(Business\),/);
  });
});

/** A report read in a spreadsheet, away from the app, must say what it is about in words people use. */
describe('CSV exports are readable on their own', () => {
  let t: TestApp;
  let moderator: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_CREATE_PER_MINUTE: '1000' } });
    moderator = await t.moderator({ displayName: 'Chair' });
  });
  afterAll(() => t.close());

  const lines = (csv: string): string[] => csv.slice(1).trim().split('\n');
  const today = () => new Date().toISOString().slice(0, 10);

  it("results.csv: named by question and date, with the question and the groups in the reader's language", async () => {
    const [room] = await t.rooms(moderator);
    const civic = await t.register({ stakeholderGroup: 'civil_society' });
    const poll = (
      await t
        .as(moderator)
        .post(`/api/rooms/${room.id}/polls`, {
          question: 'Что финансировать?',
          options: ['Лаборатории', 'Гранты'],
        })
        .expect(201)
    ).body as Poll;
    await t.as(moderator).post(`/api/polls/${poll.id}/open`).expect(200);
    await t
      .as(civic)
      .post(`/api/polls/${poll.id}/votes`, { optionIds: [poll.options[1].id] })
      .expect(200);
    const closed = (await t.as(moderator).post(`/api/polls/${poll.id}/close`).expect(200)).body as Poll;
    const day = (closed.closedAt as string).slice(0, 10);

    const russian = await t
      .as(moderator)
      .get(`/api/polls/${poll.id}/results.csv`)
      .set('Accept-Language', 'ru')
      .buffer(true)
      .expect(200);
    expect(russian.headers['content-disposition']).toBe(
      `attachment; filename="chto-finansirovat-${day}.csv"; ` +
        `filename*=UTF-8''${encodeURIComponent(`Что финансировать ${day}.csv`)}`,
    );
    expect(lines(russian.text)).toEqual([
      'Вопрос,Вариант,Всего,Университеты,Бизнес,Власть,Гражданское общество',
      'Что финансировать?,Лаборатории,0,,,,0',
      'Что финансировать?,Гранты,1,,,,1',
    ]);
    const english = await t.as(moderator).get(`/api/polls/${poll.id}/results.csv`).buffer(true).expect(200);
    expect(lines(english.text)[0]).toBe(
      'Question,Option,Total,Universities,Business,Government,Civil society',
    );
  });

  it('outcome.csv: named by date, with each summary, the groups by name, and the objections with their reasons', async () => {
    const proposer = await t.register({ organization: 'Tomsk Labs', stakeholderGroup: 'university' });
    const objector = await t.register({
      displayName: 'Olga',
      organization: 'Green Tomsk',
      stakeholderGroup: 'civil_society',
    });
    const initiative = (
      await t
        .as(proposer)
        .post('/api/initiatives', { title: 'Open labs', summary: 'Labs open to the city.', partners: [] })
        .expect(201)
    ).body as Initiative;
    await t.as(moderator).patch('/api/consensus-rule', { quorum: 1, minGroups: 1, maxBlocks: 1 }).expect(200);
    await t.as(proposer).post(`/api/initiatives/${initiative.id}/voting/open`, {}).expect(200);
    await t.as(proposer).put(`/api/initiatives/${initiative.id}/vote`, { position: 'agree' }).expect(200);
    await t
      .as(objector)
      .put(`/api/initiatives/${initiative.id}/vote`, {
        position: 'block',
        reason: 'Too costly, for now',
        wouldChange: 'A cheaper first year',
      })
      .expect(200);
    await t.as(moderator).post(`/api/initiatives/${initiative.id}/voting/close`).expect(200);

    const response = await t
      .as(proposer)
      .get('/api/initiatives/outcome.csv')
      .set('Accept-Language', 'ru')
      .buffer(true)
      .expect(200);
    expect(response.headers['content-disposition']).toContain(
      `attachment; filename="itogi-foruma-${today()}.csv"; filename*=UTF-8''`,
    );
    const [header] = lines(response.text);
    expect(header).toMatch(/^title,summary,partners,/);
    expect(header).toContain('Гражданское общество disagree');
    expect(header).toMatch(/,partnership,objections,amendments$/);
    expect(response.text).toContain('Open labs,Labs open to the city.,');
    expect(response.text).toContain('Olga (Green Tomsk, Гражданское общество), block: Too costly, for now');
  });
});
