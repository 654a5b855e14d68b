import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import { DatabaseModule, HelixConfigModule } from '@helix/api/core';
import type { Connection } from 'mongoose';
import { resolve } from 'node:path';
import { BackupRefused, restoreBackup, writeBackup, type BackupManifest } from './backup-archive';

@Module({ imports: [HelixConfigModule.forRoot(), DatabaseModule] })
class BackupCliModule {}

const USAGE = 'Usage: npm run backup -- FILE   |   npm run restore -- FILE [--force]';

function summary(manifest: BackupManifest): string {
  const documents = Object.values(manifest.collections).reduce((sum, count) => sum + count, 0);
  const collections = Object.keys(manifest.collections).length;
  return `${documents} documents in ${collections} collections (Helix ${manifest.helixVersion}, schema ${manifest.schemaVersion})`;
}

/**
 * `backup FILE` and `restore FILE [--force]` against the database Helix is configured for (MONGODB_URI, or
 * the embedded one in HELIX_DATA_DIR, which must not be in use by a running Helix). Returns the exit code.
 */
export async function runBackupCommand(command: 'backup' | 'restore', args: string[]): Promise<number> {
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file) {
    console.error(USAGE);
    return 2;
  }
  const app = await NestFactory.createApplicationContext(BackupCliModule, { logger: ['error', 'warn'] });
  try {
    const db = app.get<Connection>(getConnectionToken()).db;
    if (!db) throw new Error('the database is not connected');
    const path = resolve(file);
    if (command === 'backup') {
      console.log(`Backed up ${summary(await writeBackup(db, path))} to ${path}`);
    } else {
      const manifest = await restoreBackup(db, path, { force: args.includes('--force') });
      console.log(`Restored ${summary(manifest)} from ${path}, written ${manifest.createdAt}`);
    }
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(
      error instanceof BackupRefused ? `Refused: ${message}` : `The ${command} failed: ${message}`,
    );
    return 1;
  } finally {
    await app.close();
  }
}
