import { describe, expect, it } from 'vitest';
import { storeOptions } from './store.js';

const URL = 'postgres://db.example/hyoka';

describe('the store a command opens', () => {
  it('sizes the PostgreSQL pool by --pool, then HYOKA_DB_POOL, else leaves the default', () => {
    expect(storeOptions({ pool: '4' }, { DATABASE_URL: URL, HYOKA_DB_POOL: '20' })).toEqual({ databaseUrl: URL, poolSize: 4 });
    expect(storeOptions({}, { DATABASE_URL: URL, HYOKA_DB_POOL: '20' })).toEqual({ databaseUrl: URL, poolSize: 20 });
    expect(storeOptions({}, { DATABASE_URL: URL })).toEqual({ databaseUrl: URL });
    expect(storeOptions({ db: 'x.sqlite', pool: '4' }, { DATABASE_URL: URL })).toEqual({ sqlitePath: 'x.sqlite' });
  });

  it.each(['0', '2.5', 'eight', '1001'])('refuses the pool size %s, saying which setting', (size) => {
    expect(() => storeOptions({ pool: size }, { DATABASE_URL: URL })).toThrow(/--pool, HYOKA_DB_POOL/);
  });
});
