import type { AuthResponse, ErrorCode, Room } from '@helix/contract';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { WEB_CLIENT_STUB } from './support/paths';

const MISSING_ID = '0123456789abcdef01234567';
const JSON_TYPE = { 'Content-Type': 'application/json' };

/** What a client sees: the status, the headers and the body as JSON (or null when it is not JSON). */
interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * Every error class of the contract, from the API as `npm start` runs it: the built `main.js` with a built
 * client beside the API and its own embedded database, asked over plain HTTP.
 */
describe('error answers of the built API', () => {
  let api: ApiProcess;
  let dataDir: string;
  let participant: AuthResponse;
  let room: Room;

  const ask = async (path: string, init: RequestInit & { language?: string } = {}): Promise<Answer> => {
    const { language, ...rest } = init;
    const response = await fetch(`${api.url}${path}`, {
      ...rest,
      headers: { ...(language ? { 'Accept-Language': language } : {}), ...rest.headers },
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: the shape checks below say so.
    }
    return { status: response.status, headers: response.headers, body };
  };
  const asParticipant = (init: RequestInit = {}): RequestInit => ({
    ...init,
    headers: { ...JSON_TYPE, Authorization: `Bearer ${participant.accessToken}`, ...init.headers },
  });

  /** The contract's error body, exactly: `{ statusCode, error, message, code }`, nothing else. */
  const expectError = (answer: Answer, status: number, code: ErrorCode): void => {
    expect({ status: answer.status, body: answer.body }).toMatchObject({
      status,
      body: { statusCode: status, code },
    });
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    const body = answer.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['code', 'error', 'message', 'statusCode']);
    expect(typeof body['error']).toBe('string');
    const lines = Array.isArray(body['message']) ? body['message'] : [body['message']];
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toEqual(expect.any(String));
  };
  /** The same error in Russian: the same status and code, a Russian message. */
  const expectRussian = (answer: Answer, status: number, code: ErrorCode): void => {
    expectError(answer, status, code);
    const message = (answer.body as { message: string | string[] }).message;
    for (const line of Array.isArray(message) ? message : [message]) expect(line).toMatch(/[а-яё]/i);
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'helix-black-box-'));
    // No MONGODB_URI: the API starts the embedded database as its own child, as `npm start` does.
    api = await startApiProcess({ MONGODB_URI: undefined, HELIX_DATA_DIR: dataDir });
    const registered = await ask('/api/auth/register', {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({
        email: 'black-box@helix.test',
        password: 'black box password',
        displayName: 'Black Box',
        organization: 'Tomsk State University',
        stakeholderGroup: 'university',
      }),
    });
    expect(registered.status).toBe(201);
    participant = registered.body as AuthResponse;
    room = ((await ask('/api/rooms', asParticipant())).body as Room[])[0];
  });
  afterAll(async () => {
    await api?.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the built client beside the API, so the errors below pass through it', async () => {
    const stub = await readFile(join(WEB_CLIENT_STUB, 'index.html'), 'utf8');
    for (const page of ['/', '/r/tomsk-track']) {
      const response = await fetch(`${api.url}${page}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-cache');
      expect(await response.text()).toBe(stub);
    }
    const asset = await fetch(`${api.url}/assets/stub-0a1b2c3d.css`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('sends its answers compressed to a client that accepts it, and as they are to one that does not', async () => {
    const rooms = (encoding: string) =>
      fetch(`${api.url}/api/rooms`, asParticipant({ headers: { 'Accept-Encoding': encoding } }));
    const plain = await rooms('identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const zipped = await rooms('gzip');
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await zipped.json()).toEqual(await plain.json());
  });

  describe('400 for bad input', () => {
    it('answers a body that breaks the schema with the problems, field by field', async () => {
      const send = (language: string) =>
        ask('/api/auth/register', {
          method: 'POST',
          headers: JSON_TYPE,
          language,
          body: JSON.stringify({ email: 'not an email', password: 'short' }),
        });
      const english = await send('en');
      expectError(english, 400, 'VALIDATION');
      expect((english.body as { message: string[] }).message).toContain('email: Invalid email address');
      expectRussian(await send('ru'), 400, 'VALIDATION');
    });

    it('answers broken JSON as broken JSON', async () => {
      const send = (language: string) =>
        ask('/api/auth/login', { method: 'POST', headers: JSON_TYPE, language, body: '{"email":' });
      const english = await send('en');
      expectError(english, 400, 'VALIDATION');
      expect(english.body).toMatchObject({ message: 'The request body is not valid JSON' });
      const russian = await send('ru');
      expectRussian(russian, 400, 'VALIDATION');
      expect(russian.body).toMatchObject({ message: 'Тело запроса — не корректный JSON' });
    });

    it.each([
      ['a JSON string instead of an object', JSON_TYPE, '"black-box@helix.test"'],
      ['a JSON array instead of an object', JSON_TYPE, '[]'],
      ['plain text', { 'Content-Type': 'text/plain' }, 'email=black-box@helix.test'],
      [
        'a form instead of JSON',
        { 'Content-Type': 'application/x-www-form-urlencoded' },
        'email=black-box@helix.test&password=not+the+password',
      ],
      ['a charset JSON is never in', { 'Content-Type': 'application/json; charset=latin1' }, '{}'],
      [
        'an unknown content encoding',
        { ...JSON_TYPE, 'Content-Encoding': 'compress' },
        '{"email":"black-box@helix.test"}',
      ],
      [
        'a body that is not what its encoding says',
        { ...JSON_TYPE, 'Content-Encoding': 'gzip' },
        '{"email":"black-box@helix.test"}',
      ],
    ])('answers %s', async (_case, headers, body) => {
      for (const language of ['en', 'ru']) {
        const answer = await ask('/api/auth/login', { method: 'POST', headers, body, language });
        (language === 'ru' ? expectRussian : expectError)(answer, 400, 'VALIDATION');
      }
    });

    it('reads a gzip body that is one', async () => {
      const answer = await ask('/api/auth/login', {
        method: 'POST',
        headers: { ...JSON_TYPE, 'Content-Encoding': 'gzip' },
        body: gzipSync(JSON.stringify({ email: 'black-box@helix.test', password: 'not the password' })),
      });
      expectError(answer, 401, 'UNAUTHORIZED');
    });

    it.each([
      ['a malformed percent-encoding in the path', '/api/rooms/%E0%A4%A/threads', {}],
      ['an operator as an id', `/api/rooms/${encodeURIComponent('{"$ne":1}')}/threads`, {}],
      ['a query operator', '/api/initiatives?status[$ne]=draft', {}],
      ['a limit that is no number', `/api/rooms/${MISSING_ID}/messages?threadId=x&limit=lots`, {}],
      [
        'deeply nested JSON',
        '/api/initiatives',
        { method: 'POST', body: `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}` },
      ],
      [
        'a prototype-polluting body',
        '/api/initiatives',
        { method: 'POST', body: '{"__proto__":{"admin":true},"title":"x","summary":"y"}' },
      ],
    ])('answers %s with a 4xx, never a 500', async (_case, path, init) => {
      const answer = await ask(path, { ...asParticipant(init), language: 'ru' });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expectRussian(answer, answer.status, (answer.body as { code: ErrorCode }).code);
    });
  });

  it('answers 401 without a valid sign-in', async () => {
    expectError(await ask('/api/auth/me'), 401, 'UNAUTHORIZED');
    expectRussian(await ask('/api/auth/me', { language: 'ru' }), 401, 'UNAUTHORIZED');
    const forged = await ask('/api/auth/me', {
      headers: { Authorization: `Bearer ${participant.accessToken}x` },
    });
    expectError(forged, 401, 'UNAUTHORIZED');
  });

  it('answers 403 for what the caller may not do', async () => {
    const create = (language: string) =>
      ask(`/api/rooms/${room.id}/polls`, {
        ...asParticipant({ method: 'POST', body: JSON.stringify({ question: 'Q?', options: ['a', 'b'] }) }),
        language,
      });
    expectError(await create('en'), 403, 'FORBIDDEN');
    expectRussian(await create('ru'), 403, 'FORBIDDEN');
  });

  it('answers 404 for an unknown route, and for a missing room, under a built client', async () => {
    for (const method of ['GET', 'POST']) {
      const nowhere = await ask('/api/nowhere', asParticipant({ method }));
      expectError(nowhere, 404, 'NOT_FOUND');
      expect(nowhere.body).toMatchObject({ message: `Cannot ${method} /api/nowhere` });
    }
    expectError(await ask('/assets/index-gone42.js'), 404, 'NOT_FOUND');
    const missing = await ask(`/api/rooms/${MISSING_ID}/threads`, { ...asParticipant(), language: 'ru' });
    expectRussian(missing, 404, 'NOT_FOUND');
    expect(missing.body).toMatchObject({ message: 'Такой комнаты нет' });
  });

  it('answers 405 with Allow for a method a path does not have', async () => {
    const answer = await ask('/api/rooms', asParticipant({ method: 'DELETE' }));
    expectError(answer, 405, 'METHOD_NOT_ALLOWED');
    expect(answer.headers.get('allow')).toContain('GET');
    expectRussian(await ask('/api/rooms', { method: 'DELETE', language: 'ru' }), 405, 'METHOD_NOT_ALLOWED');
  });

  it('answers 409 for a conflict with the state', async () => {
    const again = (language: string) =>
      ask('/api/auth/register', {
        method: 'POST',
        headers: JSON_TYPE,
        language,
        body: JSON.stringify({
          email: participant.user.email,
          password: 'another good password',
          displayName: 'Again',
          organization: 'Tomsk State University',
          stakeholderGroup: 'university',
        }),
      });
    expectError(await again('en'), 409, 'CONFLICT');
    expectRussian(await again('ru'), 409, 'CONFLICT');
  });

  it('answers 413 to a 3 MB body, on the API and beside it', async () => {
    const huge = JSON.stringify({ email: 'black-box@helix.test', password: 'x'.repeat(3 * 1024 * 1024) });
    for (const path of ['/api/auth/login', '/api/rooms', '/r/tomsk-track']) {
      const english = await ask(path, { method: 'POST', headers: JSON_TYPE, body: huge });
      expectError(english, 413, 'TOO_LARGE');
      expect(english.body).toMatchObject({ message: 'The request body is too large' });
    }
    const russian = await ask('/api/auth/login', {
      method: 'POST',
      headers: JSON_TYPE,
      body: huge,
      language: 'ru',
    });
    expectRussian(russian, 413, 'TOO_LARGE');
    expect(russian.body).toMatchObject({ message: 'Запрос слишком большой' });
  });

  it('answers 429 with Retry-After when one account is guessed at', async () => {
    const guess = (language?: string) =>
      ask('/api/auth/login', {
        method: 'POST',
        headers: JSON_TYPE,
        language,
        body: JSON.stringify({ email: 'guessed@helix.test', password: 'a guess at it' }),
      });
    // RATE_LIMIT_LOGIN_FAILURES_BEFORE_DELAY (5) failures from one address, then each try waits.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await guess()).status);
    expect(statuses.every((status) => status === 401)).toBe(true);
    const limited = await guess('en');
    expectError(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expectRussian(await guess('ru'), 429, 'RATE_LIMITED');
  });

  // Last: the database does not come back.
  it('answers 503 with Retry-After while its embedded database is down', async () => {
    const databases = await childPids(api.child.pid ?? 0);
    expect(databases).toHaveLength(1);
    process.kill(databases[0], 'SIGKILL');
    const answer = await ask('/api/auth/me', asParticipant());
    expectError(answer, 503, 'UNAVAILABLE');
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    expectRussian(await ask('/api/auth/me', { ...asParticipant(), language: 'ru' }), 503, 'UNAVAILABLE');
    expect((await ask('/api/health')).status).toBe(503);
  });
});

/** The processes a process started (the API's embedded FerretDB). */
async function childPids(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`);
  const children = await Promise.all(
    tasks.map((task) => readFile(`/proc/${pid}/task/${task}/children`, 'utf8')),
  );
  return children.flatMap((list) => list.trim().split(/\s+/).filter(Boolean).map(Number));
}
