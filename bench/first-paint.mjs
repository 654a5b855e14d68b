// First paint on a mid-range phone (issue 8), a section of `npm run bench` (`--only first-paint` runs it alone).
// Starts the production build (dist/apps/api/main.js serving a snapshot of dist/apps/web) and loads pages in
// Chromium with a phone's viewport, a 4× slower CPU and a slow mobile network, every load in a fresh browser
// context (cold cache, no open connections). Scenarios: the sign-in page and a signed-in participant's
// rooms list, each in English and Russian, and a baseline: a minimal static HTML page served by the same
// server process under the same emulation, so the network's round trips and the CPU's speed are factored
// out of the ratios. Scenarios are interleaved run by run, so a noisy neighbour hits them all alike.
// Figures are medians of N runs, in ms since navigation start; nothing here fails on time.
/* global window, document, requestAnimationFrame, MutationObserver -- in the page: probe() and waitForFunction() */
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, devices } from 'playwright';
import { api, percentile, root, startHelix } from './helix-server.mjs';

/** Emulation defaults; the figures are Lighthouse's "Slow 4G" mobile profile (150 ms RTT, 1.6 Mbps down). */
export const FIRST_PAINT_DEFAULTS = { runs: 5, cpu: 4, rttMs: 150, downKbps: 1600, upKbps: 750 };

const BASELINE_PATH = '/bench-baseline.html';
// Same head as the app's index.html (charset, viewport, colour scheme), one heading and a paragraph of text:
// the least a page can be under the same server, headers (CSP) and emulation.
const BASELINE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light" />
    <title>Helix baseline</title>
  </head>
  <body>
    <h1 id="baseline">Helix</h1>
    <p>A static page: the baseline of the first-paint benchmark.</p>
  </body>
