/**
 * Values read by `_id`, kept in memory and read again once they are `maxAgeMs` old, so a check on every
 * request costs a map look-up and at most one read per key per period. Concurrent misses share one read.
 * A value set or forgotten while a read is under way wins over that read's (older) answer. While the
 * database is away, an old value is used rather than none. At most `max` keys are kept, the oldest read
 * going first.
 */
export class RecheckedCache<V> {
  private readonly entries = new Map<string, { value: V; readAt: number }>();
  private readonly reads = new Map<string, Promise<V>>();

  constructor(
    private readonly read: (key: string) => Promise<V>,
    private readonly maxAgeMs: number,
    private readonly max: number,
  ) {}

  get(key: string): Promise<V> {
    const entry = this.entries.get(key);
    if (entry && Date.now() - entry.readAt < this.maxAgeMs) return Promise.resolve(entry.value);
    const pending = this.reads.get(key);
    if (pending) return pending;
    const reading = this.read(key).then(
      (value) => {
        if (this.reads.get(key) === reading) this.put(key, value);
        return value;
      },
      (error: unknown) => {
        const old = this.entries.get(key);
        if (old) return old.value;
        throw error;
      },
    );
    this.reads.set(key, reading);
    const settled = (): void => {
      if (this.reads.get(key) === reading) this.reads.delete(key);
    };
    reading.then(settled, settled);
    return reading;
  }

  /** A value known to be current (this instance just wrote it, or learned it for certain). */
  set(key: string, value: V): void {
    this.reads.delete(key);
    this.put(key, value);
  }

  /** The next `get` reads the value again. */
  forget(key: string): void {
    this.reads.delete(key);
    this.entries.delete(key);
  }

  private put(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, readAt: Date.now() });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }
}
