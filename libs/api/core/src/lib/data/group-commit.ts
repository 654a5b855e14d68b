import { KeyedMutex } from './keyed-mutex';

interface Batch<I, R> {
  items: I[];
  settle: Array<{ resolve: (result: R) => void; reject: (error: unknown) => void }>;
}

/**
 * Writes a burst of changes to one document as a few writes: items for a key that arrive while a write
 * of that key is running wait and then go out together in the next one. A burst of 2,000 ballots on one
 * poll costs about as many writes as round trips fit in it, not 2,000. Writes of one key never overlap
 * (FerretDB applies an update as an unisolated read-modify-write), and `exclusive` runs other writes of
 * the key in the same order.
 */
export class GroupCommit<I, R> {
  private readonly pending = new Map<string, Batch<I, R>>();
  private readonly writes = new KeyedMutex();

  /** `write` stores a batch and answers each item, in order. */
  constructor(private readonly write: (key: string, items: I[]) => Promise<R[]>) {}

  add(key: string, item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      let batch = this.pending.get(key);
      if (!batch) {
        const created: Batch<I, R> = { items: [], settle: [] };
        batch = created;
        this.pending.set(key, created);
        void this.writes.run(key, () => this.flush(key, created));
      }
      batch.items.push(item);
      batch.settle.push({ resolve, reject });
    });
  }

  /** Runs `task` between this key's batches, never alongside one; items added later go after it. */
  exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    this.pending.delete(key);
    return this.writes.run(key, task);
  }

  private async flush(key: string, batch: Batch<I, R>): Promise<void> {
    // From here on, new items start the next batch (an exclusive task may have closed this one already).
    if (this.pending.get(key) === batch) this.pending.delete(key);
    try {
      const results = await this.write(key, batch.items);
      batch.settle.forEach(({ resolve }, index) => resolve(results[index]));
    } catch (error) {
      batch.settle.forEach(({ reject }) => reject(error));
    }
  }
}
