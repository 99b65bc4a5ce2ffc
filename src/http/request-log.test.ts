// The log is JSON lines carrying the request id, which every answer echoes; an id a proxy sent
// is kept when it looks like one; credentials in headers or the query never reach a line.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/open.js';
import { buildApp } from './app.js';
import { loggableUrl } from './request-log.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids and the log', () => {
  let store: Store;
  let app: FastifyInstance;
  const lines: string[] = [];
  beforeAll(async () => {
    store = await openStore({ sqlitePath: ':memory:' });
    app = await buildApp({ store, adminToken: 'admin-token-5c1e', logRequests: true, logStream: { write: (line) => void lines.push(line) } });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const logged = (id: string) => lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.reqId === id);

  it('keeps a sane X-Request-Id, echoes it, and logs the request under it', async () => {
    const response = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'nginx-3f9a0c1d7e' } });
    expect(response.headers['x-request-id']).toBe('nginx-3f9a0c1d7e');
    const mine = logged('nginx-3f9a0c1d7e');
    expect(mine.map((line) => line.msg)).toEqual(['incoming request', 'request completed']);
    expect(mine[1]).toMatchObject({ level: 30, res: { statusCode: 200 } });
  });

  it.each([
    ['none', undefined],
    ['too long', 'a'.repeat(129)],
    ['markup', '<script>alert(1)</script>'],
    ['spaces', 'one two'],
  ])('makes its own id when the header is %s, and echoes that', async (_what, given) => {
    const response = await app.inject({ url: '/api/v1/nowhere', headers: given === undefined ? {} : { 'x-request-id': given } });
    const id = response.headers['x-request-id'] as string;
    expect(id).toMatch(UUID);
    expect(logged(id).length).toBe(2);
  });

  it('echoes the id on errors too', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/import', headers: { 'x-request-id': 'err-1' }, payload: '{}' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['x-request-id']).toBe('err-1');
  });

  it('logs neither the Authorization header, nor cookies, nor tokens in the query', async () => {
    const secrets = ['Bearer bearer-secret-77aa', 'sid=cookie-secret-88bb', 'query-secret-99cc', 'preview-secret-aa11', 'pw-secret-bb22'];
    await app.inject({
      url: `/api/v1/projects?token=query-secret-99cc&org=1&confirm=preview-secret-aa11&Password=pw-secret-bb22`,
      headers: { authorization: secrets[0]!, cookie: secrets[1]!, 'x-request-id': 'secret-test' },
    });
    const text = logged('secret-test').map((line) => JSON.stringify(line)).join('\n');
    expect(text).toContain('/api/v1/projects?token=[redacted]&org=1&confirm=[redacted]&Password=[redacted]');
    for (const secret of secrets) expect(text).not.toContain(secret.split(/[ =]/).at(-1));
  });

  it('redacts by parameter name, keeping the rest of the URL as sent', () => {
    expect(loggableUrl('/sheet?bureau=%E4%BC%81&page=2')).toBe('/sheet?bureau=%E4%BC%81&page=2');
    expect(loggableUrl('/x?api_key=1&a&%74oken=2')).toBe('/x?api_key=[redacted]&a&%74oken=[redacted]');
    expect(loggableUrl('/x')).toBe('/x');
  });
});
