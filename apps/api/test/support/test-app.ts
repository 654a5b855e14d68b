import type { INestApplication } from '@nestjs/common';
import type { EnvOverrides } from '@helix/api/core';
import type {
  AuthResponse,
  ClientToServerEvents,
  RegisterRequest,
  Room,
  ServerToClientEvents,
} from '@helix/contract';
import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { createApp } from '../../src/app/create-app';
import { TEST_MONGO_URI_VAR, WEB_CLIENT_STUB } from './paths';

export const ADMIN_EMAIL = 'admin@helix.test';
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

export type TestSocket = Socket<
  ServerToClientEvents & { 'session:expired': () => void },
  ClientToServerEvents
>;

export interface TestUser extends AuthResponse {
  password: string;
}

/** Requests that carry a user's access token; a body, when given, is sent as JSON. */
export interface AuthedRequests {
  get(path: string): request.Test;
  delete(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  put(path: string, body?: object): request.Test;
  patch(path: string, body?: object): request.Test;
}

export interface TestApp {
  app: INestApplication;
  url: string;
  dbName: string;
  http: () => ReturnType<typeof request>;
  /** Requests as `user`: `t.as(ann).post('/api/...', body).expect(201)`. */
  as(user: TestUser): AuthedRequests;
  register(overrides?: Partial<RegisterRequest>): Promise<TestUser>;
  moderator(overrides?: Partial<RegisterRequest>): Promise<TestUser>;
  /** The seeded rooms, as `user` lists them. */
  rooms(user: TestUser): Promise<Room[]>;
  /** A socket signed in with `token`; `lang` is the language its errors come in. */
  connect(token: string, options?: { lang?: string }): Promise<TestSocket>;
  close(): Promise<void>;
}

export const uniqueDbName = (): string => `t_${randomBytes(6).toString('hex')}`;

export function testMongoUri(dbName: string): string {
  const base = process.env[TEST_MONGO_URI_VAR];
  if (!base) throw new Error(`${TEST_MONGO_URI_VAR} is not set: run the tests through jest (global setup)`);
  return `${base}${dbName}`;
}

/** Starts the real app (same wiring as main.ts) on a loopback port and a database of its own. */
export async function startTestApp(options: { dbName?: string; env?: EnvOverrides } = {}): Promise<TestApp> {
  const dbName = options.dbName ?? uniqueDbName();
  const app = await createApp({
    NODE_ENV: 'test',
    MONGODB_URI: testMongoUri(dbName),
    JWT_SECRET: TEST_JWT_SECRET,
    PASSWORD_HASH_COST: 'fast',
    ADMIN_EMAILS: ADMIN_EMAIL,
    HELIX_WEB_DIR: WEB_CLIENT_STUB,
    // Jest's own output stays readable; a test that reads the log runs the built API (api-process.ts).
    LOG_LEVEL: 'warn',
    ...options.env,
  });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const sockets: TestSocket[] = [];
  let counter = 0;
  let admin: Promise<TestUser> | undefined;

  const as = (user: TestUser): AuthedRequests => {
    const authed = (method: 'get' | 'delete' | 'post' | 'put' | 'patch') => (path: string, body?: object) => {
      const call = request(url)
        [method](path)
        .set(...bearer(user.accessToken));
      return body === undefined ? call : call.send(body);
    };
    return {
      get: authed('get'),
      delete: authed('delete'),
      post: authed('post'),
      put: authed('put'),
      patch: authed('patch'),
    };
  };

  const register = async (overrides: Partial<RegisterRequest> = {}): Promise<TestUser> => {
    counter += 1;
    const body: RegisterRequest = {
      email: `user${counter}-${randomBytes(3).toString('hex')}@helix.test`,
      password: 'correct horse battery',
      displayName: `User ${counter}`,
      organization: 'Tomsk State University',
      stakeholderGroup: 'university',
      ...overrides,
    };
    const response = await request(url).post('/api/auth/register').send(body).expect(201);
    return { ...(response.body as AuthResponse), password: body.password };
  };

  const moderator = async (overrides: Partial<RegisterRequest> = {}): Promise<TestUser> => {
    admin ??= register({ email: ADMIN_EMAIL, displayName: 'Admin' });
    const user = await register(overrides);
    await as(await admin)
      .patch(`/api/users/${user.user.id}/roles`, { roles: ['moderator'] })
      .expect(200);
    // Roles travel in the access token, so sign in again to carry the new one.
    const login = await request(url)
      .post('/api/auth/login')
      .send({ email: user.user.email, password: user.password })
      .expect(200);
    return { ...(login.body as AuthResponse), password: user.password };
  };

  const connect = (token: string, options: { lang?: string } = {}): Promise<TestSocket> => {
    const socket: TestSocket = io(url, {
      auth: options.lang ? { token, lang: options.lang } : { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  };

  return {
    app,
    url,
    dbName,
    http: () => request(url),
    as,
    register,
    moderator,
    rooms: async (user) => (await as(user).get('/api/rooms').expect(200)).body as Room[],
    connect,
    close: async () => {
      sockets.forEach((socket) => socket.disconnect());
      await app.close();
    },
  };
}

/** Emits an event and resolves with its ack (rejects if none comes). */
export function emitWithAck<T = Record<string, unknown>>(
  socket: TestSocket,
  event: string,
  payload: unknown,
  timeoutMs = 10_000,
): Promise<T & { ok: boolean; error?: { code: string; message: string; retryable: boolean } }> {
  return (socket as unknown as Socket).timeout(timeoutMs).emitWithAck(event, payload);
}

export const bearer = (token: string): [string, string] => ['Authorization', `Bearer ${token}`];
