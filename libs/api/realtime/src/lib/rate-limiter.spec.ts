import { TokenBucket } from './rate-limiter';

describe('TokenBucket', () => {
  afterEach(() => jest.useRealTimers());

  it('allows a burst, refuses the next, and refills over time', () => {
    jest.useFakeTimers({ now: 0 });
    const bucket = new TokenBucket(3, 2);
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    jest.setSystemTime(500);
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
    jest.setSystemTime(60_000);
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});
