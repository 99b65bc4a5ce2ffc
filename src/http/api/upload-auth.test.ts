// An anonymous upload is refused on its headers: the body is neither read nor parsed. The
// observable is the body stream itself — how much of it the server pulled before answering —
// and, over a real socket, how much a client had sent when the refusal came back.
import { Readable } from 'node:stream';
import net from 'node:net';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../test/demo-app.js';

const TOKEN = 'upload-admin-token';
const BODY_BYTES = 60 * 1024 * 1024;
const CHUNK = 64 * 1024;

const { app } = useDemoApp({ adminToken: TOKEN });

/** A 60 MB JSON-ish body made on demand, counting what the server pulls. */
function countedBody(): { stream: Readable; pulled: () => number } {
  let pulled = 0;
  const chunk = Buffer.alloc(CHUNK, 0x20);
  const stream = new Readable({
    read() {
      if (pulled >= BODY_BYTES) return void this.push(null);
      pulled += CHUNK;
      this.push(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe('POST /api/v1/import checks the credential before the body', () => {
  for (const [label, headers, status] of [
    ['without a token', {}, 401],
    ['with a wrong token', { authorization: 'Bearer wrong' }, 401],
  ] as const) {
    it(`refuses a 60 MB upload ${label} having read almost none of it`, async () => {
      const body = countedBody();
      const response = await app().inject({
        method: 'POST',
        url: '/api/v1/import',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(BODY_BYTES) },
        payload: body.stream,
      });
      expect(response.statusCode).toBe(status);
      expect(response.json().error.message).toMatch(/管理者トークン.* \/ .*token/);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.headers.connection).toBe('close');
      // At most what the stream buffers ahead of a reader that never came (a few chunks).
      expect(body.pulled()).toBeLessThan(1024 * 1024);
    });
  }

  it('reads the body of an authorized upload (the counter counts)', async () => {
    const body = countedBody();
    const response = await app().inject({
      method: 'POST',
      url: '/api/v1/import?format=sheet-text&dryRun=true',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain', 'content-length': String(BODY_BYTES) },
      payload: body.stream,
    });
    // Over the route's limits, but only after the body was read to find that out.
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(body.pulled()).toBeGreaterThan(8 * 1024 * 1024);
  });

  it('answers an anonymous client on a real socket before it has sent the body', async () => {
    const address = new URL(await app().listen({ host: '127.0.0.1', port: 0 }));
    const socket = net.connect(Number(address.port), '127.0.0.1');
    let sent = 0;
    let answer = '';
    const answered = new Promise<void>((resolve) => {
      socket.on('data', (data) => {
        answer += data.toString('utf8');
        if (answer.includes('\r\n\r\n')) resolve();
      });
      socket.on('close', () => resolve());
    });
    socket.on('error', () => undefined); // the server closes while the client still writes
    socket.write(`POST /api/v1/import HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${BODY_BYTES}\r\n\r\n`);
    const chunk = Buffer.alloc(CHUNK, 0x20);
    let done = false;
    void answered.then(() => (done = true));
    while (!done && sent < BODY_BYTES && !socket.destroyed) {
      sent += CHUNK;
      if (!socket.write(chunk)) await Promise.race([once(socket, 'drain'), answered]);
    }
    await answered;
    socket.destroy();
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(sent).toBeLessThan(BODY_BYTES);
  });
});
