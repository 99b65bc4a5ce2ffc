// GET one project over HTTP with autocannon (-c 10 -d 10, after a warm-up) in a separate
// process, beside a bare Fastify route returning the same bytes.
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { num, ratio } from './format.js';
import { runJson, startServer, stop, TSX } from './processes.js';

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
}

const autocannon = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

async function load(url: string, seconds: number): Promise<AutocannonResult> {
  return runJson<AutocannonResult>([autocannon, '-c', '10', '-d', String(seconds), '-j', url]);
}

export async function benchHttp(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hyoka-bench-http-'));
  const servers = [];
  try {
    const app = await startServer([...TSX, 'src/cli.ts', 'serve', '--db', join(dir, 'hyoka.sqlite'), '--port', '3911'], /hyoka: http/);
    servers.push(app);
    const list = (await (await fetch('http://127.0.0.1:3911/api/v1/projects')).json()) as { projects: { key: string }[] };
    const key = list.projects[0]?.key;
    if (!key) throw new Error('the demo database has no project');
    const url = `http://127.0.0.1:3911/api/v1/projects/${encodeURIComponent(key)}`;
    const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
    writeFileSync(join(dir, 'body.json'), bytes);
    const bare = await startServer([...TSX, 'bench/bare-server.ts', join(dir, 'body.json'), '3912'], /listening/);
    servers.push(bare);

    await load(url, 2);
    await load('http://127.0.0.1:3912/bare', 2);
    const real = await load(url, 10);
    const base = await load('http://127.0.0.1:3912/bare', 10);
    console.log(
      `http GET /api/v1/projects/${key} (${num(bytes.length)} bytes): ${num(Math.round(real.requests.average))} req/s, p50 ${real.latency.p50} ms, p99 ${real.latency.p99} ms; ` +
        `bare route ${num(Math.round(base.requests.average))} req/s, p99 ${base.latency.p99} ms; ratio ${ratio(real.requests.average, base.requests.average)}` +
        (real.errors + real.non2xx > 0 ? `; errors ${real.errors}, non-2xx ${real.non2xx}` : ''),
    );
  } finally {
    for (const server of servers) await stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
}
