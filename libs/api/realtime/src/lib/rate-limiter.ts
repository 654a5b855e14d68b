/** A token bucket: `burst` actions at once, refilled at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private updatedAt = Date.now();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {
    this.tokens = burst;
  }

  tryTake(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** True when the bucket is full again, i.e. it no longer remembers anything worth keeping. */
  get idle(): boolean {
    this.refill();
    return this.tokens >= this.burst;
  }

  private refill(): void {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = now;
  }
}

/** One bucket per person, shared by all their sockets, so opening more tabs does not raise the limit. */
export class PerUserBuckets {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {
    this.sweeper = setInterval(() => {
      for (const [userId, bucket] of this.buckets) if (bucket.idle) this.buckets.delete(userId);
    }, 60_000);
    this.sweeper.unref();
  }

  for(userId: string): TokenBucket {
    let bucket = this.buckets.get(userId);
    if (!bucket) {
      bucket = new TokenBucket(this.burst, this.perSecond);
      this.buckets.set(userId, bucket);
    }
    return bucket;
  }
}
