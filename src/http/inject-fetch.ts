// The app answering in-process, as the static copy of the site reads it: a GET with no
// credentials, so every page is what an anonymous reader gets.
import type { FastifyInstance } from 'fastify';
import type { SiteFetch } from '../services/static-publication.js';

export function injectFetch(app: FastifyInstance): SiteFetch {
  return async (url) => {
    const response = await app.inject({ method: 'GET', url });
    return { status: response.statusCode, headers: response.headers, body: response.rawPayload };
  };
}
