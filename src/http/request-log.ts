// The log and the request id. Lines are JSON (pino), each with the request's id (`reqId`): the
// `X-Request-Id` a proxy sent, when it looks like an id, else one made here; every answer
// echoes it, so a user's report, the proxy's log and ours meet. No secret reaches a line: no
// header is logged (Authorization and cookies are redacted should one be), and a query's
// tokens and passwords are replaced before the URL is written.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

// An id a proxy or client may choose: nginx's $request_id (32 hex), a UUID, a trace id. Nothing
// that could break a log line or a header, nothing long.
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function requestId(raw: IncomingMessage): string {
  const given = raw.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SANE_ID.test(given) ? given : randomUUID();
}

// Query parameters whose values are credentials: replaced in every logged URL.
const SECRET_PARAMETER = /token|password|passwd|secret|key|auth|session|confirm|signature|code/i;

/** The URL as it may be logged: each secret-looking query value replaced. */
export function loggableUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return eq >= 0 && SECRET_PARAMETER.test(safeDecode(name)) ? `${name}=[redacted]` : pair;
    });
  return `${url.slice(0, at)}?${query.join('&')}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Fastify's options for the logger and the request id. */
export function loggingOptions(level: string, stream: { write(line: string): void }) {
  return {
    logger: {
      level,
      stream,
      serializers: {
        req: (request: FastifyRequest) => ({ method: request.method, url: loggableUrl(request.url), remoteAddress: request.ip }),
      },
      // Should a header ever be logged (a serializer added later, an error's request), these never are.
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["set-cookie"]', 'headers.authorization', 'headers.cookie', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
    },
    genReqId: requestId,
  };
}

/** Every answer says its request id. */
export function echoRequestId(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
}
