// serve: the pages and the API on one port; an empty database gets the demo sheet.
import { buildApp } from '../http/app.js';
import { loadDemoIfEmpty } from '../services/demo.js';
import { openStore } from '../store/index.js';
import type { Command } from './commands.js';
import { dbOption, storeOptions, stringOption } from './store.js';

export const serveCommand: Command = {
  summary: 'サーバーを起動（ページとAPI。空のDBにはデモデータを読込み） / serve the pages and the API; an empty database gets the demo data',
  usage: 'hyoka serve [--port 3000] [--host 127.0.0.1] [--db PATH]',
  options: { ...dbOption, port: { type: 'string' }, host: { type: 'string' } },
  async run(values, _positionals, io) {
    const port = Number(stringOption(values, 'port') ?? io.env.PORT ?? '3000');
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      io.stderr(`ポート番号が正しくありません / Invalid port: ${stringOption(values, 'port')}\n`);
      return 1;
    }
    const store = await openStore(storeOptions(values, io.env));
    const loaded = await loadDemoIfEmpty(store);
    if (loaded) io.stdout(`デモデータを読み込みました / Loaded the demo data: ${loaded}\n`);
    const app = await buildApp({ store, adminToken: io.env.HYOKA_ADMIN_TOKEN, logRequests: io.env.HYOKA_LOG === '1' });
    const close = async () => {
      await app.close();
      await store.close();
      process.exit(0);
    };
    process.once('SIGINT', close);
    process.once('SIGTERM', close);
    const address = await app.listen({ port, host: stringOption(values, 'host') ?? io.env.HOST ?? '127.0.0.1' });
    io.stdout(`hyoka: ${address} (ページ / pages: ${address}/, API: ${address}/api/v1, OpenAPI: ${address}/api/v1/openapi.json)\n`);
    return 0;
  },
};
