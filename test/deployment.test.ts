// docs/deployment.md as it is written: Debian's nginx, configured with the page's own nginx block,
// in front of two `hyoka serve` processes over one PostgreSQL schema. Started together on the
// empty schema, exactly one of them loads the demo. A session signed in through one instance
// works on the other (sessions live in the database): a save through the second shows through
// the first. An import through one instance shows through the other, whose caches had the old
// data (they are keyed by revision);
// /readyz answers through nginx; when the database goes away both answer 503 there and recover
// when it returns; when one instance stops, nginx serves from the other.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresSchema, type PostgresSchema } from '../src/store/test-stores.js';
import { requirePackage, requirePostgres } from './requires.js';
import { startServe, type ServeProcess } from './serve-process.js';
import { openRelay, type Relay } from './relay.js';

const postgres = requirePostgres();
const nginxGate = requirePackage('nginx-light');
const TOKEN = 'deployment-admin-token';
/** The administrator reads what is stored (作業中), not only what is published. */
const ADMIN = { authorization: `Bearer ${TOKEN}` };
const KEY = 'regional-administration';
const PASSWORD = 'deployment-password-1';

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(origin: string, login: string): Promise<Session> {
  const response = await fetch(`${origin}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  expect(response.status, await response.clone().text()).toBe(204);
  return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrf: response.headers.get('x-csrf-token')! };
}

/** The project as the session reads it, with its version (ETag). */
async function readProject(origin: string, session: Session): Promise<{ etag: string; project: { summary?: string } & Record<string, unknown> }> {
  const response = await fetch(`${origin}/api/v1/projects/${KEY}`, { headers: { cookie: session.cookie } });
  expect(response.status, origin).toBe(200);
  const { project } = (await response.json()) as { project: { summary?: string } & Record<string, unknown> };
  return { etag: response.headers.get('etag')!, project };
}

async function saveProject(origin: string, session: Session, etag: string, project: unknown): Promise<Response> {
  return fetch(`${origin}/api/v1/projects/${KEY}`, {
    method: 'PUT',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'if-match': etag, 'content-type': 'application/json' },
    body: JSON.stringify({ project }),
  });
}

/** The nginx block of docs/deployment.md, with the test's ports for the instances and for nginx. */
function documentedConfig(instances: number[], port: number): string {
  const page = readFileSync(new URL('../docs/deployment.md', import.meta.url), 'utf8');
  const block = /```nginx\n([\s\S]*?)```/.exec(page)?.[1];
  if (!block) throw new Error('docs/deployment.md has no nginx block');
  expect(block).toContain('127.0.0.1:3001');
  expect(block).toContain('127.0.0.1:3002');
  return block.replace('127.0.0.1:3001', `127.0.0.1:${instances[0]}`).replace('127.0.0.1:3002', `127.0.0.1:${instances[1]}`).replace('listen 80;', `listen 127.0.0.1:${port};`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function startNginx(dir: string, server: string): { child: ChildProcess; stderr(): string } {
  for (const sub of ['body', 'proxy']) mkdirSync(join(dir, sub), { recursive: true });
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    [
      process.getuid?.() === 0 ? 'user root;' : '',
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      'events { worker_connections 64; }',
      'http {',
      '  access_log off;',
      `  client_body_temp_path ${join(dir, 'body')};`,
      `  proxy_temp_path ${join(dir, 'proxy')};`,
      server,
      '}',
    ].join('\n'),
  );
  const child = spawn('nginx', ['-p', dir, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
  return { child, stderr: () => stderr };
}

/** Resolves once nginx answers; fails with its messages if it exited. */
async function untilAnswers(url: string, nginx: { child: ChildProcess; stderr(): string }): Promise<void> {
  for (;;) {
    if (nginx.child.exitCode !== null) throw new Error(`nginx exited ${nginx.child.exitCode}: ${nginx.stderr()}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe.skipIf(!postgres.available || !nginxGate.available)(`two instances behind nginx ${postgres.label} ${nginxGate.label}`, () => {
  let schema: PostgresSchema;
  let dir: string;
  const instances: ServeProcess[] = [];
  let nginx: ReturnType<typeof startNginx> | undefined;
  let proxy: string;
  let relay: Relay | undefined;

  beforeAll(async () => {
    schema = await createPostgresSchema(postgres.url!);
    dir = mkdtempSync(join(tmpdir(), 'hyoka-deploy-'));
    // The instances reach PostgreSQL through a relay the test can cut.
    relay = await openRelay(new URL(schema.url), 0);
    const relayed = new URL(schema.url);
    relayed.hostname = '127.0.0.1';
    relayed.port = String(relay.port);
    const env = { DATABASE_URL: relayed.toString(), HYOKA_ADMIN_TOKEN: TOKEN };
    // Started together on the empty schema, as a deployment rolls out: both would load the demo.
    instances.push(...(await Promise.all([startServe(env, '--pool', '3'), startServe(env, '--pool', '3')])));
    const port = await freePort();
    nginx = startNginx(dir, documentedConfig(instances.map((instance) => instance.port), port));
    proxy = `http://127.0.0.1:${port}`;
    await untilAnswers(`${proxy}/healthz`, nginx);
  }, 120_000);
  afterAll(async () => {
    const child = nginx?.child;
    if (child && child.exitCode === null) {
      child.kill('SIGQUIT');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await Promise.all(instances.map((instance) => instance.stop()));
    await relay?.close();
    await schema?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const projectName = async (origin: string) => {
    // As the administrator: what is stored, not only what is published.
    const response = await fetch(`${origin}/api/v1/projects/${KEY}`, { headers: ADMIN });
    expect(response.status).toBe(200);
    return JSON.stringify(await response.json());
  };

  it('loads the demo once when two instances start together on an empty database', async () => {
    const loaded = instances.filter((instance) => instance.stdout().includes('Loaded the demo data'));
    expect(loaded).toHaveLength(1);
    const counted = new pg.Client({ connectionString: schema.url });
    await counted.connect();
    try {
      const { rows } = await counted.query<{ n: string }>('select count(*) as n from organizations');
      expect(Number(rows[0]!.n)).toBe(1);
    } finally {
      await counted.end();
    }
    for (const instance of instances) expect((await fetch(`${instance.origin}/api/v1/projects/${KEY}`)).status).toBe(200);
  });

  it('answers /readyz through nginx, with the request id nginx gave', async () => {
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${proxy}/readyz`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('shows an import through one instance through the other and through nginx', async () => {
    const [first, second] = instances as [ServeProcess, ServeProcess];
    // The second instance caches the project and the page as they are.
    const before = await projectName(second.origin);
    expect(before).not.toContain('（改訂）');
    expect((await fetch(`${second.origin}/projects/${KEY}`, { headers: ADMIN })).status).toBe(200);

    const doc = (await (await fetch(`${first.origin}/api/v1/export?format=json`)).json()) as { projects: { key: string; name: string }[] };
    const project = doc.projects.find((p) => p.key === KEY)!;
    project.name = `${project.name}（改訂）`;
    const imported = await fetch(`${first.origin}/api/v1/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(doc),
    });
    expect(imported.status).toBe(200);

    expect(await projectName(second.origin)).toContain('（改訂）');
    expect(await (await fetch(`${second.origin}/projects/${KEY}`, { headers: ADMIN })).text()).toContain('（改訂）');
    for (let i = 0; i < 4; i++) expect(await projectName(proxy)).toContain('（改訂）');
  });

  it('keeps a session of one instance on the other: signed in through one, saved through the other, the first shows it', async () => {
    const [first, second] = instances as [ServeProcess, ServeProcess];
    const added = await fetch(`${proxy}/api/v1/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'kikaku', role: 'admin', password: PASSWORD }),
    });
    expect(added.status, await added.clone().text()).toBe(201);
    const session = await signIn(first.origin, 'kikaku');
    // The first instance holds the project as it is (its cache, its version).
    const before = await readProject(first.origin, session);

    const onSecond = await readProject(second.origin, session);
    expect(onSecond.etag).toBe(before.etag);
    onSecond.project.summary = '二つ目のインスタンスで保存した概要';
    const saved = await saveProject(second.origin, session, onSecond.etag, onSecond.project);
    expect(saved.status, await saved.clone().text()).toBe(200);

    const after = await readProject(first.origin, session);
    expect(after.project.summary).toBe('二つ目のインスタンスで保存した概要');
    expect(after.etag).toBe(saved.headers.get('etag'));
    // The first's version is stale now, on either instance.
    expect((await saveProject(first.origin, session, before.etag, before.project)).status).toBe(409);

    // Through nginx, whichever instance answers: a save, then every instance shows it.
    const viaProxy = await readProject(proxy, session);
    viaProxy.project.summary = 'nginx 経由で保存した概要';
    const proxied = await saveProject(proxy, session, viaProxy.etag, viaProxy.project);
    expect(proxied.status, await proxied.clone().text()).toBe(200);
    for (const origin of [first.origin, second.origin, proxy, proxy]) {
      expect((await readProject(origin, session)).project.summary, origin).toBe('nginx 経由で保存した概要');
    }

    // Signing out through one instance ends the session on the other.
    const out = await fetch(`${second.origin}/api/v1/session`, { method: 'DELETE', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } });
    expect(out.status).toBe(204);
    expect((await fetch(`${first.origin}/api/v1/me`, { headers: { cookie: session.cookie } })).status).toBe(401);
  });

  it('answers 503 on /readyz from both instances and through nginx while the database is gone, and recovers', async () => {
    const port = relay!.port;
    await relay!.close();
    for (const origin of [...instances.map((instance) => instance.origin), proxy]) {
      expect((await fetch(`${origin}/healthz`)).status, origin).toBe(200);
      const unready = await fetch(`${origin}/readyz`);
      expect(unready.status, origin).toBe(503);
      expect(unready.headers.get('retry-after'), origin).toBe('10');
    }
    relay = await openRelay(new URL(schema.url), port);
    for (const origin of [...instances.map((instance) => instance.origin), proxy]) {
      expect((await fetch(`${origin}/readyz`)).status, origin).toBe(200);
      expect(await projectName(origin)).toContain('（改訂）');
    }
  });

  it('serves through the other instance while one stops', async () => {
    // nginx counted the outage's 503s as failures (max_fails=1) and sends nothing to an
    // instance for fail_timeout (5 s) after its last one: the set-up is whole again after that.
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    await instances[0]!.stop();
    expect(await instances[0]!.exited).toBe(0);
    // On a busy machine the other instance's last failure may be later than the wait above:
    // nginx takes it back within fail_timeout, then every request goes there.
    const until = Date.now() + 20_000;
    while ((await fetch(`${proxy}/readyz`)).status !== 200 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 500));
    for (let i = 0; i < 4; i++) {
      expect((await fetch(`${proxy}/readyz`)).status).toBe(200);
      expect(await projectName(proxy)).toContain('（改訂）');
    }
  }, 60_000);
});
