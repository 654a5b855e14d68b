import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ensureFerretDbBinary, startFerretDb, type EmbeddedDatabase } from '@helix/api/embedded-db';
import { join } from 'node:path';
import { HelixConfig } from '../config/helix-config';

/** Resolves the database URI, starting the embedded FerretDB when no MONGODB_URI is configured. */
@Injectable()
export class DatabaseUriProvider implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private embedded?: EmbeddedDatabase;

  constructor(private readonly config: HelixConfig) {}

  async resolveUri(): Promise<string> {
    const external = this.config.get('MONGODB_URI');
    if (external) return external;
    const log = (line: string): void => this.logger.log(line);
    const binary = await ensureFerretDbBinary({ toolsDir: this.config.get('HELIX_TOOLS_DIR'), log });
    this.embedded = await startFerretDb({
      binary,
      dataDir: join(this.config.get('HELIX_DATA_DIR'), 'db'),
      log,
    });
    return `${this.embedded.uri}${this.config.get('HELIX_DB_NAME')}`;
  }

  /** The running embedded server, when there is one (tests stop and restart it to prove recovery). */
  get embeddedDatabase(): EmbeddedDatabase | undefined {
    return this.embedded;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.embedded?.stop();
  }
}
