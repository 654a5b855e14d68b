// Top self-time functions of V8 .cpuprofile files (node --cpu-prof), aggregated by function + url:line.
// Usage: node bench/cpuprofile-summary.mjs <file.cpuprofile | dir> [--top 30] [--by function|url|package]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '30' },
    by: { type: 'string', default: 'function' },
    inclusive: { type: 'string' },
  },
});
const files = positionals.flatMap((path) =>
  statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => join(path, f))
    : [path],
);
if (!files.length) {
  console.error(
    'usage: node bench/cpuprofile-summary.mjs <file.cpuprofile | dir> [--top N] [--by function|url|package]',
  );
  process.exit(2);
}

const shortUrl = (url) => {
  if (!url) return '';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) return path.slice(nm + 'node_modules/'.length);
  return path.startsWith('/') ? relative(process.cwd(), path) : path;
};
const packageOf = (url) => {
  const path = shortUrl(url);
  if (!url) return '(native/V8)';
  if (url.startsWith('node:')) return 'node core';
  const m = /^(@[^/]+\/[^/]+|[^/]+)\//.exec(path);
  return url.includes('node_modules/') && m ? m[1] : path;
};

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  // Self time per node: sum of sample intervals attributed to it.
  const self = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const delta = timeDeltas[i + 1] ?? 0;
    self.set(samples[i], (self.get(samples[i]) ?? 0) + delta);
  }
  const total = [...self.values()].reduce((sum, t) => sum + t, 0);
  const groups = new Map();
  let idle = 0;
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    if (functionName === '(idle)') idle += micros;
    let key;
    if (functionName === '(idle)') key = '(idle)';
    else if (values.by === 'package') key = packageOf(url);
    else if (values.by === 'url') key = shortUrl(url) || '(native)';
    else key = `${functionName || '(anonymous)'}  ${shortUrl(url)}${url ? `:${lineNumber + 1}` : ''}`;
    groups.set(key, (groups.get(key) ?? 0) + micros);
  }
  const busy = total - idle;
  console.log(
    `\n${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (${((busy / total) * 100).toFixed(0)}%), ${samples.length} samples`,
  );
  console.log(`self time by ${values.by}; share of total | share of busy (non-idle)`);
  if (values.inclusive) {
    // Inclusive (self + callees) time of each named function, counted once per stack.
    const names = new Set(values.inclusive.split(','));
    const parent = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const inclusive = new Map();
    for (const [id, micros] of self) {
      const seen = new Set();
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const name = byId.get(at).callFrame.functionName;
        if (names.has(name) && !seen.has(name)) {
          seen.add(name);
          inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
        }
      }
    }
    for (const name of names) {
      const micros = inclusive.get(name) ?? 0;
      console.log(
        `inclusive ${(micros / 1e3).toFixed(0).padStart(8)} ms ${((micros / busy) * 100).toFixed(1).padStart(5)}% of busy  ${name}`,
      );
    }
  }
  const rows = [...groups].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top));
  for (const [key, micros] of rows) {
    console.log(
      `${(micros / 1e3).toFixed(0).padStart(8)} ms ${((micros / total) * 100).toFixed(1).padStart(5)}% ${key.startsWith('(idle)') ? '     ' : `${((micros / busy) * 100).toFixed(1).padStart(5)}%`}  ${key}`,
    );
  }
}
