import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidConfigError, parseEnv } from './env.schema';

describe('parseEnv', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'helix-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('fills defaults', () => {
    const env = parseEnv({ HELIX_DATA_DIR: dataDir });
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      ADMIN_EMAILS: [],
      CORS_ORIGINS: [],
    });
    expect(env.SOCKET_SEND_LIMIT).toEqual({ burst: 20, perSecond: 2 });
    expect(env).toMatchObject({
      RATE_LIMIT_PERSON_WRITES_PER_10S: 30,
      RATE_LIMIT_CREATE_PER_MINUTE: 5,
      RATE_LIMIT_LOGIN_FAILURES_BEFORE_DELAY: 5,
      RATE_LIMIT_LOGIN_FAILURES_PER_HOUR: 100,
    });
  });

  it('without JWT_SECRET, keeps one secret in the data folder, readable by its owner only', () => {
    const first = parseEnv({ HELIX_DATA_DIR: dataDir, NODE_ENV: 'production' });
    const file = join(dataDir, 'jwt-secret');
    expect(first.jwtSecretFile).toBe(file);
    expect(first.JWT_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.JWT_SECRET);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parseEnv({ HELIX_DATA_DIR: dataDir }).JWT_SECRET).toBe(first.JWT_SECRET);
  });

  it('takes JWT_SECRET over the kept one, and keeps the kept one to itself', () => {
    const kept = parseEnv({ HELIX_DATA_DIR: dataDir }).JWT_SECRET;
    chmodSync(join(dataDir, 'jwt-secret'), 0o644);
    const given = 'a-secret-from-the-environment-of-40-chars';
    expect(parseEnv({ HELIX_DATA_DIR: dataDir, JWT_SECRET: given })).toMatchObject({
      JWT_SECRET: given,
      jwtSecretFile: undefined,
    });
    expect(parseEnv({ HELIX_DATA_DIR: dataDir }).JWT_SECRET).toBe(kept);
    expect(statSync(join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
  });

  it('stops on a kept secret that is not one, naming the file', () => {
    writeFileSync(join(dataDir, 'jwt-secret'), '\n', { mode: 0o600 });
    expect(() => parseEnv({ HELIX_DATA_DIR: dataDir })).toThrow(InvalidConfigError);
    expect(() => parseEnv({ HELIX_DATA_DIR: dataDir })).toThrow(join(dataDir, 'jwt-secret'));
  });

  it('reads comma-separated lists, lower-casing admin emails', () => {
    const env = parseEnv({
      HELIX_DATA_DIR: dataDir,
      ADMIN_EMAILS: ' Chair@Forum.org, , host@forum.org',
      CORS_ORIGINS: 'https://forum.example',
    });
    expect(env.ADMIN_EMAILS).toEqual(['chair@forum.org', 'host@forum.org']);
    expect(env.CORS_ORIGINS).toEqual(['https://forum.example']);
  });

  it.each(['https://forum.example', 'http://192.0.2.2:3000'])('takes PUBLIC_URL %s', (url) => {
    expect(parseEnv({ HELIX_DATA_DIR: dataDir, PUBLIC_URL: url }).PUBLIC_URL).toBe(url);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ MONGODB_URI: 'postgres://x' }, 'MONGODB_URI'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ REDIS_URL: 'redis://cache:6379' }, 'JWT_SECRET: is required with REDIS_URL'],
    [{ ADMIN_EMAILS: 'not-an-email' }, 'ADMIN_EMAILS'],
    [{ SOCKET_SEND_LIMIT: 'fast' }, 'SOCKET_SEND_LIMIT'],
    [{ PUBLIC_URL: 'forum.example' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'ftp://forum.example' }, 'PUBLIC_URL: must be an http:// or https:// URL'],
  ])('stops on %j naming %s', (raw, name) => {
    expect(() => parseEnv(raw)).toThrow(InvalidConfigError);
    expect(() => parseEnv(raw)).toThrow(name);
  });
});
