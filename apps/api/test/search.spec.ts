import type { Forum, Message, Question, SearchResults, Thread } from '@helix/contract';
import { emitWithAck, startTestApp, type TestApp, type TestUser } from './support/test-app';
import { join, send } from './support/live';

describe('search in a room and across a forum', () => {
  let t: TestApp;
  let ann: TestUser;
  let moderator: TestUser;
  let forum: Forum;

  beforeAll(async () => {
    t = await startTestApp({ env: { SOCKET_SEND_LIMIT: '1000:1000', RATE_LIMIT_CREATE_PER_MINUTE: '1000' } });
    ann = await t.register({ displayName: 'Ann' });
    moderator = await t.moderator();
    [forum] = (await t.as(ann).get('/api/forums').expect(200)).body as Forum[];
  });

  afterAll(() => t?.close());

  const search = async (path: string, q: string, user = ann): Promise<SearchResults> =>
    (
      await t
        .as(user)
        .get(`${path}?q=${encodeURIComponent(q)}`)
        .expect(200)
    ).body as SearchResults;
  const marked = (results: SearchResults): string[][] =>
    results.hits.map((hit) => hit.highlights.map(([start, end]) => hit.snippet.slice(start, end)));

  it('finds messages, threads, questions and initiatives by their word forms in Russian and English', async () => {
    const [room, other] = await t.rooms(ann);
    const thread = (
      await t.as(ann).post(`/api/rooms/${room.id}/threads`, { title: 'Открытые лаборатории' }).expect(201)
    ).body as Thread;
    const socket = await t.connect(ann.accessToken);
    await join(socket, room.id);
    const say = (text: string, clientId: string): Promise<Message> =>
      send(socket, { roomId: room.id, threadId: thread.id, text, clientId });
    const russian = await say('Предлагаю открыть лабораторию для студентов по субботам.', 's1');
    const english = await say('Universities should open their laboratories to small companies.', 's2');
    const hidden = await say('Лаборатории — секретная тема, которую скроют.', 's3');
    await t.as(moderator).post(`/api/messages/${hidden.id}/hide`, { reason: 'Off topic' }).expect(200);
    const question = (
      await t
        .as(ann)
        .post(`/api/rooms/${other.id}/questions`, { text: 'Кто платит за лаборатории?', clientId: 'q1' })
        .expect(201)
    ).body as Question;
    await t
      .as(ann)
      .post('/api/initiatives', { title: 'Weekend laboratories', summary: 'Two labs open on Saturdays.' })
      .expect(201);

    const forumWide = await search(`/api/forums/${forum.id}/search`, 'лабораторий');
    const found = forumWide.hits.map((hit) => `${hit.kind}:${hit.id}`);
    expect(found).toEqual(
      expect.arrayContaining([`message:${russian.id}`, `thread:${thread.id}`, `question:${question.id}`]),
    );
    expect(found).not.toContain(`message:${hidden.id}`);
    expect(marked(forumWide).flat()).toEqual(expect.arrayContaining(['лабораторию', 'лаборатории']));

    const englishForms = await search(`/api/forums/${forum.id}/search`, 'university laboratory');
    expect(englishForms.hits.map((hit) => hit.id)).toEqual([english.id]);
    expect(marked(englishForms)[0]).toEqual(['Universities', 'laboratories']);

    // The last word is matched as a prefix too, while it is still being typed.
    const typing = await search(`/api/forums/${forum.id}/search`, 'субб');
    expect(typing.hits.map((hit) => hit.id)).toEqual([russian.id]);

    // A draft initiative is its proposer's only: it is found once voting opens.
    expect((await search(`/api/forums/${forum.id}/search`, 'weekend')).hits).toEqual([]);

    // One room: its own messages and threads, not another room's question.
    const inRoom = await search(`/api/rooms/${room.id}/search`, 'лаборатория');
    expect(inRoom.hits.map((hit) => hit.kind).sort()).toEqual(['message', 'thread']);
    expect(inRoom.hits.every((hit) => hit.roomId === room.id)).toBe(true);

    // An edit replaces the text in the index; a deletion removes it.
    await emitWithAck(socket, 'message:edit', {
      messageId: russian.id,
      text: 'Откроем мастерскую по субботам.',
    });
    expect((await search(`/api/rooms/${room.id}/search`, 'лаборатория')).hits.map((hit) => hit.kind)).toEqual(
      ['thread'],
    );
    await emitWithAck(socket, 'message:delete', { messageId: english.id });
    expect((await search(`/api/forums/${forum.id}/search`, 'universities')).hits).toEqual([]);
  });

  it('refuses an empty query and a forum the reader may not see', async () => {
    await t.as(ann).get(`/api/forums/${forum.id}/search?q=`).expect(400);
    await t
      .as(ann)
      .get(`/api/forums/${'0'.repeat(24)}/search?q=labs`)
      .expect(404);
  });
});
