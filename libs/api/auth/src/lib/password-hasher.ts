import { Injectable } from '@nestjs/common';
import { FifoSemaphore, HelixConfig } from '@helix/api/core';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';

const KEY_LENGTH = 32;

/** scrypt is memory-hard: N=2^15, r=8 takes 32 MiB per hash, which defeats GPU guessing. */
const COSTS: Record<'standard' | 'fast', ScryptOptions> = {
  standard: { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 },
  fast: { N: 2 ** 10, r: 8, p: 1, maxmem: 64 * 1024 * 1024 },
};

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

@Injectable()
export class PasswordHasher {
  private readonly options: ScryptOptions;
  /**
   * scrypt runs on libuv's small thread pool, which file and DNS work share: a flood of sign-ins would
   * fill it and leave everyone else waiting. At most one hash per core runs at once; the rest queue in
   * arrival order, so a flooded email does not get ahead of anyone.
   */
  private readonly hashing = new FifoSemaphore(availableParallelism());
  /** Verified against when the email is unknown, so a miss costs as much time as a wrong password. */
  private decoy?: Promise<string>;

  constructor(config: HelixConfig) {
    this.options = COSTS[config.get('PASSWORD_HASH_COST')];
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await this.hashing.run(() => derive(password, salt, this.options));
    const { N, r, p } = this.options;
    return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [scheme, N, r, p, salt, key] = stored.split('$');
    // An account with no password (imported from a roster) fails as slowly as a wrong password.
    if (scheme !== 'scrypt' || !salt || !key) return this.verifyDecoy(password);
    const expected = Buffer.from(key, 'base64');
    const actual = await this.hashing.run(() =>
      derive(password, Buffer.from(salt, 'base64'), {
        N: Number(N),
        r: Number(r),
        p: Number(p),
        maxmem: this.options.maxmem,
      }),
    );
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  async verifyDecoy(password: string): Promise<false> {
    this.decoy ??= this.hash(randomBytes(16).toString('hex'));
    await this.verify(password, await this.decoy);
    return false;
  }
}
