import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('sends items that arrive during a write together in the next write, and answers each', async () => {
    const writes: number[][] = [];
    let release: (() => void) | undefined;
    const commit = new GroupCommit<number, string>(async (_key, items) => {
      writes.push(items);
      if (writes.length === 1) await new Promise<void>((done) => (release = done));
      return items.map((item) => `stored ${item}`);
    });
    const first = commit.add('poll', 1);
    await new Promise((done) => setImmediate(done));
    const rest = [2, 3, 4].map((item) => commit.add('poll', item));
    release?.();
    await expect(Promise.all([first, ...rest])).resolves.toEqual([
      'stored 1',
      'stored 2',
      'stored 3',
      'stored 4',
    ]);
    expect(writes).toEqual([[1], [2, 3, 4]]);
  });

  it('keeps keys apart and fails only the items of a failed write', async () => {
    const commit = new GroupCommit<string, string>(async (key, items) => {
      if (key === 'bad') throw new Error('refused');
      return items;
    });
    await expect(commit.add('bad', 'x')).rejects.toThrow('refused');
    await expect(commit.add('good', 'y')).resolves.toBe('y');
  });

  it('runs an exclusive task between batches, never during one', async () => {
    const log: string[] = [];
    const commit = new GroupCommit<number, number>(async (_key, items) => {
      log.push(`write ${items.join(',')}`);
      await new Promise((done) => setTimeout(done, 5));
      return items;
    });
    const votes = [commit.add('p', 1), commit.add('p', 2)];
    const close = commit.exclusive('p', async () => {
      log.push('close');
      return 'closed';
    });
    const late = commit.add('p', 3);
    await Promise.all([...votes, close, late]);
    expect(log).toEqual(['write 1,2', 'close', 'write 3']);
  });
});
