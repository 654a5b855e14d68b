import { execFile } from 'node:child_process';
import { access, cp, chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { EmbeddedDbError } from './embedded-db-error';
import { FERRETDB_BUILD, FERRETDB_VERSION, ferretDbBinaryPath } from './ferretdb-build';
import { FERRETDB_PATCH, patchFerretDbSource } from './ferretdb-patch';

const run = promisify(execFile);

const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';

export interface EnsureBinaryOptions {
  /** Project-local folder for built tools (ignored by git). */
  toolsDir: string;
  /** The Go command; `go` from PATH unless given. */
  go?: string;
  log?: (line: string) => void;
}

/**
 * Returns the path of a FerretDB binary, building it with Go on first use.
 *
 * A plain `go install .../cmd/ferretdb@v1.24.2` builds, but the binary panics at start: the module
 * zip lacks the generated build/version/version.txt that FerretDB requires when it is the main module.
 * So the same module source is fetched through the Go module proxy, the version file written, Helix's
 * patch applied (ferretdb-patch.ts), and `go build` run on it: the released FerretDB, reporting its real
 * version, that finds documents by `_id` through its index.
 */
export async function ensureFerretDbBinary({
  toolsDir,
  go = 'go',
  log = () => undefined,
}: EnsureBinaryOptions): Promise<string> {
  const binary = ferretDbBinaryPath(toolsDir);
  const root = dirname(binary);
  if (await isExecutable(binary)) return binary;

  await requireGo(go);
  log(`Building FerretDB ${FERRETDB_BUILD} with Go (first run only, about a minute)...`);
  const workDir = join(root, `build-${process.pid}-${Date.now()}`);
  try {
    const moduleDir = await downloadModule(go);
    await mkdir(root, { recursive: true });
    await cp(moduleDir, workDir, { recursive: true });
    await chmod(workDir, 0o755);
    await run('chmod', ['-R', 'u+w', workDir]);
    await writeFile(join(workDir, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    await applyPatch(workDir);
    const built = `${binary}.${process.pid}.tmp`;
    await run(go, ['build', '-trimpath', '-o', built, './cmd/ferretdb'], {
      cwd: workDir,
      maxBuffer: 16 * 1024 * 1024,
    });
    // rename is atomic, so a concurrent start either sees no binary or a whole one.
    await rename(built, binary);
  } catch (error) {
    if (error instanceof EmbeddedDbError) throw error;
    throw new EmbeddedDbError(`Building FerretDB ${FERRETDB_BUILD} with Go failed: ${describe(error)}.`, {
      cause: error,
    });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  log(`FerretDB ${FERRETDB_BUILD} built at ${binary}`);
  return binary;
}

async function applyPatch(sourceDir: string): Promise<void> {
  for (const file of Object.keys(FERRETDB_PATCH)) {
    const path = join(sourceDir, file);
    await writeFile(path, patchFerretDbSource(file, await readFile(path, 'utf8')));
  }
}

async function requireGo(go: string): Promise<void> {
  try {
    await run(go, ['version']);
  } catch (error) {
    throw new EmbeddedDbError(
      'The embedded database needs Go to build FerretDB once, and no `go` command was found (install Go 1.22 or newer).',
      { cause: error },
    );
  }
}

async function downloadModule(go: string): Promise<string> {
  const { stdout } = await run(go, ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const info = JSON.parse(stdout) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new Error(info.Error ?? 'go mod download gave no source folder');
  return info.Dir;
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'stderr' in error && String(error.stderr).trim()) {
    return String(error.stderr).trim().split('\n').slice(-3).join(' ');
  }
  return error instanceof Error ? error.message : String(error);
}
