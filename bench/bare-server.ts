// The HTTP baseline: a bare Fastify route returning the same bytes as the real endpoint.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [file, port] = process.argv.slice(2);
const body = readFileSync(file as string);
const app = Fastify();
app.get('/bare', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
const address = await app.listen({ port: Number(port), host: '127.0.0.1' });
console.log(`listening ${address}`);
