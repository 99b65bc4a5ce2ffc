// The store's public face: open a database (SQLite, PostgreSQL or PGlite), migrated.
export { openStore, DEFAULT_SQLITE_PATH, type Store, type StoreOptions } from './open.js';
export { atLatestMigration } from './migrations/index.js';
export type { DialectName } from './dialect.js';
