// Writes the third day straight into Helix's embedded database while Helix is stopped: starts the same
// FerretDB binary on the same data folder with the same flags as libs/api/embedded-db (ferretdb-process.ts),
// and inserts the documents of third-day.mjs with the MongoDB driver.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { freePort, root, track } from '../helix-server.mjs';
import { log, sleep } from '../harness.mjs';
import { COLLECTIONS, thirdDay } from './third-day.mjs';

const DB_NAME = 'helix';
const BATCH = 1000;

/**
 * The FerretDB the API runs: `.tools/ferretdb/<version>/ferretdb` (HELIX_TOOLS_DIR moves `.tools`),
 * preferring a Helix-patched build (`v1.24.2-helix.1`) over the released one.
 */
export function ferretDbBinary() {
  const dir = join(root, process.env.HELIX_TOOLS_DIR ?? '.tools', 'ferretdb');
  const builds = existsSync(dir)
    ? readdirSync(dir)
        .filter((version) => existsSync(join(dir, version, 'ferretdb')))
        .sort((a, b) => Number(b.includes('helix')) - Number(a.includes('helix')) || b.localeCompare(a))
    : [];
  if (!builds.length) throw new Error(`no FerretDB build in ${dir} (start Helix once to build it)`);
  return join(dir, builds[0], 'ferretdb');
}

/** FerretDB on the data folder of HELIX_DATA_DIR=`dataDir` (the API keeps it in `<dataDir>/db`). */
export async function startFerretDb(dataDir, { startTimeoutMs = 30_000 } = {}) {
  const stateDir = join(dataDir, 'db');
  const sqliteDir = join(stateDir, 'ferretdb');
  mkdirSync(sqliteDir, { recursive: true });
  const port = await freePort();
  const binary = ferretDbBinary();
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${sqliteDir}/`,
      `--state-dir=${stateDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  track(child);
  // The driver's endSessions on close, which FerretDB 1.24 does not know, is logged as a warning: keep the
  // log for a failed start only.
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  const deadline = performance.now() + startTimeoutMs;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`FerretDB (${binary}) did not start on 127.0.0.1:${port}: ${stderr.trim()}`);
    }
    await sleep(50);
  }
  return {
    binary,
    pid: child.pid,
    uri: `mongodb://127.0.0.1:${port}/`,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        child.kill('SIGTERM');
      }),
    kill: () => child.kill('SIGKILL'),
  };
}

function canConnect(port) {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/**
 * Inserts the third day into a data folder Helix has seeded (its rooms) and stopped. `adminEmail` is the
 * account registered through the API: its password hash is every generated account's. `watch` (a
 * MemoryWatch) follows FerretDB meanwhile. Returns the manifest of what was written and how long it took.
 */
export async function writeThirdDay({ dataDir, adminEmail, volumes, probes, samples, seed, watch }) {
  const started = performance.now();
  const ferret = await startFerretDb(dataDir);
  watch.follow({ ferretdbPid: ferret.pid, kill: ferret.kill });
  const client = new MongoClient(`${ferret.uri}${DB_NAME}`, {
    serverSelectionTimeoutMS: 10_000,
    socketTimeoutMS: 300_000,
  });
  try {
    await client.connect();
    const db = client.db();
    const rooms = (await db.collection('rooms').find({}).toArray()).map((room) => ({
      id: room._id.toHexString(),
      slug: room.slug,
      order: room.order,
    }));
    const admin = await db.collection('users').findOne({ email: adminEmail });
    if (!rooms.length || !admin)
      throw new Error(`the data folder has ${rooms.length} rooms and no ${adminEmail}`);
    const generated = performance.now();
    const { collections, manifest } = thirdDay({
      rooms,
      admin: {
        id: admin._id.toHexString(),
        displayName: admin.displayName,
        organization: admin.organization,
        stakeholderGroup: admin.stakeholderGroup,
      },
      passwordHash: admin.passwordHash,
      volumes,
      probes,
      samples,
      seed,
    });
    const generateS = (performance.now() - generated) / 1000;
    const insertS = {};
    for (const name of COLLECTIONS) {
      const docs = collections[name];
      const t0 = performance.now();
      watch.operation = `writing ${name}`;
      for (let i = 0; i < docs.length; i += BATCH) {
        watch.check();
        await db.collection(name).insertMany(docs.slice(i, i + BATCH), { ordered: false });
      }
      insertS[name] = +((performance.now() - t0) / 1000).toFixed(2);
      log(`  ${name}: ${docs.length} documents in ${insertS[name]} s`);
    }
    return {
      binary: ferret.binary,
      manifest: { ...manifest, rooms: rooms.length, adminId: admin._id.toHexString() },
      counts: Object.fromEntries(COLLECTIONS.map((name) => [name, collections[name].length])),
      generateS: +generateS.toFixed(2),
      insertS,
      seconds: +((performance.now() - started) / 1000).toFixed(1),
    };
  } finally {
    await client.close(true).catch(() => undefined);
    watch.unfollow();
    await ferret.stop();
  }
}
