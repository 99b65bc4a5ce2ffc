// One JSON shape for every error the API returns (interchange.md):
// { error: { message, problems?: [{ path, message }] } }, message in Japanese with English beside it.
// Also the answers Fastify and Node give before any route runs (a URL that cannot be decoded,
// headers too large, a malformed request), and the log line every 5xx leaves.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { asServiceError, ServiceError, type Problem, type ServiceErrorKind } from '../services/errors.js';


/** The HTTP status of each kind of service error: the API's and the pages' one map. */
export const STATUS: Record<ServiceErrorKind, number> = {
  invalid: 400,
  'not-found': 404,
  ambiguous: 400,
  unauthorized: 401,
  forbidden: 403,
  conflict: 409,
  'rate-limited': 429,
  unavailable: 503,
};

export function errorBody(message: string, problems?: Problem[]) {
  return { error: problems && problems.length > 0 ? { message, problems } : { message } };
}

/** The answer to a ServiceError: its status, and the headers its kind asks for. */
export function serviceStatus(reply: FastifyReply, error: ServiceError): number {
  if (error.kind === 'unauthorized') reply.header('www-authenticate', 'Bearer');
  if (error.retryAfter !== undefined) reply.header('retry-after', String(error.retryAfter));
  return STATUS[error.kind];
}

/**
 * Every 5xx leaves one line, whatever the log level: the request id (Fastify's reqId on the
 * request's logger), method, path without the query, status, and what failed — the error's
 * type, code, the first line of its message and its stack frames. Not the request body, not
 * its headers, not the error's other fields (a database error's `detail` quotes row values).
 */
export function logServerError(request: FastifyRequest, status: number, error: unknown): void {
  const err = error instanceof Error ? error : new Error(String(error));
  const code = (err as { code?: unknown }).code;
  request.log.error(
    {
      status,
      method: request.method,
      path: request.url.split('?')[0],
      // Not `err`: pino's serializer for that key would add every field of the error back.
      error: {
        type: err.name,
        ...(typeof code === 'string' && { code }),
        message: (err.message.split('\n')[0] ?? '').slice(0, 200),
        stack: (err.stack ?? '').split('\n').filter((line) => line.startsWith('    at ')).join('\n'),
      },
    },
    status === 500 ? 'server error' : 'service unavailable',
  );
}

export function internalErrorMessage(request: FastifyRequest): string {
  return `サーバーで問題が発生しました（要求 ${request.id}） / Internal server error (request ${request.id})`;
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const service = asServiceError(error);
    if (service) {
      const status = serviceStatus(reply, service);
      if (status >= 500) logServerError(request, status, error);
      return reply.status(status).send(errorBody(service.message, service.problems));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      const problems = error.validation.map((issue) => ({
        path: [where, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
        message: `値が正しくありません / invalid value: ${issue.message}`,
      }));
      return reply.status(400).send(errorBody('リクエストが正しくありません / Invalid request', problems));
    }
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return reply.status(413).send(errorBody('リクエストが大きすぎます / Request body too large'));
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send(errorBody(`リクエストを処理できません / ${error.message}`));
    }
    logServerError(request, 500, error);
    return reply.status(500).send(errorBody(internalErrorMessage(request)));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorBody(`見つかりません / Not found: ${request.method} ${request.url.split('?')[0]}`)),
  );
}

/**
 * Fastify options for the errors raised before routing: a path that is not valid
 * percent-encoding (`/%E0%A4%A`) and Node's own refusals of a request it cannot parse
 * (headers over the size limit: 431; anything else malformed: 400). Same JSON shape.
 */
export const frameworkErrorOptions = {
  frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
    const message =
      error.code === 'FST_ERR_BAD_URL'
        ? 'URLが正しくありません（パーセントエンコードを確認してください） / The URL is not valid: check its percent-encoding'
        : `リクエストを処理できません / ${error.message}`;
    reply.status(error.statusCode ?? 400).header('x-content-type-options', 'nosniff').send(errorBody(message));
  },
  clientErrorHandler(error: Error & { code?: string }, socket: Socket) {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const [status, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'リクエストヘッダーが大きすぎます / Request headers too large']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'リクエストが時間内に届きませんでした / Request timed out']
          : [400, 'リクエストを解釈できません / Malformed request'];
    const body = JSON.stringify(errorBody(message));
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy(error);
  },
};
