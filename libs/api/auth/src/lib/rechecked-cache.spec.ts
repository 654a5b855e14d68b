import { RecheckedCache } from './rechecked-cache';

describe('RecheckedCache', () => {
  afterEach(() => jest.useRealTimers());

  it('reads a key once per period, sharing one read between concurrent misses', async () => {
    jest.useFakeTimers({ now: 0 });
    const read = jest.fn(async (key: string) => `${key}@${Date.now()}`);
    const cache = new RecheckedCache(read, 1_000, 10);
    expect(await Promise.all([cache.get('a'), cache.get('a')])).toEqual(['a@0', 'a@0']);
    jest.setSystemTime(999);
    expect(await cache.get('a')).toBe('a@0');
    jest.setSystemTime(1_000);
    expect(await cache.get('a')).toBe('a@1000');
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('lets a value set while a read is under way win over that older read', async () => {
    let answer: (value: string) => void = () => undefined;
    const cache = new RecheckedCache(() => new Promise<string>((resolve) => (answer = resolve)), 60_000, 10);
    const reading = cache.get('session');
    cache.set('session', 'ended');
    answer('live');
    await reading;
    expect(await cache.get('session')).toBe('ended');
  });

  it('answers with the old value while the database is away, and fails only without one', async () => {
    jest.useFakeTimers({ now: 0 });
    let up = true;
    const cache = new RecheckedCache(
      async (key: string) => {
        if (!up) throw new Error('database down');
        return key;
      },
      1_000,
      10,
    );
    await cache.get('a');
    up = false;
    jest.setSystemTime(5_000);
    expect(await cache.get('a')).toBe('a');
    await expect(cache.get('b')).rejects.toThrow('database down');
  });

  it('keeps at most `max` keys, dropping the one read longest ago', async () => {
    const read = jest.fn(async (key: string) => key);
    const cache = new RecheckedCache(read, 60_000, 2);
    for (const key of ['a', 'b', 'c']) await cache.get(key);
    await cache.get('b');
    await cache.get('a');
    expect(read.mock.calls.map(([key]) => key)).toEqual(['a', 'b', 'c', 'a']);
  });
});
