// `hyoka serve` on PostgreSQL, as a process of its own: when the server ends its connections
// (a restart, a failover, a firewall timeout — here pg_terminate_backend), the process logs
// it, stays up, and answers the next request on a new connection.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresSchema, type PostgresSchema } from '../store/test-stores.js';
import { requirePostgres } from '../../test/requires.js';
import { waitFor } from '../../test/serve-process.js';

const postgres = requirePostgres();

describe.skipIf(!postgres.available)(`hyoka serve on PostgreSQL ${postgres.label}`, () => {
  let child: ChildProcess | undefined;
  let schema: PostgresSchema | undefined;
  afterEach(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child!.once('exit', resolve));
    }
    await schema?.drop();
  });

  it('stays up when its idle connections are terminated, and answers the next request', async () => {
    schema = await createPostgresSchema(postgres.url!);
    const application = `hyoka-test-${randomBytes(4).toString('hex')}`;
    const url = new URL(schema.url);
    url.searchParams.set('application_name', application);
    child = spawn(process.execPath, ['bin/hyoka.js', 'serve', '--port', '0'], {
      env: { ...process.env, DATABASE_URL: url.toString(), HYOKA_LOG: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
    const origin = await waitFor(child, 'stdout', (text) => /hyoka: (http:\/\/[^\s]+) /.exec(text)?.[1], 'the listening address');

    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    try {
      // The pool's connections, idle between requests.
      const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [application]);
      expect(rows.length).toBeGreaterThan(0);
      const lost = waitFor(child, 'stderr', (text) => (text.includes('A database connection was lost') ? true : undefined), 'the lost connection in the log');
      for (const { pid } of rows) await admin.query('select pg_terminate_backend($1)', [pid]);
      await lost;
    } finally {
      await admin.end();
    }

    expect(child.exitCode).toBeNull();
    expect(stderr).not.toContain("Unhandled 'error' event");
    const health = await fetch(`${origin}/healthz`);
    expect(health.status).toBe(200);
    const projects = await fetch(`${origin}/api/v1/projects`);
    expect(projects.status).toBe(200);
    expect(((await projects.json()) as { projects: unknown[] }).projects.length).toBeGreaterThan(0);
  }, 120_000);
});
