import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const appRoot = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = resolve(appRoot, '../..');

/** The `@helix/*` aliases, read from tsconfig.base.json so they are declared once. */
function workspaceAliases(): Array<{ find: RegExp; replacement: string }> {
  const tsconfig = JSON.parse(readFileSync(resolve(workspaceRoot, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.entries(tsconfig.compilerOptions.paths)
    .map(([name, [target]]) => ({
      find: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`),
      replacement: resolve(workspaceRoot, target),
    }))
    .sort((a, b) => b.find.source.length - a.find.source.length);
}

const apiTarget = process.env['HELIX_API_URL'] ?? 'http://localhost:3000';

/**
 * `vite build --ssr …/first-screen.server.tsx`: the rooms list the server renders for a signed-in reader,
 * one CommonJS file with every library in it, into the client build's `.ssr` folder (never served: a dot
 * folder, like `.vite`), so that a client build and its server renderer always travel together.
 */
const firstScreenRenderer = {
  plugins: [react()],
  resolve: { alias: workspaceAliases() },
  ssr: { noExternal: true },
  publicDir: false,
  build: {
    outDir: resolve(workspaceRoot, 'dist/apps/web/.ssr'),
    emptyOutDir: true,
    rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false } },
  },
} satisfies UserConfig;

export default defineConfig(({ isSsrBuild }) =>
  isSsrBuild
    ? { root: appRoot, ...firstScreenRenderer }
    : {
        root: appRoot,
        cacheDir: resolve(workspaceRoot, 'node_modules/.vite/apps/web'),
        // Brotli and gzip files beside each built file, which the API sends as they are (see webAssets).
        plugins: [
          react(),
          compression({
            algorithms: ['brotliCompress', 'gzip'],
            exclude: [/\.map$/, /manifest\.json$/],
            threshold: 1024,
          }),
        ],
        resolve: { alias: workspaceAliases() },
        server: {
          port: 4200,
          host: 'localhost',
          proxy: {
            '/api': { target: apiTarget, changeOrigin: true },
            '/socket.io': { target: apiTarget, ws: true, changeOrigin: true },
          },
        },
        preview: { port: 4300 },
        build: {
          outDir: resolve(workspaceRoot, 'dist/apps/web'),
          emptyOutDir: true,
          sourcemap: true,
          // The server reads which file holds each language's strings, to preload the reader's (client-page.ts).
          manifest: true,
          // Everything ships as files: a strict CSP (no inline script) must work.
          assetsInlineLimit: 0,
          modulePreload: { polyfill: false },
          rolldownOptions: {
            output: {
              // Libraries change less often than the app: separate files stay cached across releases.
              codeSplitting: {
                groups: [
                  {
                    name: 'react',
                    test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
                    priority: 20,
                  },
                  // Only what the first page needs: a library that only lazy parts use (qrcode.react for the
                  // projector, React Aria for menus) loads with them.
                  { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'], priority: 10 },
                  // All of the app's own code that the first page needs, in one file. Left to itself, Rolldown
                  // moves code shared with lazy pages into a chunk of its own, which compresses worse and loads
                  // on every page all the same.
                  { name: 'index', test: /[\\/](apps|libs)[\\/]/, tags: ['$initial'] },
                ],
              },
            },
          },
        },
      },
);