</html>
`;

/**
 * What each scenario loads and which element means "the page is there": the sign-in heading, the first
 * room's title in the rooms list, the baseline's heading. Each marker is an element with its own text, so
 * the Element Timing API can give the time it was painted.
 */
const SCENARIOS = [
  { name: 'baseline', path: BASELINE_PATH, marker: '#baseline', signedIn: false, lang: 'en' },
  { name: 'sign-in en', path: '/sign-in', marker: '#sign-in-heading', signedIn: false, lang: 'en' },
  { name: 'sign-in ru', path: '/sign-in', marker: '#sign-in-heading', signedIn: false, lang: 'ru' },
  { name: 'rooms en', path: '/rooms', marker: '.hx-card-list .hx-card__title', signedIn: true, lang: 'en' },
  { name: 'rooms ru', path: '/rooms', marker: '.hx-card-list .hx-card__title', signedIn: true, lang: 'ru' },
];

/**
 * Runs before the page's own scripts (CDP, so the page's CSP does not apply). Records FCP, LCP and the
 * marker: when it is first in the DOM with a size, the end of the frame it first appears in (rAF, then a
 * task), and its paint time from Element Timing (the attribute is set by a mutation observer, which runs
 * before the next rendering, so the first paint of the marker is reported).
 */
const probe = (selector) => {
  const marks = { fcp: null, lcp: null, markerInDom: null, markerFrame: null, markerPaint: null };
  Object.defineProperty(window, '__firstPaint', { value: marks });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === 'first-contentful-paint') marks.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) marks.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.identifier === 'bench-marker' && marks.markerPaint === null)
        marks.markerPaint = entry.renderTime || entry.loadTime;
  }).observe({ type: 'element', buffered: true });
  const check = () => {
    if (marks.markerInDom !== null) return;
    const element = document.querySelector(selector);
    if (!element) return;
    element.setAttribute('elementtiming', 'bench-marker');
    const box = element.getBoundingClientRect();
    if (!box.width || !box.height) return;
    marks.markerInDom = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (marks.markerFrame = performance.now());
      channel.port2.postMessage(null);
    });
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
};

const median = (values) => {
  const finite = values.filter(Number.isFinite);
  return finite.length ? percentile(Float64Array.from(finite).sort(), 50) : NaN;
};
const round = (value, digits = 0) => (Number.isFinite(value) ? +value.toFixed(digits) : null);

/** One cold load: a fresh context, the emulation, the page until its marker is painted and `load` fired. */
async function load(browser, url, scenario, state, emulation) {
  const phone = devices['Pixel 7'];
  const context = await browser.newContext({
    userAgent: phone.userAgent,
    viewport: { width: 360, height: 780 },
    screen: { width: 360, height: 780 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: scenario.lang === 'ru' ? 'ru-RU' : 'en-GB',
    // Tokens as the web client stores them (token-storage.ts, its access token mirrored in the page cookie
    // of page-session-cookie.ts); the language as its switcher stores it.
    storageState: {
      cookies: [
        { name: 'helix.lang', value: scenario.lang, url },
        ...(scenario.signedIn ? [{ name: 'helix.session', value: state.tokens.accessToken, url }] : []),
      ],
      origins: [
        {
          origin: url,
          localStorage: [
            { name: 'helix.lang', value: scenario.lang },
            ...(scenario.signedIn ? [{ name: 'helix.tokens', value: JSON.stringify(state.tokens) }] : []),
          ],
        },
      ],
    },
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(probe, scenario.marker);
    const cdp = await context.newCDPSession(page);
    const requests = new Map();
    cdp.on('Network.requestWillBeSent', (e) =>
      requests.set(e.requestId, { url: e.request.url, type: e.type, start: e.timestamp }),
    );
    cdp.on('Network.responseReceived', (e) => {
      const request = requests.get(e.requestId);
      if (!request) return;
      request.type = e.type;
      request.status = e.response.status;
      request.fromCache = e.response.fromDiskCache || e.response.fromPrefetchCache || false;
      request.encoding =
        e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? null;
    });
    cdp.on('Network.dataReceived', (e) => {
      const request = requests.get(e.requestId);
      if (request) request.decodedBytes = (request.decodedBytes ?? 0) + e.dataLength;
    });
    cdp.on('Network.loadingFinished', (e) => {
      const request = requests.get(e.requestId);
      if (!request) return;
      request.end = e.timestamp;
      request.transferBytes = e.encodedDataLength;
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: emulation.rttMs,
      downloadThroughput: (emulation.downKbps * 1000) / 8,
      uploadThroughput: (emulation.upKbps * 1000) / 8,
      connectionType: 'cellular4g',
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: emulation.cpu });
    await page.goto(`${url}${scenario.path}`, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForFunction(
      () => {
        const marks = window.__firstPaint;
        return marks && marks.fcp !== null && marks.markerFrame !== null;
      },
      undefined,
      { polling: 250, timeout: 60_000 },
    );
    // Element Timing reports after the paint; give it a moment, the frame time stands in if it never does.
    await page
      .waitForFunction(() => window.__firstPaint.markerPaint !== null, undefined, {
        polling: 100,
        timeout: 2000,
      })
      .catch(() => undefined);
    const marks = await page.evaluate(() => ({
      ...window.__firstPaint,
      domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
      loadEvent: performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? null,
    }));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const list = [...requests.values()];
    const t0 = list.find((r) => r.type === 'Document')?.start ?? list[0]?.start ?? 0;
    const scripts = list.filter((r) => r.type === 'Script');
    return {
      fcpMs: marks.fcp,
      lcpMs: marks.lcp,
      markerMs: marks.markerPaint ?? marks.markerFrame,
      markerFrameMs: marks.markerFrame,
      markerPaintMs: marks.markerPaint,
      markerInDomMs: marks.markerInDom,
      domContentLoadedMs: marks.domContentLoaded,
      loadMs: marks.loadEvent,
      requests: list.length,
      fromCache: list.filter((r) => r.fromCache).length,
      transferBytes: list.reduce((sum, r) => sum + (r.transferBytes ?? 0), 0),
      jsTransferBytes: scripts.reduce((sum, r) => sum + (r.transferBytes ?? 0), 0),
      jsDecodedBytes: scripts.reduce((sum, r) => sum + (r.decodedBytes ?? 0), 0),
      jsFiles: scripts.length,
      jsCompressed: scripts.filter((r) => r.encoding).length,
      // The waterfall, in ms from the document request: evidence for what the first paint waits on.
      waterfall: list.map((r) => ({
        path: r.url.replace(url, ''),
        type: r.type,
        status: r.status,
        startMs: round((r.start - t0) * 1000),
        endMs: r.end ? round((r.end - t0) * 1000) : null,
        transferBytes: r.transferBytes ?? null,
        encoding: r.encoding ?? null,
      })),
    };
  } finally {
    await context.close();
  }
}

/**
 * Runs the section; `log` prints progress lines. Returns the figures: per scenario the medians (and every
 * run), and the ratios of the app's FCP and marker time to the baseline's.
 */
export async function firstPaint({ runs, cpu, rttMs, downKbps, upKbps, port, log = console.log }) {
  const emulation = { cpu, rttMs, downKbps, upKbps };
  const webDist = join(root, 'dist/apps/web');
  if (!existsSync(join(webDist, 'index.html')))
    throw new Error('no web build in dist/apps/web: run `npx nx run-many -t build -p api web` first');
  // A snapshot of the client: others may rebuild dist/ during the run, and the baseline page goes beside it.
  const webDir = mkdtempSync(join(tmpdir(), 'helix-first-paint-web-'));
  cpSync(webDist, webDir, { recursive: true, filter: (source) => !source.endsWith('.map') });
  writeFileSync(join(webDir, BASELINE_PATH.slice(1)), BASELINE_HTML);
  const helix = await startHelix({
    HELIX_WEB_DIR: webDir,
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    ...(port ? { PORT: String(port) } : {}),
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
  const started = performance.now();
  const results = {
    config: {
      runs,
      device: '360×780 CSS px, DPR 2, mobile, touch, Pixel 7 user agent',
      cpuThrottling: cpu,
      network: { rttMs, downKbps, upKbps, how: 'CDP Network.emulateNetworkConditions (per request)' },
      cache: 'cold: a fresh browser context per load',
      chromium: browser.version(),
      markers: Object.fromEntries(SCENARIOS.map((s) => [s.name, `${s.path} ${s.marker}`])),
    },
    scenarios: {},
  };
  try {
    const participant = await api(helix.url, '/auth/register', {
      body: {
        email: 'first-paint@helix.test',
        password: 'bench password',
        displayName: 'First Paint',
        organization: 'Bench',
        stakeholderGroup: 'university',
      },
    });
    const state = {
      tokens: { accessToken: participant.accessToken, refreshToken: participant.refreshToken },
    };
    log(
      `first-paint: ${helix.url}, ${runs} runs × ${SCENARIOS.length} scenarios, CPU ${cpu}× slower, ${rttMs} ms RTT, ${downKbps} kbps down, ${upKbps} kbps up`,
    );
    // Unmeasured: the first load warms the browser and the server (JIT, the first queries).
    await load(browser, helix.url, SCENARIOS[3], state, emulation);
    const all = Object.fromEntries(SCENARIOS.map((s) => [s.name, []]));
    for (let run = 1; run <= runs; run++) {
      for (const scenario of SCENARIOS)
        all[scenario.name].push(await load(browser, helix.url, scenario, state, emulation));
      const line = SCENARIOS.map((s) => {
        const last = all[s.name].at(-1);
        return `${s.name} ${Math.round(last.fcpMs)}/${Math.round(last.markerMs)}`;
      }).join(', ');
      log(`first-paint: run ${run}/${runs} (FCP/marker ms): ${line}`);
    }
    for (const scenario of SCENARIOS) {
      const loads = all[scenario.name];
      const pick = (key) => median(loads.map((l) => l[key]));
      results.scenarios[scenario.name] = {
        path: scenario.path,
        marker: scenario.marker,
        fcpMs: round(pick('fcpMs'), 1),
        markerMs: round(pick('markerMs'), 1),
        lcpMs: round(pick('lcpMs'), 1),
        domContentLoadedMs: round(pick('domContentLoadedMs'), 1),
        loadMs: round(pick('loadMs'), 1),
        jsTransferBytes: pick('jsTransferBytes'),
        jsDecodedBytes: pick('jsDecodedBytes'),
        jsFiles: pick('jsFiles'),
        jsCompressed: pick('jsCompressed'),
        transferBytes: pick('transferBytes'),
        requests: pick('requests'),
        fromCache: Math.max(...loads.map((l) => l.fromCache)),
        runs: loads,
      };
    }
    const base = results.scenarios.baseline;
    for (const scenario of SCENARIOS.slice(1)) {
      const s = results.scenarios[scenario.name];
      s.fcpOverBaseline = round(s.fcpMs / base.fcpMs, 2);
      s.markerOverBaseline = round(s.markerMs / base.markerMs, 2);
    }
  } finally {
    await browser.close();
    await helix.stop();
    rmSync(helix.dataDir, { recursive: true, force: true });
    rmSync(webDir, { recursive: true, force: true });
  }
  results.seconds = round((performance.now() - started) / 1000, 1);
  return results;
}

/** The section's table for the report. */
export function firstPaintReport(r, table) {
  const kb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : '—');
  const ms = (value) => (Number.isFinite(value) ? `${Math.round(value)} ms` : '—');
  const x = (value) => (value === null || value === undefined ? '' : `×${value.toFixed(2)}`);
  const rows = [
    ['first paint', 'FCP', 'FCP / base', 'marker', 'marker / base', 'JS transferred', 'JS files'],
  ];
  for (const [name, s] of Object.entries(r.scenarios))
    rows.push([
      name,
      ms(s.fcpMs),
      x(s.fcpOverBaseline),
      ms(s.markerMs),
      x(s.markerOverBaseline),
      kb(s.jsTransferBytes),
      `${s.jsFiles}${s.jsFiles ? ` (${s.jsCompressed} compressed)` : ''}`,
    ]);
  const c = r.config;
  return [
    `first paint: medians of ${c.runs} cold loads; ${c.device}; CPU ${c.cpuThrottling}× slower; ${c.network.rttMs} ms RTT, ${c.network.downKbps} kbps down, ${c.network.upKbps} kbps up; marker = sign-in heading / first room title / baseline heading painted (${r.seconds} s)`,
    '',
    table(rows),
  ].join('\n');
}
