// Every error answer has the one JSON shape with Japanese and English — including those Fastify
// and Node give before a route runs (a URL that cannot be decoded, headers too large, a
// malformed request, a body over the limit) — and every answer says nosniff. Every 5xx leaves
// a log line with its request id, whatever the log level, and no log line holds a secret
// (Authorization, a cookie) or the request's content.
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDemoApp } from '../../test/demo-app.js';
import { loadDemoIfEmpty } from '../services/demo.js';
import { openStore, type Store } from '../store/open.js';
import { buildApp } from './app.js';
import { BODY_LIMIT } from './limits.js';
import { testContext } from '../services/test-context.js';

const TOKEN = 'errors-admin-token';
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** The documented shape, a message with Japanese and English (ASCII letters) beside it. */
function expectErrorShape(body: string): { message: string } {
  const parsed = JSON.parse(body) as { error: { message: string } };
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(parsed.error.message).toMatch(JAPANESE);
  expect(parsed.error.message).toMatch(/ \/ [A-Z][a-z]/);
  return parsed.error;
}

/** Sends raw bytes to a listening app and gives back the whole answer. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    socket.on('data', (data) => (answer += data.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

function splitAnswer(answer: string): { status: number; headers: string; body: string } {
  const [head, body = ''] = answer.split('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head!)?.[1]), headers: head!.toLowerCase(), body };
}

describe('error answers before and beside the routes', () => {
  const { app } = useDemoApp({ adminToken: TOKEN });
  let port: number;
  beforeAll(async () => {
    port = Number(new URL(await app().listen({ host: '127.0.0.1', port: 0 })).port);
  });

  it('answers a path that is not valid percent-encoding with the JSON shape', async () => {
    for (const url of ['/%E0%A4%A', '/api/v1/projects/%E0%A4%A']) {
      const response = await app().inject(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(expectErrorShape(response.body).message).toContain('URL');
    }
  });

  it('answers headers over the size limit with 431 in the JSON shape', async () => {
    const answer = splitAnswer(await rawRequest(port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
    expect(answer.status).toBe(431);
    expect(answer.headers).toContain('x-content-type-options: nosniff');
    expectErrorShape(answer.body);
  });

  it('answers a request it cannot parse with 400 in the JSON shape', async () => {
    const answer = splitAnswer(await rawRequest(port, 'NOT A REQUEST\r\n\r\n'));
    expect(answer.status).toBe(400);
    expectErrorShape(answer.body);
  });

  it('answers a body over the limit with 413 in the JSON shape', async () => {
    const response = await app().inject({
      method: 'POST',
      url: '/api/v1/import',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      payload: Buffer.alloc(BODY_LIMIT + 1, 0x20),
    });
    expect(response.statusCode).toBe(413);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expectErrorShape(response.body);
  });

  it('says nosniff on JSON, CSV and workbook answers and on errors', async () => {
    for (const url of ['/api/v1/projects', '/api/v1/export?format=csv', '/api/v1/export?format=xlsx', '/sheet?format=csv', '/api/v1/nowhere', '/healthz']) {
      const response = await app().inject(url);
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });
});

describe('the log of 5xx answers', () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let quietApp: FastifyInstance;
  const lines: string[] = [];
  const quiet: string[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hyoka-log-'));
    store = await openStore({ sqlitePath: join(dir, 'hyoka.sqlite') });
    await loadDemoIfEmpty(testContext(store));
    // A defect to answer 500 with: a table the queries need (what is published) is gone.
    await sql`drop table publications`.execute(store.handles.db);
    app = await buildApp({ store, adminToken: TOKEN, logRequests: true, logStream: { write: (line) => void lines.push(line) } });
    quietApp = await buildApp({ store, adminToken: TOKEN, logStream: { write: (line) => void quiet.push(line) } });
  });
  afterAll(async () => {
    await app?.close();
    await quietApp?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const secrets = {
    authorization: 'Bearer secret-bearer-6f1c',
    cookie: 'session=secret-cookie-9a2d',
    'x-api-key': 'secret-key-41b7',
  };

  it('logs a 500 with its request id and cause, even without request logging, and tells the client the id', async () => {
    const response = await quietApp.inject({ url: '/api/v1/projects?bureau=%E4%BC%81', headers: secrets });
    expect(response.statusCode).toBe(500);
    const { message } = expectErrorShape(response.body);
    const id = /要求 (\S+)）/.exec(message)?.[1];
    expect(id).toBeTruthy();
    const logged = quiet.map((line) => JSON.parse(line) as Record<string, any>);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 50, reqId: id, status: 500, method: 'GET', path: '/api/v1/projects' });
    expect(logged[0]!.error).toMatchObject({ type: 'SqliteError', code: 'SQLITE_ERROR', message: 'no such table: publications' });
  });

  it('logs a 500 page the same way', async () => {
    const before = quiet.length;
    const response = await quietApp.inject('/sheet');
    expect(response.statusCode).toBe(500);
    expect(quiet.slice(before).map((line) => JSON.parse(line).status)).toEqual([500]);
  });

  it('keeps secrets and content out of every line, request logging on', async () => {
    await app.inject({ url: '/api/v1/projects', headers: secrets });
    await app.inject({
      method: 'POST',
      url: '/api/v1/import?dryRun=true',
      headers: { ...secrets, authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ organization: { name: '秘密市の内容' } }),
    });
    const text = [...lines, ...quiet].join('');
    expect(lines.length).toBeGreaterThan(2);
    for (const secret of [...Object.values(secrets), TOKEN, '秘密市の内容']) expect(text).not.toContain(secret);
  });
});
