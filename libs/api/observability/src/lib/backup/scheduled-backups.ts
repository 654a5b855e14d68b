import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { HelixConfig } from '@helix/api/core';
import type { Connection } from 'mongoose';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Metrics } from '../metrics/metrics';
import { writeBackup } from './backup-archive';

const PREFIX = 'helix-';
const SUFFIX = '.ndjson.gz';

export interface LastBackup {
  file: string;
  at: string;
  documents: number;
}

/**
 * With BACKUP_EVERY_HOURS, a backup into HELIX_DATA_DIR/backups at that interval, keeping the newest
 * BACKUP_KEEP. Names sort by time, so the oldest go first. A failure is logged and tried at the next turn.
 */
@Injectable()
export class ScheduledBackups implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Backup');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  last?: LastBackup;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly config: HelixConfig,
    metrics: Metrics,
  ) {
    metrics.sample('helix_backup_last_success_timestamp_seconds', () =>
      this.last ? Date.parse(this.last.at) / 1000 : 0,
    );
  }

  get directory(): string {
    return join(resolve(this.config.get('HELIX_DATA_DIR')), 'backups');
  }

  onApplicationBootstrap(): void {
    const hours = this.config.get('BACKUP_EVERY_HOURS');
    if (!hours) return;
    this.timer = setInterval(() => {
      this.running ??= this.backUp().finally(() => (this.running = undefined));
    }, hours * 3_600_000);
    this.timer.unref();
    this.logger.log(
      `A backup every ${hours} h into ${this.directory}, the newest ${this.config.get('BACKUP_KEEP')} kept`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async backUp(): Promise<void> {
    const db = this.connection.db;
    if (!db) return;
    try {
      await mkdir(this.directory, { recursive: true, mode: 0o700 });
      const stamp = new Date()
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
      const file = join(this.directory, `${PREFIX}${stamp}${SUFFIX}`);
      const manifest = await writeBackup(db, file);
      const documents = Object.values(manifest.collections).reduce((sum, count) => sum + count, 0);
      this.last = { file, at: manifest.createdAt, documents };
      // Logged once the old ones are gone, so the line means the folder holds what it promises.
      await this.prune();
      this.logger.log({ msg: 'Backup written', file, documents });
    } catch (error) {
      this.logger.error({ msg: 'Backup failed', err: error });
    }
  }

  private async prune(): Promise<void> {
    const backups = (await readdir(this.directory))
      .filter((name) => name.startsWith(PREFIX) && name.endsWith(SUFFIX))
      .sort();
    for (const name of backups.slice(0, Math.max(0, backups.length - this.config.get('BACKUP_KEEP'))))
      await rm(join(this.directory, name), { force: true });
  }
}
