import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureFerretDbBinary } from './ferretdb-binary';

describe('ensureFerretDbBinary', () => {
  it('stops with one sentence naming Go and MONGODB_URI when Go is missing', async () => {
    const toolsDir = await mkdtemp(join(tmpdir(), 'helix-tools-'));
    await expect(ensureFerretDbBinary({ toolsDir, go: join(toolsDir, 'no-go-here') })).rejects.toThrow(
      /needs Go to build FerretDB once, and no `go` command was found .* Set MONGODB_URI to use a MongoDB server instead/,
    );
  });
});
