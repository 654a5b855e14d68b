import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';

const FILE_NAME = 'jwt-secret';
const OWNER_ONLY = 0o600;

export interface KeptSecret {
  secret: string;
  /** Absolute path of the file that keeps it. */
  file: string;
}

/**
 * The access-token signing secret when JWT_SECRET is not set: made once in the data folder, readable by its
 * owner only, and read again on every start, so that a restart keeps the hall signed in.
 */
export function keptJwtSecret(dataDir: string): KeptSecret {
  const file = join(resolve(dataDir), FILE_NAME);
  mkdirSync(resolve(dataDir), { recursive: true });
  if (!existsSync(file)) createOnce(file);
  // A copy or a restore may have widened its mode; the secret stays the owner's.
  if (statSync(file).mode & 0o077) chmodSync(file, OWNER_ONLY);
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) {
    throw new Error(`${file} does not hold a secret of 32+ characters: delete it (everyone signs in again)`);
  }
  return { secret, file };
}

/** Written aside, then linked into place: a second instance starting at once never reads a half-written file. */
function createOnce(file: string): void {
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${randomBytes(48).toString('base64url')}\n`, { mode: OWNER_ONLY });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}
