import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HelixConfig } from '@helix/api/core';
import { InitiativesService } from './initiatives.service';

/**
 * Closes votes whose `closesAt` has passed. It keeps no timers of its own state: each sweep asks the
 * database, so a restart (or another instance) picks up whatever is due, and closing itself happens
 * once (see InitiativeClosureRecord).
 */
@Injectable()
export class InitiativeCloser implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InitiativeCloser.name);
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    private readonly initiatives: InitiativesService,
    private readonly config: HelixConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.get('INITIATIVE_SWEEP_MS'));
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      for (const id of this.initiatives.dueForClosing(new Date())) {
        await this.initiatives.close('system', id, 'en').catch((error: unknown) => {
          // Closed meanwhile by a moderator or another instance: nothing left to do.
          this.logger.debug(`initiative ${id} not closed by the timer: ${String(error)}`);
        });
      }
    } catch (error) {
      this.logger.warn(
        `could not look for initiatives to close: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      this.sweeping = false;
    }
  }
}
