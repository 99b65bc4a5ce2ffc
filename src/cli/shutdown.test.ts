// `hyoka serve` on SIGTERM: it stops accepting connections, lets a request in flight finish and
// answers it, closes the database, and exits 0; a request that does not finish within
// HYOKA_SHUTDOWN_TIMEOUT is cut and the exit status says so (1). The request in flight is an
// upload whose body the test holds back until the server has stopped listening.
import net from 'node:net';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServe, waitFor, type ServeProcess } from '../../test/serve-process.js';

const TOKEN = 'shutdown-admin-token';
const BODY = JSON.stringify({ format: 'hyoka/1', organization: { name: '停止市' }, policies: [], projects: [] });

/** Resolves once a new connection to the port is refused. */
async function refused(port: number): Promise<void> {
  for (;;) {
    const accepted = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (!accepted) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** An import whose headers and half its body are sent and received; `finish()` sends the rest. */
async function importInFlight(server: ServeProcess, id: string): Promise<{ finish(): void; answer: Promise<string> }> {
  const received = waitFor(server.child, 'stderr', (text) => (text.includes(`"reqId":"${id}"`) ? true : undefined), 'the request in the log');
  const socket = net.connect(server.port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  let answer = '';
  socket.on('data', (data: Buffer) => (answer += data.toString('utf8')));
  const half = Math.floor(BODY.length / 2);
  socket.write(
    `POST /api/v1/import?dryRun=true HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\n` +
      `X-Request-Id: ${id}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(BODY)}\r\n\r\n${BODY.slice(0, half)}`,
  );
  await received;
  return {
    finish: () => socket.write(BODY.slice(half)),
    answer: new Promise((resolve) => socket.once('close', () => resolve(answer))),
  };
}

describe('hyoka serve on SIGTERM', () => {
  let dir: string;
  let server: ServeProcess | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hyoka-shutdown-'));
    return () => rmSync(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    server?.child.kill('SIGKILL');
    await server?.exited;
  });

  it('stops accepting, finishes the request in flight, closes the database and exits 0', async () => {
    server = await startServe({ HYOKA_ADMIN_TOKEN: TOKEN, HYOKA_LOG: '1' }, '--db', join(dir, 'graceful.sqlite'));
    const upload = await importInFlight(server, 'graceful');
    const stopping = waitFor(server.child, 'stderr', (text) => (text.includes('stopping') ? true : undefined), 'the stopping line');
    server.child.kill('SIGTERM');
    await stopping;
    await refused(server.port);
    expect(server.child.exitCode).toBeNull();

    upload.finish();
    const answer = await upload.answer;
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain('"dryRun":true');
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toContain('stopped');
    expect(server.stderr()).not.toContain('cut the requests');
    // SQLite removes the write-ahead log when the last connection closes: the store was closed.
    expect(existsSync(join(dir, 'graceful.sqlite-wal'))).toBe(false);
    expect(existsSync(join(dir, 'graceful.sqlite'))).toBe(true);
  }, 90_000);

  it('cuts a request that outlasts HYOKA_SHUTDOWN_TIMEOUT, and exits 1', async () => {
    server = await startServe({ HYOKA_ADMIN_TOKEN: TOKEN, HYOKA_LOG: '1', HYOKA_SHUTDOWN_TIMEOUT: '1' }, '--db', join(dir, 'cut.sqlite'));
    const upload = await importInFlight(server, 'outlasting');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(1);
    expect(await upload.answer).toBe('');
    expect(server.stderr()).toContain('cut the requests still running after 1 s');
  }, 90_000);
});
