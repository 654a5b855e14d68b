import { mkdtemp, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFerretDb } from './ferretdb-process';

describe('startFerretDb', () => {
  it('reports a server that exits at start instead of waiting forever', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'helix-fake-'));
    const binary = join(dir, 'fake-ferretdb');
    await writeFile(binary, '#!/bin/sh\necho "bad flag" >&2\nexit 3\n');
    await chmod(binary, 0o755);
    await expect(startFerretDb({ binary, dataDir: dir, startTimeoutMs: 5_000 })).rejects.toThrow(
      /FerretDB did not start on 127\.0\.0\.1:\d+: bad flag/,
    );
  });
});
