// One JSON shape for every error the API returns (interchange.md):
// { error: { message, problems?: [{ path, message }] } }, message in Japanese with English beside it.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ServiceError, type Problem, type ServiceErrorKind } from '../services/errors.js';


/** The HTTP status of each kind of service error: the API's and the pages' one map. */
export const STATUS: Record<ServiceErrorKind, number> = {
  invalid: 400,
  'not-found': 404,
  ambiguous: 400,
  unauthorized: 401,
  forbidden: 403,
  conflict: 409,
  unavailable: 503,
};

export function errorBody(message: string, problems?: Problem[]) {
  return { error: problems && problems.length > 0 ? { message, problems } : { message } };
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ServiceError) {
      if (error.kind === 'unauthorized') reply.header('www-authenticate', 'Bearer');
      return reply.status(STATUS[error.kind]).send(errorBody(error.message, error.problems));
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
    request.log.error(error);
    return reply.status(500).send(errorBody('サーバーで問題が発生しました / Internal server error'));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorBody(`見つかりません / Not found: ${request.method} ${request.url.split('?')[0]}`)),
  );
}
