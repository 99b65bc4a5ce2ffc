// Accounts: users, sessions, API tokens and failed sign-ins (../accounts-schema.ts). A user's
// deletion takes their sessions and tokens with it; an organization's, its users.
import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../dialect.js';
import { idColumnType } from '../dialect.js';

const TIME = 'double precision';

export function accounts(dialect: DialectName): Migration {
  const idType = idColumnType(dialect);
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('users')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('login', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'bureau', 'division', 'viewer')`))
        .addColumn('bureau', 'text')
        .addColumn('division', 'text')
        .addColumn('password_hash', 'text')
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', TIME, (c) => c.notNull())
        .addColumn('updated_at', TIME, (c) => c.notNull())
        .addUniqueConstraint('users_org_login', ['org_id', 'login'])
        .execute();
      await db.schema.createIndex('users_login').on('users').column('login').execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', TIME, (c) => c.notNull())
        .addColumn('last_seen_at', TIME, (c) => c.notNull())
        .addColumn('expires_at', TIME, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('created_at', TIME, (c) => c.notNull())
        .addColumn('last_used_at', TIME)
        .addColumn('revoked_at', TIME)
        .execute();
      await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();

      await db.schema
        .createTable('sign_in_failures')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('login', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('at', TIME, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sign_in_failures_login').on('sign_in_failures').columns(['org_id', 'login', 'at']).execute();
      await db.schema.createIndex('sign_in_failures_address').on('sign_in_failures').columns(['address', 'at']).execute();
    },
    async down(db: Kysely<any>) {
      for (const table of ['sign_in_failures', 'api_tokens', 'sessions', 'users']) await db.schema.dropTable(table).execute();
    },
  };
}
