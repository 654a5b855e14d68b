import { FifoSemaphore } from './fifo-semaphore';

describe('FifoSemaphore', () => {
  it('runs at most its permits at once and starts the others in the order they came', async () => {
    const semaphore = new FifoSemaphore(2);
    const started: number[] = [];
    const finish: (() => void)[] = [];
    let running = 0;
    let most = 0;
    const results = Array.from({ length: 6 }, (_, i) =>
      semaphore.run(async () => {
        started.push(i);
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>((done) => finish.push(done));
        running -= 1;
        return i;
      }),
    );
    const settle = () => new Promise((done) => setImmediate(done));
    await settle();
    expect(started).toEqual([0, 1]);
    finish[1]();
    await settle();
    // A late arrival waits behind everyone already in line.
    const late = semaphore.run(async () => 'late');
    finish[0]();
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);
    for (let i = 2; i < 6; i++) {
      finish[i]();
      await settle();
    }
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await late).toBe('late');
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });

  it('gives the permit on when a task fails', async () => {
    const semaphore = new FifoSemaphore(1);
    const failed = semaphore.run(() => Promise.reject(new Error('broken')));
    const next = semaphore.run(async () => 'next');
    await expect(failed).rejects.toThrow('broken');
    expect(await next).toBe('next');
  });
});
