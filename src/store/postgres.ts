// The PostgreSQL connection pool, set up so that a lost connection never takes the process
// down. A connection dies when the server restarts, fails over, or a firewall drops an idle
// socket (pg_terminate_backend does the same): pg then emits 'error' on the client and, for an
// idle one, on the pool — an 'error' event nobody listens to ends a Node process. The pool
// drops the dead client itself and the next query opens a new connection.
import pg from 'pg';

export interface PoolOptions {
  max?: number;
  /** Told of every connection lost outside a query (a query's own error rejects the query). */
  onConnectionError?: (error: Error) => void;
}

/** Connections per app instance unless set (`--pool`, HYOKA_DB_POOL); docs/deployment.md sizes it. */
export const DEFAULT_POOL_SIZE = 8;

/** How long a request waits for a new connection before the database counts as unreachable. */
const CONNECT_TIMEOUT_MS = 10_000;

export function postgresPool(connectionString: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? DEFAULT_POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // TCP keepalive finds a socket a firewall dropped silently, instead of a query hanging on it.
    keepAlive: true,
  });
  const report = options.onConnectionError ?? reportToStderr;
  // Every client, idle or checked out, gets a listener of its own; the pool's own 'error'
  // (emitted for idle clients, after it removed them) then needs no second report.
  pool.on('connect', (client) => client.on('error', report));
  pool.on('error', () => undefined);
  return pool;
}

function reportToStderr(error: Error): void {
  const code = (error as { code?: unknown }).code;
  process.stderr.write(
    `hyoka: データベースへの接続が切れました。次の処理で接続し直します / A database connection was lost; the next query reconnects: ${error.message}${typeof code === 'string' ? ` (${code})` : ''}\n`,
  );
}

export interface PoolUse {
  /** Connections open, idle among them, requests waiting for one, and the ceiling. */
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export function poolUse(pool: pg.Pool): PoolUse {
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? DEFAULT_POOL_SIZE };
}

/**
 * Runs `run` while holding a session-level advisory lock named `name` in the connection's
 * schema: instances started together take turns (loading the demo into an empty database
 * happens once; the others wait, then see it). The lock lives on a connection of its own,
 * outside the pool, so `run` has the whole pool (even a pool of one); it ends with that
 * connection if the process dies.
 */
export async function whileLocked<T>(connectionString: string, name: string, run: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
  client.on('error', reportToStderr);
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1), hashtext(current_schema()))', [`hyoka:${name}`]);
    return await run();
  } finally {
    // Ending the session releases its lock.
    await client.end().catch(() => undefined);
  }
}
