import { FreshCount } from './fresh-count';

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('FreshCount', () => {
  it('shares one running count among requests that need no newer data', async () => {
    const counts = new FreshCount<number>();
    const run = deferred<number>();
    const count = jest.fn(() => run.promise);
    const a = counts.get('k', count);
    const b = counts.get('k', count);
    run.resolve(1);
    expect(await Promise.all([a, b])).toEqual([1, 1]);
    expect(count).toHaveBeenCalledTimes(1);
    expect(await counts.get('k', count)).toBe(1);
    expect(count).toHaveBeenCalledTimes(1);
  });

  it('never answers with a count that started before the caller’s own write', async () => {
    const counts = new FreshCount<number>();
    const runs = [deferred<number>(), deferred<number>()];
    let call = 0;
    const count = jest.fn(() => runs[call++].promise);
    const before = counts.get('k', count);
    counts.noteWrite('k');
    const after1 = counts.get('k', count);
    counts.noteWrite('k');
    const after2 = counts.get('k', count);
    runs[0].resolve(0);
    expect(await before).toBe(0);
    await Promise.resolve();
    runs[1].resolve(2);
    expect(await Promise.all([after1, after2])).toEqual([2, 2]);
    // One count for everything written during the first: two counts for three requests and two writes.
    expect(count).toHaveBeenCalledTimes(2);
  });

  it('keeps keys apart and recovers from a failed count', async () => {
    const counts = new FreshCount<string>();
    await expect(counts.get('a', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    counts.noteWrite('a');
    expect(await counts.get('a', () => Promise.resolve('a'))).toBe('a');
    expect(await counts.get('b', () => Promise.resolve('b'))).toBe('b');
  });
});
