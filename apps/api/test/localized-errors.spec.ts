import { emitWithAck, startTestApp, type TestApp, type TestUser } from './support/test-app';

const MISSING_ID = '0123456789abcdef01234567';

describe('error messages in the caller’s language', () => {
  let t: TestApp;
  let ann: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    ann = await t.register({ displayName: 'Ann' });
  });
  afterAll(() => t.close());

  it('answers a 404 in Russian when Russian comes first in Accept-Language, and in English otherwise', async () => {
    const ask = (language?: string) => {
      const call = t.as(ann).get(`/api/rooms/${MISSING_ID}/threads`);
      return (language ? call.set('Accept-Language', language) : call).expect(404);
    };
    const russian = { statusCode: 404, error: 'Not Found', code: 'NOT_FOUND', message: 'Такой комнаты нет' };
    expect((await ask('ru')).body).toEqual(russian);
    expect((await ask('ru-RU,ru;q=0.9,en;q=0.8')).body).toEqual(russian);
    expect((await ask('en-US,en;q=0.9,ru;q=0.5')).body).toEqual({ ...russian, message: 'No such room' });
    expect((await ask()).body).toEqual({ ...russian, message: 'No such room' });
    expect((await ask('de')).body.message).toBe('No such room');
  });

  it('answers a 409 in Russian with the same code', async () => {
    const register = (language: string) =>
      t
        .http()
        .post('/api/auth/register')
        .set('Accept-Language', language)
        .send({
          email: ann.user.email,
          password: 'another good password',
          displayName: 'Ann again',
          organization: 'Tomsk State University',
          stakeholderGroup: 'university',
        })
        .expect(409);
    expect((await register('ru')).body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'CONFLICT',
      message: 'Аккаунт с такой эл. почтой уже есть',
    });
    expect((await register('en')).body.message).toBe('An account with this email already exists');
  });

  it('answers validation errors (400) in Russian, field by field', async () => {
    const register = (language: string) =>
      t
        .http()
        .post('/api/auth/register')
        .set('Accept-Language', language)
        .send({ email: 'not an email', password: 'short', displayName: '', stakeholderGroup: 'aliens' })
        .expect(400);
    const russian = await register('ru');
    expect(russian.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION' });
    expect(russian.body.message).toEqual(
      expect.arrayContaining([
        'email: Неверный адрес эл. почты',
        expect.stringMatching(/^password: Нужно не меньше \d+ символов$/),
        'displayName: Не может быть пустым',
        'organization: Обязательное поле',
        expect.stringMatching(/^stakeholderGroup: Допустимые значения: "university", /),
      ]),
    );
    const english = await register('en');
    expect(english.body.message).toEqual(
      expect.arrayContaining([
        'email: Invalid email address',
        'organization: Invalid input: expected string, received undefined',
      ]),
    );
  });

  it('puts a wrong password, an unknown route and a refused sign-in in Russian', async () => {
    const login = await t
      .http()
      .post('/api/auth/login')
      .set('Accept-Language', 'ru')
      .send({ email: ann.user.email, password: 'not the password' })
      .expect(401);
    expect(login.body).toMatchObject({ code: 'UNAUTHORIZED', message: 'Неверная эл. почта или пароль' });
    const signedOut = await t.http().get('/api/rooms').set('Accept-Language', 'ru').expect(401);
    expect(signedOut.body.message).toBe(
      'Сначала войдите: токен доступа отсутствует, недействителен или истёк',
    );
    const nowhere = await t.as(ann).get('/api/nowhere').set('Accept-Language', 'ru').expect(404);
    expect(nowhere.body).toMatchObject({ code: 'NOT_FOUND', message: 'Адрес не найден: GET /api/nowhere' });
  });

  it('acks socket errors in the language the client gave in its handshake', async () => {
    const russian = await t.connect(ann.accessToken, { lang: 'ru' });
    const english = await t.connect(ann.accessToken);
    const join = { roomId: MISSING_ID };
    expect(await emitWithAck(russian, 'room:join', join)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Такой комнаты нет', retryable: false },
    });
    expect((await emitWithAck(english, 'room:join', join)).error?.message).toBe('No such room');
    const invalid = await emitWithAck(russian, 'room:join', { roomId: 'nope' });
    expect(invalid.error).toEqual({
      code: 'VALIDATION',
      message: 'roomId: нужен id из 24 шестнадцатеричных символов',
      retryable: false,
    });
    // Sockets in both languages interleave on one server without taking each other's language.
    const [first, second] = await Promise.all([
      emitWithAck(english, 'room:join', join),
      emitWithAck(russian, 'room:join', join),
    ]);
    expect([first.error?.message, second.error?.message]).toEqual(['No such room', 'Такой комнаты нет']);
  });
});
