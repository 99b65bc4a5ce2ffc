// serve: the pages and the API on one port; an empty database gets the demo sheet. It listens
// on 127.0.0.1 (this PC only) until --host names another address.
import { buildApp } from '../http/app.js';
import { CLI, createContext } from '../services/context.js';
import { loadDemoIfEmpty } from '../services/demo.js';
import { openStore } from '../store/index.js';
import type { Command } from './commands.js';
import { dbOption, storeOptions, stringOption } from './store.js';
import { shutdownTimeoutMs, stopOnSignals } from './shutdown.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export const serveCommand: Command = {
  summary: 'サーバーを起動（ページとAPI。空のDBにはデモデータを読込み） / serve the pages and the API; an empty database gets the demo data',
  usage: 'hyoka serve [--port 3000] [--host 127.0.0.1] [--db PATH] [--pool 8]',
  help: [
    '--port N         the port (default: $PORT, else 3000); with npm start: PORT=3001 npm start',
    '--host ADDRESS   the address to listen on (default: $HOST, else 127.0.0.1 — this PC only;',
    '                 --host 0.0.0.0 lets the other PCs of the office reach it)',
    '--pool N         PostgreSQL connections of this instance (default: $HYOKA_DB_POOL, else 8)',
    'HYOKA_ADMIN_TOKEN=…  a bootstrap administrator of every organization, as a bearer token (prefer users: hyoka user add)',
    'HYOKA_AUTH_HEADER=X-Remote-User HYOKA_TRUSTED_PROXY=127.0.0.1  sign in as the login the city\'s proxy names (only from those addresses, comma separated)',
    'HYOKA_METRICS_TOKEN=…  serves /metrics (Prometheus) to that bearer token',
    'HYOKA_SHUTDOWN_TIMEOUT=10  on SIGTERM, seconds the requests in flight may take to finish',
  ],
  options: { ...dbOption, port: { type: 'string' }, host: { type: 'string' }, pool: { type: 'string' } },
  async run(values, _positionals, io) {
    const port = Number(stringOption(values, 'port') ?? io.env.PORT ?? '3000');
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      io.stderr(`ポート番号が正しくありません / Invalid port: ${stringOption(values, 'port') ?? io.env.PORT}\n`);
      return 1;
    }
    const host = stringOption(values, 'host') ?? io.env.HOST ?? '127.0.0.1';
    const shutdownTimeout = shutdownTimeoutMs(io.env);
    const store = await openStore(storeOptions(values, io.env));
    const loaded = await loadDemoIfEmpty(createContext(store, CLI));
    if (loaded) io.stdout(`デモデータを読み込みました / Loaded the demo data: ${loaded}\n`);
    const app = await buildApp({
      store,
      adminToken: io.env.HYOKA_ADMIN_TOKEN,
      authHeader: io.env.HYOKA_AUTH_HEADER || undefined,
      trustedProxies: (io.env.HYOKA_TRUSTED_PROXY ?? '').split(',').map((address) => address.trim()).filter(Boolean),
      metricsToken: io.env.HYOKA_METRICS_TOKEN,
      logRequests: io.env.HYOKA_LOG === '1',
    });
    let address: string;
    try {
      address = await app.listen({ port, host });
    } catch (error) {
      await app.close();
      await store.close();
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      const other = port === 3000 ? 3001 : port + 1;
      io.stderr(
        `ポート ${port} は使用中です。別のポートを指定してください（hyoka serve --port ${other}、npm start なら PORT=${other} npm start） / ` +
          `Port ${port} is in use: choose another (hyoka serve --port ${other}, or PORT=${other} npm start)\n`,
      );
      return 1;
    }
    stopOnSignals(app, store, io, shutdownTimeout);
    io.stdout(`hyoka: ${address} (ページ / pages: ${address}/, API: ${address}/api/v1, OpenAPI: ${address}/api/v1/openapi.json)\n`);
    if (LOOPBACK.has(host)) {
      io.stdout(`このPCからのみ接続できます。他のPCから使うには --host 0.0.0.0 / Reachable from this PC only: --host 0.0.0.0 opens it to the network\n`);
    }
    return 0;
  },
};
