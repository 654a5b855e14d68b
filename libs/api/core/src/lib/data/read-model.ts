import { Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';

/**
 * A read model in memory, filled by one pass over its collections at boot. The pass starts when its module is
 * built and the app starts answering only once every pass is done, so the passes of all features run side by
 * side (Nest initialises modules one after another).
 */
export abstract class ReadModel implements OnModuleInit, OnApplicationBootstrap {
  private loading?: Promise<void>;

  protected abstract load(): Promise<void>;

  onModuleInit(): void {
    const started = performance.now();
    // Per model, so that an operator whose boot grew with the forum sees which collection it spent on.
    this.loading = this.load().then(() =>
      new Logger(this.constructor.name).log(`loaded in ${Math.round(performance.now() - started)} ms`),
    );
    // Awaited at bootstrap; until then a failure must not count as unhandled.
    this.loading.catch(() => undefined);
  }

  /** Done once the boot pass is: for work at boot that reads another feature's model (a sweep). */
  ready(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }

  onApplicationBootstrap(): Promise<void> {
    return this.ready();
  }
}
