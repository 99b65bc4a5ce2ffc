// Graceful shutdown of `hyoka serve` on SIGTERM (an orchestrator, systemd, a rolling deploy) or
// SIGINT (Ctrl+C): stop accepting connections, let the requests in flight finish — for at most
// HYOKA_SHUTDOWN_TIMEOUT seconds, then cut them — close the database pool, and exit: 0 when every
// request finished, 1 when some had to be cut. A second signal ends the process at once.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/index.js';
import type { CliIo } from './run.js';

export const DEFAULT_SHUTDOWN_TIMEOUT_SECONDS = 10;

export function shutdownTimeoutMs(env: NodeJS.ProcessEnv): number {
  const text = env.HYOKA_SHUTDOWN_TIMEOUT;
  if (text === undefined || text === '') return DEFAULT_SHUTDOWN_TIMEOUT_SECONDS * 1000;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new Error(`HYOKA_SHUTDOWN_TIMEOUT は秒数で指定してください / HYOKA_SHUTDOWN_TIMEOUT must be a number of seconds: ${text}`);
  }
  return seconds * 1000;
}

export function stopOnSignals(app: FastifyInstance, store: Store, io: CliIo, timeoutMs: number): void {
  const stop = async (signal: NodeJS.Signals) => {
    io.stderr(`hyoka: ${signal}: 停止します（処理中の要求を終えてから） / stopping: no new connections, finishing the requests in flight\n`);
    let cut = false;
    // A keep-alive connection whose request finishes stays open for its next one: closed here as
    // soon as it is idle (Fastify closes the idle ones only once, at the start). Past the
    // timeout every connection is cut.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
    const deadline = setTimeout(() => {
      cut = true;
      io.stderr(`hyoka: ${timeoutMs / 1000} 秒以内に終わらない要求を打ち切りました / cut the requests still running after ${timeoutMs / 1000} s\n`);
      app.server.closeAllConnections();
    }, timeoutMs);
    try {
      await app.close();
    } finally {
      clearTimeout(deadline);
      clearInterval(sweep);
      await store.close();
    }
    io.stderr(`hyoka: 停止しました / stopped\n`);
    process.exit(cut ? 1 : 0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(signal));
}
