// `npm run fuzz`: Schemathesis against the built API (its OpenAPI document at /api/docs-json), on a free
// loopback port and a throwaway embedded database. Runs once as an admin (every operation is allowed, so
// every operation gets exercised) and once as a plain participant (403s and object-level rules).
//
// Env: FUZZ_MAX_EXAMPLES (default 50), FUZZ_SEED (default: random, printed), FUZZ_WORKERS (default 1:
// Python 3.11's ast module is not thread-safe, and Hypothesis parses lambdas while describing strategies),
// FUZZ_AS (default "admin,participant"), FUZZ_ARGS (extra schemathesis arguments, space-separated).
// Exits with Schemathesis' exit code (the worst of the runs).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from '../scripts/free-port.mjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const here = import.meta.dirname;
const venv = join(here, '.venv');
const schemathesis = join(venv, 'bin/schemathesis');
const maxExamples = positiveInt('FUZZ_MAX_EXAMPLES', 50);
const seed = process.env.FUZZ_SEED ? positiveInt('FUZZ_SEED', 0) : Math.floor(Math.random() * 2 ** 31);
const workers = positiveInt('FUZZ_WORKERS', 1);
const roles = (process.env.FUZZ_AS ?? 'admin,participant').split(',').map((role) => role.trim());
const extraArgs = (process.env.FUZZ_ARGS ?? '').split(/\s+/).filter(Boolean);
const reports = join(root, 'tmp/fuzz');

ensureVenv();
ensureBuild();
const api = await startApi();
let status = 1;
try {
  const started = Date.now();
  const tokens = await signUp(api.url);
  status = 0;
  for (const role of roles) {
    if (!tokens[role]) throw new Error(`FUZZ_AS: unknown role "${role}" (admin or participant)`);
    console.log(
      `\n== schemathesis as ${role}: max ${maxExamples} examples, seed ${seed}, ${workers} workers`,
    );
    status = Math.max(status, await runSchemathesis(api.url, tokens[role], role));
  }
  console.log(
    `\nFuzzing done in ${Math.round((Date.now() - started) / 1000)} s (seed ${seed}): ${status ? 'FAILED' : 'no failures'}`,
  );
} catch (error) {
  console.error(`Fuzzing could not run: ${error instanceof Error ? error.message : String(error)}`);
  status = status || 1;
} finally {
  await api.stop();
}
process.exit(status);

function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} must be a non-negative integer, not "${raw}"`);
    process.exit(2);
  }
  return value;
}

/** Creates tools/fuzz/.venv from requirements.txt once; a stamp of the requirements makes reruns instant. */
function ensureVenv() {
  const requirements = readFileSync(join(here, 'requirements.txt'), 'utf8');
  const stamp = join(venv, '.requirements.sha256');
  const digest = createHash('sha256').update(requirements).digest('hex');
  if (existsSync(schemathesis) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;
  const python = process.env.PYTHON ?? 'python3';
  console.log(`Installing Schemathesis into ${venv} (${requirements.trim()})`);
  if (!existsSync(join(venv, 'bin/pip'))) mustRun(python, ['-m', 'venv', venv]);
  mustRun(join(venv, 'bin/pip'), [
    'install',
    '--quiet',
    '--disable-pip-version-check',
    '-r',
    join(here, 'requirements.txt'),
  ]);
  writeFileSync(stamp, digest);
}

function ensureBuild() {
  if (existsSync(join(root, 'dist/apps/api/main.js'))) return;
  console.log('dist/apps/api/main.js is missing: building the API');
  mustRun('npx', ['nx', 'run', 'api:build', '--outputStyle=static']);
}

function mustRun(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed`);
    process.exit(result.status || 1);
  }
}

async function startApi() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'helix-fuzz-'));
  mkdirSync(reports, { recursive: true });
  const log = join(reports, 'api.log');
  const child = spawn(process.execPath, [join(root, 'dist/apps/api/main.js')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      HELIX_DATA_DIR: dataDir,
      HELIX_DB_NAME: 'helix_fuzz',
      // A built client, as `npm start` serves one: its routes sit beside the API's and must not change them.
      HELIX_WEB_DIR: join(root, 'tools/test/web-client-stub'),
      JWT_SECRET: 'fuzz-secret-that-is-long-enough-for-hs256-signing',
      ADMIN_EMAILS: 'fuzz-admin@helix.test',
      PASSWORD_HASH_COST: 'fast',
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      SOCKET_SEND_LIMIT: '100000:100000',
      // Rate limits, where the API has them, are generous: the fuzzer sends thousands of requests.
      ...rateLimitEnv(),
    },
  });
  const chunks = [];
  child.stdout.on('data', (chunk) => chunks.push(chunk));
  child.stderr.on('data', (chunk) => chunks.push(chunk));
  const stop = () =>
    new Promise((done) => {
      const finish = () => {
        writeFileSync(log, Buffer.concat(chunks));
        rmSync(dataDir, { recursive: true, force: true });
        done();
      };
      if (child.exitCode !== null || child.signalCode !== null) return finish();
      child.once('exit', finish);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 900; i++) {
    if (child.exitCode !== null) {
      process.stderr.write(Buffer.concat(chunks));
      throw new Error('the API exited during start');
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) {
        console.log(`API on ${url} (log: ${log})`);
        return { url, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  await stop();
  throw new Error('the API did not become healthy');
}

/** Rate-limit variables the API's env schema knows, each set far above what the fuzzer sends. */
function rateLimitEnv() {
  const schema = readFileSync(join(root, 'libs/api/core/src/lib/config/env.schema.ts'), 'utf8');
  const names = [...schema.matchAll(/^\s+([A-Z][A-Z0-9_]*(?:RATE|THROTTLE|LIMIT)[A-Z0-9_]*):/gm)].map(
    (match) => match[1],
  );
  const env = {};
  for (const name of names) {
    if (name === 'SOCKET_SEND_LIMIT') continue;
    if (process.env[name] === undefined) env[name] = /DISABLED?$/.test(name) ? 'true' : '1000000';
  }
  return env;
}

async function signUp(url) {
  const register = async (email, displayName) => {
    const response = await fetch(`${url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email,
        password: 'fuzz-password-123',
        displayName,
        organization: 'Helix Fuzzing',
        stakeholderGroup: 'university',
      }),
    });
    if (response.status !== 201)
      throw new Error(`register ${email}: ${response.status} ${await response.text()}`);
    return (await response.json()).accessToken;
  };
  return {
    admin: await register('fuzz-admin@helix.test', 'Fuzz Admin'),
    participant: await register('fuzz-participant@helix.test', 'Fuzz Participant'),
  };
}

function runSchemathesis(url, token, role) {
  const args = [
    '--config-file',
    join(here, 'schemathesis.toml'),
    'run',
    `${url}/api/docs-json`,
    '--checks',
    'all',
    '--phases',
    'examples,coverage,fuzzing,stateful',
    '--max-examples',
    String(maxExamples),
    '--seed',
    String(seed),
    '--workers',
    String(workers),
    '--header',
    `Authorization: Bearer ${token}`,
    '--report',
    'junit,ndjson',
    '--report-dir',
    join(reports, role),
    '--no-color',
    ...extraArgs,
  ];
  return new Promise((resolve) => {
    // Run from tmp/fuzz, so whatever Schemathesis or Hypothesis leave behind stays out of the sources.
    const child = spawn(schemathesis, args, { cwd: reports, stdio: 'inherit' });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
