/** Runs at most `permits` tasks at once; the others wait their turn in the order they came. */
export class FifoSemaphore {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly permits: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.permits) this.running += 1;
    // A finishing task hands its permit straight to the first in line, so a newcomer cannot take it first.
    else await new Promise<void>((resume) => this.waiting.push(resume));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
