// npm run bench -- load: the public pages and the API at fixed rates for a minute (60 s;
// HYOKA_LOAD_SECONDS to change it), on the demo and on a generated organization of 20,000
// projects; then, at 20,000, eight clients asking for the sheet, the dashboard and a search as
// fast as they can (issue 8's probe: before the paging and the limit, none finished in 45 s). The server runs in its own process (`hyoka serve`, as deployed) and autocannon in
// another (load-client.ts). Printed per run: errors (goal 0: socket errors, timeouts and any
// answer but 2xx and 503), the 503s of the limiter (http/limiter.ts) apart and named, p50/p99
// per path beside /healthz's in the same run, and the server's resident memory before, after
// and at its peak. HYOKA_LOAD_CHECKOUT=DIR runs the server of another checkout (an earlier
// commit, with node_modules) to compare with it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateDocument } from '../src/interchange/generate.js';
import { mb, num } from './format.js';
import type { LoadPlan, LoadTarget, PathFigures } from './load-client.js';
import { runJson, runToEnd, startServer, stop, TSX } from './processes.js';

const q = encodeURIComponent;
const PORT = 3921;

const DEMO: LoadTarget[] = [
  ...['/', '/policies', `/policies/${q('II-3-(3)-①')}`, '/projects/tabunka', '/sheet', '/sdgs', '/changes', `/search?q=${q('事業')}`, '/attention'].map((path) => ({ path, rate: 2 })),
  ...['/api/v1/projects', '/api/v1/policies', `/api/v1/search?q=${q('多文化')}`, '/healthz'].map((path) => ({ path, rate: 2 })),
];

const bureau = q('総務局');
/** At 20,000 projects: the pages that answer a page of a large list, and the API's bounded reads. */
const LARGE: LoadTarget[] = [
  ...['/', `/?bureau=${bureau}`, '/sheet', '/sheet?page=120', `/sheet?bureau=${bureau}&page=5`, `/search?q=${q('事業')}`, `/search?q=${q('多文化')}&page=3`, '/attention?page=50', '/projects/p1'].map((path) => ({
    path,
    rate: 1,
  })),
  ...['/policies?page=20', '/changes?page=50', '/sdgs?page=30'].map((path) => ({ path, rate: 1 })),
  ...[`/api/v1/projects?bureau=${bureau}`, '/api/v1/projects?offset=10000', `/api/v1/search?q=${q('事業')}`, '/api/v1/policies'].map((path) => ({ path, rate: 1 })),
  { path: '/healthz', rate: 2 },
];

/** Eight clients as fast as they can, and health asked twice a second beside them. */
const STORM: LoadTarget[] = [
  { path: '/sheet', connections: 4 },
  { path: '/', connections: 2 },
  { path: `/search?q=${q('事業')}`, connections: 2 },
  { path: '/healthz', rate: 2 },
];

/** At 20,000 projects, the pages that showed everything at once until they were paged too: their first pages, alone. */
const LAST_PAGED: LoadTarget[] = [...['/policies', '/changes', '/sdgs', '/api/v1/projects'].map((path) => ({ path, rate: 1 })), { path: '/healthz', rate: 2 }];

/** VmRSS and VmHWM (peak) of a process, in bytes. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

const isError = (code: string) => !code.startsWith('2') && code !== '503';

async function loadRun(label: string, checkout: string, db: string, targets: LoadTarget[], seconds: number): Promise<void> {
  const server = await startServer([...TSX, 'src/cli.ts', 'serve', '--db', db, '--port', String(PORT)], /hyoka: http/, checkout);
  try {
    const origin = `http://127.0.0.1:${PORT}`;
    const started = memoryOf(server.pid!);
    // Warm-up: each path once, so the figures are of a running server (the computed document,
    // the search index), and how long a first request takes is printed apart.
    const first: string[] = [];
    for (const { path } of targets) {
      const start = performance.now();
      const response = await fetch(origin + path);
      await response.arrayBuffer();
      first.push(`${path} ${response.status} ${num(Math.round(performance.now() - start))} ms`);
    }
    const before = memoryOf(server.pid!);
    const plan: LoadPlan = { origin, seconds, targets };
    const figures = await runJson<PathFigures[]>([...TSX, 'bench/load-client.ts', JSON.stringify(plan)]);
    const after = memoryOf(server.pid!);
    const count = (figure: PathFigures, test: (code: string) => boolean) => Object.entries(figure.statuses).reduce((sum, [code, n]) => sum + (test(code) ? n : 0), 0);
    const sent = figures.reduce((sum, figure) => sum + figure.sent, 0);
    const errors = figures.reduce((sum, figure) => sum + figure.errors + count(figure, isError), 0);
    const busy = figures.reduce((sum, figure) => sum + count(figure, (code) => code === '503'), 0);
    const health = figures.find((figure) => figure.path === '/healthz');
    console.log(
      `load ${label}, ${seconds} s: ${num(sent)} requests, errors ${num(errors)} (goal 0), busy 503 from the limiter ${num(busy)}; ` +
        `worst p99 ${num(Math.max(...figures.map((figure) => figure.p99)))} ms, /healthz p99 ${health ? num(health.p99) : '—'} ms; ` +
        `server RSS ${mb(started.rss)} at start, ${mb(before.rss)} after warm-up, ${mb(after.rss)} after; peak ${mb(after.peak)}`,
    );
    console.log(`  first requests: ${first.join('; ')}`);
    for (const figure of figures) {
      const statuses = Object.entries(figure.statuses).map(([code, n]) => `${num(n)} × ${/^\d+$/.test(code) ? code : 'no status'}${code === '503' ? ' (busy)' : ''}`).join(', ');
      const failures = figure.errors > 0 ? `, ${num(figure.errors)} socket errors (${num(figure.timeouts)} timeouts)` : '';
      const pace = figure.rate === undefined ? 'without pause' : `at ${figure.rate}/s`;
      // A request still on its way when the minute ends is sent but not answered.
      console.log(`  ${figure.path} ${pace}: ${num(figure.sent)} sent, ${statuses || 'no answer'}${failures}; p50 ${num(figure.p50)} ms, p99 ${num(figure.p99)} ms, max ${num(figure.max)} ms`);
    }
  } finally {
    await stop(server);
  }
}

export async function benchLoad(): Promise<void> {
  const seconds = Number(process.env.HYOKA_LOAD_SECONDS ?? 60);
  const checkout = resolve(process.env.HYOKA_LOAD_CHECKOUT ?? '.');
  const dir = mkdtempSync(join(tmpdir(), 'hyoka-bench-load-'));
  try {
    // An empty database gets the demo when served.
    await loadRun('demo', checkout, join(dir, 'demo.sqlite'), DEMO, seconds);
    const file = join(dir, 'generated.json');
    writeFileSync(file, JSON.stringify(generateDocument({ projects: 20_000, seed: 1 })));
    const large = join(dir, 'large.sqlite');
    await runToEnd([...TSX, 'src/cli.ts', 'import', file, '--db', large], checkout);
    await loadRun('20,000 projects', checkout, large, LARGE, seconds);
    await loadRun('20,000 projects, eight clients without pause', checkout, large, STORM, seconds);
    await loadRun('20,000 projects, /policies, /changes, /sdgs and the projects API', checkout, large, LAST_PAGED, seconds);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
