import { InvalidConfigError, parseEnv } from './env.schema';

describe('parseEnv', () => {
  it('fills defaults and generates a JWT secret outside production', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      ADMIN_EMAILS: [],
      CORS_ORIGINS: [],
      jwtSecretGenerated: true,
    });
    expect(env.JWT_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(env.SOCKET_SEND_LIMIT).toEqual({ burst: 20, perSecond: 2 });
  });

  it('reads comma-separated lists, lower-casing admin emails', () => {
    const env = parseEnv({
      ADMIN_EMAILS: ' Chair@Forum.org, , host@forum.org',
      CORS_ORIGINS: 'https://forum.example',
    });
    expect(env.ADMIN_EMAILS).toEqual(['chair@forum.org', 'host@forum.org']);
    expect(env.CORS_ORIGINS).toEqual(['https://forum.example']);
  });

  it.each(['https://forum.example', 'http://192.0.2.2:3000'])('takes PUBLIC_URL %s', (url) => {
    expect(parseEnv({ PUBLIC_URL: url }).PUBLIC_URL).toBe(url);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ MONGODB_URI: 'postgres://x' }, 'MONGODB_URI'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET: is required when NODE_ENV=production'],
    [{ ADMIN_EMAILS: 'not-an-email' }, 'ADMIN_EMAILS'],
    [{ SOCKET_SEND_LIMIT: 'fast' }, 'SOCKET_SEND_LIMIT'],
    [{ PUBLIC_URL: 'forum.example' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'ftp://forum.example' }, 'PUBLIC_URL: must be an http:// or https:// URL'],
  ])('stops on %j naming %s', (raw, name) => {
    expect(() => parseEnv(raw)).toThrow(InvalidConfigError);
    expect(() => parseEnv(raw)).toThrow(name);
  });
});
