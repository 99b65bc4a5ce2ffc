// Instances started together (a deployment rolling out) open the same PostgreSQL schema at
// once: the migrations run once, under the advisory lock, and every instance opens.
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { requirePostgres } from '../../../test/requires.js';
import { openStore, type Store } from '../open.js';
import { createPostgresSchema, type PostgresSchema } from '../test-stores.js';
import { LATEST_MIGRATION } from './index.js';

const postgres = requirePostgres();
const INSTANCES = 6;

describe.skipIf(!postgres.available)(`migrations on start ${postgres.label}`, () => {
  let schema: PostgresSchema | undefined;
  const stores: Store[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await schema?.drop();
    schema = undefined;
  });

  it(`runs once when ${INSTANCES} instances open one fresh schema at once, and all of them open`, async () => {
    schema = await createPostgresSchema(postgres.url!);
    const opened = await Promise.allSettled(Array.from({ length: INSTANCES }, () => openStore({ databaseUrl: schema!.url, poolSize: 2 })));
    for (const result of opened) if (result.status === 'fulfilled') stores.push(result.value);
    expect(opened.filter((result) => result.status === 'rejected')).toEqual([]);

    const runs = stores.map((store) => store.migrationsRun ?? []);
    expect(runs.filter((names) => names.length > 0)).toHaveLength(1);
    expect(runs.flat().at(-1)).toBe(LATEST_MIGRATION);
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(stores[0]!.handles.db);
    expect(rows.map((row) => row.name)).toEqual(runs.flat());
  }, 60_000);

  it('sizes the pool by setting, 8 by default', async () => {
    schema = await createPostgresSchema(postgres.url!);
    stores.push(await openStore({ databaseUrl: schema.url }));
    stores.push(await openStore({ databaseUrl: schema.url, poolSize: 3 }));
    expect(stores.map((store) => store.poolUse?.().max)).toEqual([8, 3]);
    expect(stores[1]!.migrationsRun).toEqual([]);
  });
});
