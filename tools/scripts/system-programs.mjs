// Finds the system programs that tests need and installs them from Debian when it can.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PROGRAMS = {
  chromium: { path: '/usr/bin/chromium', debian: 'chromium', purpose: 'the browser tests' },
  'redis-server': { path: '/usr/bin/redis-server', debian: 'redis-server', purpose: 'the scale-out tests' },
};

let aptUpdated = false;

const canInstall = () => process.getuid?.() === 0 && spawnSync('apt-get', ['--version']).status === 0;

/** Returns the path of each program, installing missing ones with apt-get; stops with one sentence otherwise. */
export function ensureSystemPrograms(names) {
  const paths = {};
  for (const name of names) {
    const program = PROGRAMS[name];
    if (!existsSync(program.path)) {
      if (!canInstall()) {
        fail(
          `${name} is needed for ${program.purpose}: install Debian's package "${program.debian}" (apt-get install ${program.debian}) and run the tests again.`,
        );
      }
      console.log(`Installing ${program.debian} from Debian for ${program.purpose}...`);
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      if (!aptUpdated) execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      aptUpdated = true;
      execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', program.debian], {
        stdio: 'inherit',
        env,
      });
    }
    paths[name] = program.path;
  }
  return paths;
}

/** Go builds the embedded FerretDB once; it is not needed when that build is already there. */
export function ensureGo(binaryBuilt) {
  if (binaryBuilt || spawnSync('go', ['version']).status === 0) return;
  fail(
    'Go 1.24 or newer is needed once, to build the embedded FerretDB database: install it (https://go.dev/dl) or set MONGODB_URI to a MongoDB server.',
  );
}

function fail(sentence) {
  console.error(sentence);
  process.exit(1);
}
