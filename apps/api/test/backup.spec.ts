import type { AuthResponse, MessagePage, Room, Thread } from '@helix/contract';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import mongoose from 'mongoose';
import { io } from 'socket.io-client';
import request from 'supertest';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { WORKSPACE_ROOT } from './support/paths';
import { testMongoUri, uniqueDbName } from './support/test-app';

const run = promisify(execFile);
const PASSWORD = 'backup password 123';

/** `node dist/apps/api/main.js backup|restore ...`, as `npm run backup -- FILE` runs it after the build. */
async function cli(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['dist/apps/api/main.js', ...args], {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, NODE_ENV: 'test', ...env },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

/** Every document of every collection, as canonical Extended JSON, so types count as well as values. */
async function everyDocument(uri: string): Promise<Record<string, string[]>> {
  const connection = await mongoose.createConnection(uri).asPromise();
  try {
    const db = connection.db!;
    const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
    const all: Record<string, string[]> = {};
    for (const name of names) {
      const documents = await db.collection(name).find({}).toArray();
      all[name] = documents.map((d) => mongoose.mongo.BSON.EJSON.stringify(d, { relaxed: false })).sort();
    }
    return all;
  } finally {
    await connection.close();
  }
}

async function dropDatabase(uri: string): Promise<void> {
  const connection = await mongoose.createConnection(uri).asPromise();
  await connection.dropDatabase();
  await connection.close();
}

async function populate(api: ApiProcess): Promise<{ session: AuthResponse; room: Room; thread: Thread }> {
  const session = (
    await request(api.url)
      .post('/api/auth/register')
      .send({
        email: 'kept@helix.test',
        password: PASSWORD,
        displayName: 'Kept',
        organization: 'O',
        stakeholderGroup: 'university',
      })
      .expect(201)
  ).body as AuthResponse;
  const auth = ['Authorization', `Bearer ${session.accessToken}`] as const;
  const room = (
    (
      await request(api.url)
        .get('/api/rooms')
        .set(...auth)
    ).body as Room[]
  )[0];
  const thread = (
    await request(api.url)
      .post(`/api/rooms/${room.id}/threads`)
      .set(...auth)
      .send({ title: 'Kept thread' })
      .expect(201)
  ).body as Thread;
  const socket = io(api.url, { auth: { token: session.accessToken }, transports: ['websocket'] });
  for (let i = 0; i < 5; i++) {
    const ack = (await socket.timeout(10_000).emitWithAck('message:send', {
      roomId: room.id,
      threadId: thread.id,
      text: `kept ${i}`,
      clientId: `k${i}`,
    })) as {
      ok: boolean;
    };
    expect(ack.ok).toBe(true);
  }
  socket.disconnect();
  return { session, room, thread };
}

describe('backup and restore', () => {
  const env = { MONGODB_URI: testMongoUri(uniqueDbName()) };
  let dir: string;
  let api: ApiProcess | undefined;
  /** The database as the first backup took it. */
  let backedUp: Record<string, string[]>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'helix-backup-'));
  });
  afterAll(async () => {
    await api?.kill('SIGTERM');
  });

  it('round-trips a populated database: backup, wipe, restore, every document is back', async () => {
    api = await startApiProcess(env);
    const { room, thread } = await populate(api);
    await api.kill('SIGTERM');
    api = undefined;
    const before = await everyDocument(env.MONGODB_URI);
    expect(Object.keys(before).length).toBeGreaterThan(5);
    backedUp = before;

    const file = join(dir, 'forum.ndjson.gz');
    const backup = await cli(env, 'backup', file);
    expect(backup).toMatchObject({ code: 0, output: expect.stringMatching(/^Backed up \d+ documents/) });
    const manifest = JSON.parse(
      gunzipSync(await readFile(file))
        .toString()
        .split('\n')[0],
    ) as {
      helixVersion: string;
      schemaVersion: number;
      collections: Record<string, number>;
    };
    expect(manifest).toMatchObject({ helixVersion: expect.any(String), schemaVersion: 1 });
    expect(Object.keys(manifest.collections).sort()).toEqual(Object.keys(before));

    await dropDatabase(env.MONGODB_URI);
    expect(await everyDocument(env.MONGODB_URI)).toEqual({});
    expect(await cli(env, 'restore', file)).toMatchObject({ code: 0 });
    expect(await everyDocument(env.MONGODB_URI)).toEqual(before);

    // And Helix reads it: the account signs in, the messages are there.
    api = await startApiProcess(env);
    const login = await request(api.url)
      .post('/api/auth/login')
      .send({ email: 'kept@helix.test', password: PASSWORD })
      .expect(200);
    const page = (
      await request(api.url)
        .get(`/api/rooms/${room.id}/messages?threadId=${thread.id}`)
        .set('Authorization', `Bearer ${(login.body as AuthResponse).accessToken}`)
        .expect(200)
    ).body as MessagePage;
    expect(page.items.map((message) => message.text)).toEqual([0, 1, 2, 3, 4].map((i) => `kept ${i}`));
    await api.kill('SIGTERM');
    api = undefined;
  });

  it('refuses a non-empty database without --force, and replaces what is there with --force', async () => {
    const file = join(dir, 'forum.ndjson.gz');
    // Since the backup, the sign-in above added a session.
    const now = await everyDocument(env.MONGODB_URI);
    expect(now).not.toEqual(backedUp);
    const refused = await cli(env, 'restore', file);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/Refused: The database already holds \d+ documents/);
    expect(await everyDocument(env.MONGODB_URI)).toEqual(now);
    expect(await cli(env, 'restore', file, '--force')).toMatchObject({ code: 0 });
    expect(await everyDocument(env.MONGODB_URI)).toEqual(backedUp);
  });

  it('refuses a backup of another schema version, and changes nothing', async () => {
    const [manifest, ...rest] = gunzipSync(await readFile(join(dir, 'forum.ndjson.gz')))
      .toString()
      .split('\n');
    const newer = join(dir, 'newer.ndjson.gz');
    await writeFile(
      newer,
      gzipSync([JSON.stringify({ ...JSON.parse(manifest), schemaVersion: 2 }), ...rest].join('\n')),
    );
    const other = { MONGODB_URI: testMongoUri(uniqueDbName()) };
    const refused = await cli(other, 'restore', newer, '--force');
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/Refused: The backup has schema version 2/);
    expect(await everyDocument(other.MONGODB_URI)).toEqual({});
  });

  it('writes scheduled backups into the data folder and keeps the newest BACKUP_KEEP', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'helix-backup-data-'));
    // 0.0005 h: every 1.8 s.
    api = await startApiProcess({
      ...env,
      HELIX_DATA_DIR: dataDir,
      BACKUP_EVERY_HOURS: '0.0005',
      BACKUP_KEEP: '2',
    });
    const backups = join(dataDir, 'backups');
    const written = async (): Promise<string[]> => (await readdir(backups).catch(() => [])).sort();
    const deadline = Date.now() + 30_000;
    while (!api.output().match(/Backup written/g)?.[2] && Date.now() < deadline)
      await new Promise((done) => setTimeout(done, 200));
    expect(api.output().match(/Backup written/g)?.length).toBeGreaterThanOrEqual(3);
    const kept = await written();
    expect(kept).toHaveLength(2);
    expect(kept.every((name) => /^helix-\d{8}T\d{6}Z\.ndjson\.gz$/.test(name))).toBe(true);
  });
});
